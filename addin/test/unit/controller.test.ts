import { afterEach, describe, expect, it, vi } from "vitest";
import type { CheckRequest } from "../../src/shared/contract";
import { PROSPECT_ZONE_PROPERTY } from "../../src/shared/draft";
import { ensureHandoffKey, HANDOFF_KEY_PROPERTY } from "../../src/shared/handoff-record";
import { PaneController } from "../../src/taskpane/controller";
import type { PaneState } from "../../src/taskpane/state";
import { jsonResponse, nyToFresno } from "../support/fixtures";
import { installOfficeStub, removeOfficeStub, type StubConfig } from "../support/stub";

afterEach(() => {
  removeOfficeStub();
  vi.useRealTimers();
});

const invite: StubConfig = {
  required: [{ emailAddress: "rsm.west@example.com", displayName: "Dana Ruiz" }, { emailAddress: "cfo@acme-metals.example", displayName: "Pat Morgan" }],
  location: "Acme Metals, Fresno, CA 93706",
};

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(k: string) { return this.map.get(k) ?? null; }
  key(i: number) { return [...this.map.keys()][i] ?? null; }
  removeItem(k: string) { this.map.delete(k); }
  setItem(k: string, v: string) { this.map.set(k, v); }
}

/** A fake API: answers client-config and check, records every check body and Authorization header. */
function fakeApi(options: { config?: object | null; check?: (body: CheckRequest, n: number) => Response | Promise<Response>; suggestions?: () => Response } = {}) {
  const checks: Array<{ body: CheckRequest; auth: string | undefined; signal: AbortSignal | undefined }> = [];
  const fetchImpl = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(url)).pathname;
    if (path === "/api/v1/client-config") return options.config ? jsonResponse(options.config) : new Response("", { status: 404 });
    if (path === "/api/v1/meetings/suggestions") return options.suggestions?.() ?? new Response("", { status: 404 });
    const body = JSON.parse(String(init?.body)) as CheckRequest;
    checks.push({ body, auth: (init?.headers as Record<string, string>).Authorization, signal: init?.signal ?? undefined });
    return options.check ? options.check(body, checks.length) : jsonResponse(nyToFresno());
  }) as unknown as typeof fetch;
  return { fetchImpl, checks };
}

function setup(config: StubConfig = invite, api = fakeApi(), debounceMs = 400) {
  const office = installOfficeStub(config);
  const renders: PaneState[] = [];
  const controller = new PaneController({
    mailbox: office.mailbox, requirements: office.requirements, apiBase: "https://handoff.test", storage: new MemoryStorage(),
    simulated: false, render: (s) => renders.push(s), fetchImpl: api.fetchImpl, debounceMs,
  });
  return { ...office, controller, renders, api };
}

