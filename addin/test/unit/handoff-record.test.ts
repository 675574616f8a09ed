import { afterEach, describe, expect, it, vi } from "vitest";
import type { HandoffRequest } from "../../src/shared/contract";
import { ensureHandoffKey, HANDOFF_KEY_PROPERTY, HANDOFF_NOTES_PROPERTY, HANDOFF_VERSION_PROPERTY, newHandoffKey, recordHandoff, saveNotes } from "../../src/shared/handoff-record";
import { handoffRecord, jsonResponse, nyToFresno } from "../support/fixtures";
import { installOfficeStub, removeOfficeStub } from "../support/stub";

// The baton at send, from source: one key per invite, kept in custom properties; notes go to the record, never the body.

const invite = {
  required: [{ emailAddress: "rsm.west@example.com" }, { emailAddress: "cfo@acme-metals.example" }],
  body: "<p>Looking forward to it.</p>",
  mailboxVersion: "1.14",
};

/** A fake API: remembers each PUT and answers like the server (same body again = same version). */
function fakeServer() {
  const puts: Array<{ key: string; body: HandoffRequest; ifMatch: string | null }> = [];
  let version = 0;
  let last = "";
  const api = {
    recordHandoff: vi.fn(async (key: string, body: HandoffRequest, ifMatch: string | null) => {
      puts.push({ key, body, ifMatch });
      const { recordedFrom: _ignored, ...content } = body;
      const text = JSON.stringify(content);
      if (version > 0 && text !== last && ifMatch === null) return { status: 428, currentVersion: null };
      if (text !== last) { version++; last = text; }
      return { status: 200, record: handoffRecord(key, version) };
    }),
  };
  return { api, puts };
}

afterEach(() => removeOfficeStub());

describe("handoff record", () => {
  it("makes keys that differ and fit the API's rule", () => {
    const a = newHandoffKey(1_790_000_000_000, () => 0.5);
    expect(a).toMatch(/^[A-Za-z0-9._-]{8,100}$/);
    expect(newHandoffKey()).not.toBe(newHandoffKey());
  });

  it("gives the pane's checks the key the record at send uses", async () => {
    const { stub, mailbox, requirements } = installOfficeStub(invite);
    const { api } = fakeServer();

    const checked = await ensureHandoffKey(mailbox);
    expect(checked).toMatch(/^[A-Za-z0-9._-]{8,100}$/);
    expect(await ensureHandoffKey(mailbox)).toBe(checked);
    expect(stub.state.custom[HANDOFF_KEY_PROPERTY]).toBe(checked);
    expect((await recordHandoff(mailbox, requirements, api, "send")).key).toBe(checked);
  });

  it("gives the invite one key: the send handler and the pane action record it once", async () => {
    const { stub, mailbox, requirements } = installOfficeStub(invite);
    const { api, puts } = fakeServer();

    const first = await recordHandoff(mailbox, requirements, api, "send");
    const second = await recordHandoff(mailbox, requirements, api, "pane");

    expect(second.key).toBe(first.key);
    expect(stub.state.custom[HANDOFF_KEY_PROPERTY]).toBe(first.key);
    expect(stub.state.custom[HANDOFF_VERSION_PROPERTY]).toBe(1);
    expect(second.record.version).toBe(1);
    expect(puts.map((p) => p.body.recordedFrom)).toEqual(["send", "pane"]);
    expect(puts[1]!.ifMatch).toBe('"1"');
  });

  it("sends the saved notes to the record and never writes them into the invite body", async () => {
    const { stub, mailbox, requirements } = installOfficeStub(invite);
    const { api, puts } = fakeServer();
    await saveNotes(mailbox, { whyNow: "Insurer audit in January", pain: "  Copper theft  ", nextStep: "" });

    await recordHandoff(mailbox, requirements, api, "send");

    expect(stub.state.custom[HANDOFF_NOTES_PROPERTY]).toEqual({ whyNow: "Insurer audit in January", pain: "Copper theft" });
    expect(puts[0]!.body.notes).toEqual({ whyNow: "Insurer audit in January", pain: "Copper theft" });
    expect(stub.state.body).toBe("<p>Looking forward to it.</p>");
    expect(stub.callsTo("body.prependAsync")).toEqual([]);
  });

  it("a changed re-send of the same invite updates the same record with If-Match", async () => {
    const { stub, mailbox, requirements } = installOfficeStub(invite);
    const { api, puts } = fakeServer();
    const first = await recordHandoff(mailbox, requirements, api, "send");
    stub.set({ start: new Date("2026-12-10T18:00:00Z"), end: new Date("2026-12-10T19:00:00Z") });

    const again = await recordHandoff(mailbox, requirements, api, "send");

    expect(again.key).toBe(first.key);
    expect(again.record.version).toBe(2);
    expect(puts[1]!.ifMatch).toBe('"1"');
    expect(stub.state.custom[HANDOFF_VERSION_PROPERTY]).toBe(2);
  });
});

describe("OnAppointmentSend with the baton", () => {
  async function load(check: object) {
    const { stub } = installOfficeStub(invite);
    const calls: Array<{ url: string; method: string; body: unknown }> = [];
    vi.stubGlobal("fetch", vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url: String(url), method: init?.method ?? "GET", body: init?.body ? JSON.parse(String(init.body)) : null });
      if (String(url).endsWith("/client-config")) return new Response("", { status: 404 });
      if (String(url).includes("/api/v1/handoffs/")) return jsonResponse({ key: "k", version: 1, verdict: "review", rsms: [], sentAnyway: [] }, 201);
      return jsonResponse(check);
    }));
    vi.resetModules();
    const commands = await import("../../src/commands/commands");
    return { stub, calls, commands };
  }

  afterEach(() => vi.unstubAllGlobals());

  it("records the handoff when the meeting may go", async () => {
    const { stub, calls, commands } = await load(nyToFresno({ verdict: "review" }));
    const completed = vi.fn();
    await commands.onAppointmentSend({ completed });
    expect(completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
    const put = calls.find((c) => c.method === "PUT")!;
    expect(put.url).toBe(`https://localhost:5001/api/v1/handoffs/${encodeURIComponent(String(stub.state.custom[HANDOFF_KEY_PROPERTY]))}`);
    expect(put.body).toMatchObject({ recordedFrom: "send", attendees: ["rsm.west@example.com", "cfo@acme-metals.example"] });
  });

  it("records nothing for a send it blocks", async () => {
    const { calls, commands } = await load(nyToFresno());
    const completed = vi.fn();
    await commands.onAppointmentSend({ completed });
    expect(completed.mock.calls[0]![0]).toMatchObject({ allowEvent: false });
    expect(calls.some((c) => c.method === "PUT")).toBe(false);
  });

  it("prompts with Send Anyway for a draft below the handoff bar, after recording it", async () => {
    const warning = { code: "HANDOFF_NOT_QUALIFIED", severity: "warning" as const, party: "prospect" as const, email: "cfo@acme-metals.example",
      message: "Below the agreed handoff bar: handoff notes on the next step." };
    const { calls, commands } = await load(nyToFresno({ verdict: "review", warnings: [warning] }));
    const completed = vi.fn();
    await commands.onAppointmentSend({ completed });
    expect(completed).toHaveBeenCalledExactlyOnceWith({
      allowEvent: false, sendModeOverride: "promptUser", cancelLabel: "Check handoff", commandId: "HandoffCheckButton",
      errorMessage: "Below the agreed handoff bar: handoff notes on the next step. Send anyway, or add what's missing in the Handoff pane.",
    });
    expect(calls.filter((c) => c.method === "PUT")).toHaveLength(1);
  });
});
