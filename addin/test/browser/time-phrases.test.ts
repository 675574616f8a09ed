import { describe, expect, it } from "vitest";
import type { CheckResponse } from "../../src/shared/contract";
import { PROSPECT_ZONE_PROPERTY } from "../../src/shared/draft";
import type { StubConfig } from "../support/stub";
import { futureWinterThursday, useChromium, type Pane } from "./harness";

// The pane shows times in the API's words (each party time's `phrases`), never its own parse of localStart.

const day = futureWinterThursday();
const invite = (prospectZone: string): StubConfig => ({
  start: `${day}T15:00:00.000Z`, end: `${day}T16:00:00.000Z`, timeZone: "Eastern Standard Time", email: "sdr@example.com", displayName: "Sam Rivera",
  required: [{ emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" }, { emailAddress: "cfo@acme-metals.example", displayName: "Pat Morgan" }],
  location: "Acme Metals, Fresno, CA 93706", customProperties: { [PROSPECT_ZONE_PROPERTY]: prospectZone }, body: "<p>Hi</p>",
});

const chromium = useChromium();

const row = (p: Pane, party: string) => p.page.locator(`.time-row[data-party="${party}"]`);

describe("times in the pane", () => {
  it("says a prospect in Tokyo is on the next day, as the API phrases it", async () => {
    const answers: CheckResponse[] = [];
    const pane = await chromium.pane({
      office: invite("Asia/Tokyo"),
      api: async (route, path) => {
        if (!path.endsWith("/meetings/check")) return false;
        const response = await route.fetch();
        answers.push((await response.json()) as CheckResponse);
        await route.fulfill({ response });
        return true;
      },
    });
    await expect.poll(() => row(pane!, "prospect").locator(".said-time").textContent()).toBe("12:00 AM Japan Time (Tokyo)");
    const prospect = answers.at(-1)!.times.find((t) => t.party === "prospect")!;
    expect(prospect.phrases.dayShift).toBe("next day");
    const detail = row(pane, "prospect").locator(".when-detail");
    expect(await detail.textContent()).toBe(`until ${prospect.phrases.end} · ${prospect.phrases.day} (next day)`);
    expect(await detail.getAttribute("class")).toContain("day-shift");
    expect(await row(pane, "organizer").locator(".when-detail").getAttribute("class")).not.toContain("day-shift");
  });

  it("renders the server's phrases as given, whatever localStart says", async () => {
    const pane = await chromium.pane({
      office: invite("America/Los_Angeles"),
      api: async (route, path) => {
        if (!path.endsWith("/meetings/check")) return false;
        const response = await route.fetch();
        const body = (await response.json()) as CheckResponse;
        const prospect = body.times.find((t) => t.party === "prospect")!;
        prospect.phrases = { ...prospect.phrases, said: "seven in the morning, Fresno", end: "eight", day: "Thursday the 3rd", dayShift: "day before", zone: "Valley time" };
        await route.fulfill({ response, json: body });
        return true;
      },
    });
    const prospect = row(pane, "prospect");
    await expect.poll(() => prospect.locator(".said-time").textContent()).toBe("seven in the morning, Fresno");
    expect(await prospect.locator(".when-detail").textContent()).toBe("until eight · Thursday the 3rd (day before)");
    expect(await prospect.locator(".who-role").textContent()).toBe("Prospect · Valley time");
  });
});
