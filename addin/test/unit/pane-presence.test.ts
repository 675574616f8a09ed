import { afterEach, describe, expect, it } from "vitest";
import { announcePane, paneIsOpen, PANE_PRESENCE_KEY, PRESENCE_HEARTBEAT_MS, PRESENCE_TTL_MS } from "../../src/shared/pane-presence";
import { installOfficeStub, removeOfficeStub } from "../support/stub";

afterEach(removeOfficeStub);

describe("pane presence (sessionData heartbeat)", () => {
  it("is announced on open, refreshed on a timer, and cleared on close", async () => {
    const { stub, mailbox, requirements } = installOfficeStub({ mailboxVersion: "1.11" });
    let now = 1_000_000;
    let tick: (() => void) | undefined;
    const leave = announcePane(mailbox, requirements, { setInterval: (fn, ms) => { expect(ms).toBe(PRESENCE_HEARTBEAT_MS); tick = fn; return 1; }, clearInterval: () => { tick = undefined; }, now: () => now });
    await new Promise((r) => setTimeout(r, 5));
    expect(await paneIsOpen(mailbox, requirements, now + PRESENCE_TTL_MS - 1)).toBe(true);
    expect(await paneIsOpen(mailbox, requirements, now + PRESENCE_TTL_MS)).toBe(false);
    now += PRESENCE_HEARTBEAT_MS;
    tick!();
    expect(stub.state.session[PANE_PRESENCE_KEY]).toBe(String(now));
    leave();
    expect(tick).toBeUndefined();
    await new Promise((r) => setTimeout(r, 5));
    expect(stub.state.session).not.toHaveProperty(PANE_PRESENCE_KEY);
    expect(await paneIsOpen(mailbox, requirements, now)).toBe(false);
  });

  it("is off before Mailbox 1.11 (no sessionData): both checks run, as before", async () => {
    const { stub, mailbox, requirements } = installOfficeStub({ mailboxVersion: "1.10" });
    announcePane(mailbox, requirements);
    expect(stub.callsTo("sessionData.setAsync")).toHaveLength(0);
    expect(await paneIsOpen(mailbox, requirements)).toBe(false);
  });
});
