import { afterEach, describe, expect, it, vi } from "vitest";
import { PaneController } from "../../src/taskpane/controller";
import type { PaneState } from "../../src/taskpane/state";
import { jsonResponse, nyToFresno } from "../support/fixtures";
import { installOfficeStub, removeOfficeStub } from "../support/stub";

// The check answers even when calendars could not be read on the SDR's behalf; its calendarAccess says who must act.

afterEach(removeOfficeStub);

function pane(calendarAccess: object) {
  const office = installOfficeStub({ required: [{ emailAddress: "rsm.west@example.com" }, { emailAddress: "cfo@acme-metals.example" }] });
  const fetchImpl = vi.fn(async (url: string) => String(url).endsWith("/client-config")
    ? new Response("", { status: 404 })
    : jsonResponse({ ...nyToFresno(), calendarAccess })) as unknown as typeof fetch;
  const renders: PaneState[] = [];
  const controller = new PaneController({
    mailbox: office.mailbox, requirements: office.requirements, apiBase: "https://handoff.test", storage: sessionStorage(),
    simulated: false, render: (s) => renders.push(s), fetchImpl,
  });
  return controller;
}

describe("calendar access reported by the check", () => {
  it("'sign in again' shows the Sign in card with the API's words", async () => {
    const controller = pane({ state: "signInAgain", message: "Sign in to Handoff again so it can read the RSMs' calendars for you." });
    await controller.start();
    expect(controller.state).toMatchObject({ status: "signedOut", signInMessage: "Sign in to Handoff again so it can read the RSMs' calendars for you." });
    expect(controller.state.result?.verdict).toBe("blocked"); // the degraded answer is kept
  });

  it("'your admin must consent' keeps the result and says so", async () => {
    const controller = pane({ state: "adminConsent", message: "Your Microsoft 365 admin must consent to Handoff reading calendars (Calendars.ReadBasic) before it can check them." });
    await controller.start();
    expect(controller.state.status).toBe("ready");
    expect(controller.state.notice).toEqual({ tone: "error", text: expect.stringContaining("admin must consent") });
  });
});

function sessionStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() { return map.size; }, clear: () => map.clear(), getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null, removeItem: (k) => void map.delete(k), setItem: (k, v) => void map.set(k, v),
  };
}
