import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, nyToFresno } from "../support/fixtures";
import { installOfficeStub, removeOfficeStub, type OfficeStub } from "../support/stub";

// The LaunchEvent handlers, from source, with the Office stub and a fake fetch on globalThis.

const invite = { required: [{ emailAddress: "rsm.west@example.com" }, { emailAddress: "cfo@acme-metals.example" }] };
let stub: OfficeStub;
let fetchMock: ReturnType<typeof vi.fn>;

function event() {
  const completed = vi.fn();
  return { completed };
}

async function loadCommands(answer: () => Response | Promise<Response>, version = "1.14") {
  ({ stub } = installOfficeStub({ ...invite, mailboxVersion: version }));
  fetchMock = vi.fn(async (url: string) => (String(url).endsWith("/client-config") ? new Response("", { status: 404 }) : answer()));
  vi.stubGlobal("fetch", fetchMock);
  vi.resetModules();
  return import("../../src/commands/commands");
}

beforeEach(() => vi.unstubAllGlobals());
afterEach(() => {
  removeOfficeStub();
  vi.unstubAllGlobals();
});

describe("event handlers", () => {
  it("registers every manifest FunctionName with Office.actions.associate", async () => {
    await loadCommands(() => jsonResponse(nyToFresno()));
    expect(Object.keys(stub.associations).sort()).toEqual(["onAppointmentAttendeesChangedHandler", "onAppointmentSendHandler", "onAppointmentTimeChangedHandler"]);
  });

  it("stops the send with a Smart Alert when the meeting can't work", async () => {
    await loadCommands(() => jsonResponse(nyToFresno()));
    const e = event();
    await stub.associations.onAppointmentSendHandler!(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    const options = e.completed.mock.calls[0]![0];
    expect(options).toMatchObject({ allowEvent: false, cancelLabel: "Check handoff", commandId: "HandoffCheckButton" });
    expect(options.errorMessage).toMatch(/^This meeting won't work: Dana Ruiz is busy/);
    expect(options.errorMessage.length).toBeLessThanOrEqual(500);
    expect(String(fetchMock.mock.calls.at(-1)![0])).toBe("https://localhost:5001/api/v1/meetings/check");
  });

  it("leaves out the Take action button before Mailbox 1.14", async () => {
    await loadCommands(() => jsonResponse(nyToFresno()), "1.12");
    const e = event();
    await stub.associations.onAppointmentSendHandler!(e);
    expect(e.completed.mock.calls[0]![0]).not.toHaveProperty("commandId");
  });

  it.each(["ok", "review"])("lets a %s meeting go", async (verdict) => {
    await loadCommands(() => jsonResponse(nyToFresno({ verdict: verdict as "ok" })));
    const e = event();
    await stub.associations.onAppointmentSendHandler!(e);
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it("never blocks sending because Handoff is down", async () => {
    await loadCommands(() => { throw new TypeError("Failed to fetch"); });
    const e = event();
    await stub.associations.onAppointmentSendHandler!(e);
    expect(e.completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });

  it("keeps a one-line verdict on the invite as it changes, and clears it when all is well", async () => {
    let verdict: "blocked" | "review" | "ok" = "blocked";
    await loadCommands(() => jsonResponse(nyToFresno({ verdict })));
    let e = event();
    await stub.associations.onAppointmentTimeChangedHandler!(e);
    expect(e.completed).toHaveBeenCalledOnce();
    expect(stub.state.notifications.handoffCheck).toMatchObject({ type: "errorMessage" });
    expect(stub.state.notifications.handoffCheck!.message.length).toBeLessThanOrEqual(150);
    verdict = "review";
    await stub.associations.onAppointmentAttendeesChangedHandler!((e = event()));
    expect(stub.state.notifications.handoffCheck).toMatchObject({ type: "informationalMessage", icon: "Icon.16x16", persistent: false });
    verdict = "ok";
    await stub.associations.onAppointmentTimeChangedHandler!((e = event()));
    expect(stub.state.notifications).not.toHaveProperty("handoffCheck");
    expect(e.completed).toHaveBeenCalledOnce();
  });

  it("completes the change event even when Outlook fails", async () => {
    const commands = await loadCommands(() => jsonResponse(nyToFresno()));
    installOfficeStub({ ...invite, failOn: { "start.getAsync": "The item is gone." } }); // handlers read Office at run time
    const e = event();
    await commands.onAppointmentChanged(e);
    expect(e.completed).toHaveBeenCalledExactlyOnceWith();
  });
});