describe("pane controller", () => {
  it("sends the invite's handoff key with every check, so the report can count warnings fixed before send", async () => {
    const office = installOfficeStub(invite);
    const api = fakeApi();
    const controller = new PaneController({
      mailbox: office.mailbox, requirements: office.requirements, apiBase: "https://handoff.test", storage: new MemoryStorage(),
      simulated: false, render: () => undefined, fetchImpl: api.fetchImpl, handoffKey: () => ensureHandoffKey(office.mailbox),
    });
    await controller.start();
    await controller.checkNow();
    const key = office.stub.state.custom[HANDOFF_KEY_PROPERTY];
    expect(key).toMatch(/^h-/);
    expect(api.checks.map((c) => c.body.handoffKey)).toEqual([key, key]);
  });

  it("checks the draft on start and shows the verdict", async () => {
    const { controller, api } = setup();
    await controller.start();
    expect(controller.state).toMatchObject({ status: "ready", checking: false, authMode: "Demo" });
    expect(controller.state.result?.verdict).toBe("blocked");
    expect(controller.state.suggestions).toHaveLength(1);
    expect(api.checks[0]!.body.attendees).toEqual(["rsm.west@example.com", "cfo@acme-metals.example"]);
    expect(api.checks[0]!.auth).toBeUndefined();
  });

  it("registers for time, recipient and location changes where supported", async () => {
    let { controller, stub } = setup();
    await controller.start();
    expect(stub.callsTo("item.addHandlerAsync").map((c) => c.args[0])).toEqual(["olkAppointmentTimeChanged", "olkRecipientsChanged", "olkEnhancedLocationsChanged"]);
    removeOfficeStub();
    ({ controller, stub } = setup({ ...invite, mailboxVersion: "1.7" }));
    await controller.start();
    expect(stub.callsTo("item.addHandlerAsync").map((c) => c.args[0])).toEqual(["olkAppointmentTimeChanged", "olkRecipientsChanged"]);
  });

  it("re-checks once, debounced, after a burst of changes", async () => {
    const { controller, stub, api } = setup(invite, fakeApi(), 400);
    await controller.start();
    vi.useFakeTimers();
    stub.set({ start: "2026-12-03T18:00:00Z", end: "2026-12-03T19:00:00Z" });
    stub.fire("olkAppointmentTimeChanged");
    await vi.advanceTimersByTimeAsync(200);
    stub.fire("olkRecipientsChanged");
    await vi.advanceTimersByTimeAsync(399);
    expect(api.checks).toHaveLength(1);
    expect(controller.state.checking).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    vi.useRealTimers();
    await vi.waitFor(() => expect(controller.state.checking).toBe(false));
    expect(api.checks).toHaveLength(2);
    expect(api.checks[1]!.body.start).toBe("2026-12-03T18:00:00.000Z");
  });

  it("cancels a check still running when a newer one starts, and never shows the stale answer", async () => {
    let releaseFirst: (r: Response) => void = () => undefined;
    const api = fakeApi({
      check: (_body, n) => n === 2 ? new Promise<Response>((resolve) => { releaseFirst = resolve; }) : jsonResponse(nyToFresno({ verdict: n === 3 ? "ok" : "blocked" })),
    });
    const { controller } = setup(invite, api, 0);
    await controller.start();
    const slow = controller.checkNow();
    await vi.waitFor(() => expect(api.checks).toHaveLength(2));
    await controller.checkNow();
    expect(api.checks[1]!.signal?.aborted).toBe(true);
    releaseFirst(jsonResponse(nyToFresno({ verdict: "review" })));
    await slow;
    expect(controller.state.result?.verdict).toBe("ok");
  });

  it("shows the empty state without calling the API when nobody is invited", async () => {
    const { controller, api } = setup({ required: [] });
    await controller.start();
    expect(controller.state.status).toBe("empty");
    expect(api.checks).toHaveLength(0);
  });

  it("shows the empty state when the API finds no RSM among the attendees", async () => {
    const api = fakeApi({ check: () => jsonResponse(nyToFresno({ verdict: "ok", rsms: [], suggestions: [] })) });
    const { controller } = setup(invite, api);
    await controller.start();
    expect(controller.state.status).toBe("empty");
  });

  it("shows an error with a retry when the API can't be reached, and recovers", async () => {
    let down = true;
    const api = fakeApi({ check: () => { if (down) throw new TypeError("Failed to fetch"); return jsonResponse(nyToFresno()); } });
    const { controller } = setup(invite, api);
    await controller.start();
    expect(controller.state.status).toBe("error");
    expect(controller.state.error).toMatchObject({ kind: "network", title: "Can't reach Handoff", canRetry: true });
    down = false;
    await controller.checkNow();
    expect(controller.state.status).toBe("ready");
  });

  it("shows the signed-out state on 401 (LocalJwt) and signs in with a pasted token", async () => {
    const api = fakeApi({
      config: { authMode: "LocalJwt", apiBaseUrl: null, entra: null },
      check: (_b, n) => (n === 1 ? new Response("", { status: 401 }) : jsonResponse(nyToFresno())),
    });
    const { controller } = setup(invite, api);
    await controller.start();
    expect(controller.state.status).toBe("signedOut"); // no token yet: not even a call
    expect(api.checks).toHaveLength(0);
    await controller.signIn("Bearer abc.def.ghi");
    expect(api.checks[0]!.auth).toBe("Bearer abc.def.ghi");
    expect(controller.state.status).toBe("signedOut"); // the server said 401: token dropped
    expect(controller.state.signInMessage).toMatch(/expired/);
    await controller.signIn("good.token");
    expect(api.checks[1]!.auth).toBe("Bearer good.token");
    expect(controller.state.status).toBe("ready");
  });

  it("applies a suggestion to the invite and re-checks", async () => {
    const { controller, stub, api } = setup(invite, fakeApi(), 0);
    await controller.start();
    await controller.useSuggestion(controller.state.suggestions[0]!);
    expect(stub.state.start.toISOString()).toBe("2026-12-03T18:00:00.000Z");
    expect(stub.state.end.toISOString()).toBe("2026-12-03T19:00:00.000Z");
    expect(controller.state.notice).toEqual({ tone: "success", text: "Moved the meeting to Thu, Dec 3, 1:00 PM your time." });
    await vi.waitFor(() => expect(api.checks).toHaveLength(2));
  });

  it("replaces the invited RSM when a suggestion is with a different RSM, and Undo restores the invite", async () => {
    const { controller, stub } = setup(invite, fakeApi(), 0);
    await controller.start();
    const before = { required: stub.state.required.map((r) => r.emailAddress), start: stub.state.start.toISOString(), end: stub.state.end.toISOString() };
    const invited = controller.state.result!.rsms.map((r) => r.email);
    const s = { ...controller.state.suggestions[0]!, isAlternativeRsm: true, rsm: { email: "rsm.central@example.com", name: "Chris Park", timeZone: "America/Chicago" } };
    await controller.useSuggestion(s);
    const after = stub.state.required.map((r) => r.emailAddress);
    expect(after).toContain("rsm.central@example.com");
    for (const email of invited) expect(after).not.toContain(email);
    expect(stub.calls.filter((c) => c.name === "requiredAttendees.addAsync")).toEqual([]);
    expect(controller.state.notice?.text).toMatch(/and replaced .+ with Chris Park/);
    expect(controller.state.undo).not.toBeNull();

    await controller.undoReplace();
    expect(stub.state.required.map((r) => r.emailAddress)).toEqual(before.required);
    expect([stub.state.start.toISOString(), stub.state.end.toISOString()]).toEqual([before.start, before.end]);
    expect(controller.state.undo).toBeNull();
    expect(controller.state.notice?.text).toMatch(/^Undone: .+ is back on the invite/);
  });

  it("adds the other RSM when the invite has no RSM to replace", async () => {
    const { controller, stub } = setup(invite, fakeApi(), 0);
    await controller.start();
    controller.state.result = { ...controller.state.result!, rsms: [] };
    const s = { ...controller.state.suggestions[0]!, isAlternativeRsm: true, rsm: { email: "rsm.central@example.com", name: "Chris Park", timeZone: "America/Chicago" } };
    await controller.useSuggestion(s);
    expect(stub.state.required.map((r) => r.emailAddress)).toContain("rsm.central@example.com");
    expect(controller.state.notice?.text).toMatch(/and added Chris Park/);
    expect(controller.state.undo).toBeNull();
  });

  it("reports a suggestion Outlook refused", async () => {
    const { controller } = setup({ ...invite, failOn: { "start.setAsync": "The item is read-only." } }, fakeApi(), 0);
    await controller.start();
    await controller.useSuggestion(controller.state.suggestions[0]!);
    expect(controller.state.notice).toEqual({ tone: "error", text: "Couldn't change the time: The item is read-only." });
  });

  it("inserts the brief at the top of the body", async () => {
    const { controller, stub } = setup({ ...invite, body: "<p>Looking forward</p>" });
    await controller.start();
    await controller.insertBrief();
    expect(stub.state.body).toMatch(/^<div><p><b>Agenda:<\/b>/);
    expect(stub.state.body).toContain("7:00–8:00 AM Pacific Time");
    expect(stub.state.body).toMatch(/<p>Looking forward<\/p>$/);
  });

  it("remembers the SDR's prospect zone on the item and sends it", async () => {
    const { controller, stub, api } = setup();
    await controller.start();
    await controller.setProspectZone("America/Denver");
    expect(stub.state.custom[PROSPECT_ZONE_PROPERTY]).toBe("America/Denver");
    expect(api.checks.at(-1)!.body.prospectTimeZone).toBe("America/Denver");
    await controller.setProspectZone(null);
    expect(api.checks.at(-1)!.body).not.toHaveProperty("prospectTimeZone");
  });

  it("says so when the server can't search for more times", async () => {
    const { controller } = setup();
    await controller.start();
    await controller.findMoreTimes();
    expect(controller.state.suggestionsNote).toBe("This Handoff server can't search for times yet.");
    expect(controller.state.canSearch).toBe(false);
    expect(controller.state.suggestions).toHaveLength(1); // the check's suggestions stay
  });

  it("shows searched times from the suggestions endpoint", async () => {
    const found = nyToFresno().suggestions!.map((s) => ({ ...s, start: "2026-12-04T15:00:00Z" }));
    const { controller } = setup(invite, fakeApi({ suggestions: () => jsonResponse({ suggestions: found }) }));
    await controller.start();
    await controller.findMoreTimes();
    expect(controller.state.suggestionsSource).toBe("search");
    expect(controller.state.suggestions[0]!.start).toBe("2026-12-04T15:00:00Z");
  });
});
