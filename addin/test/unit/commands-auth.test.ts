import { afterEach, describe, expect, it, vi } from "vitest";
import { PANE_PRESENCE_KEY } from "../../src/shared/pane-presence";
import { jsonResponse, nyToFresno } from "../support/fixtures";
import { installOfficeStub, removeOfficeStub, type OfficeStub, type StubConfig } from "../support/stub";

// The event handlers where sign-in or the pane changes what they may do: Entra sign-in on an Outlook without nested
// app authentication (never a silent pass), and one check per change while the pane is open.

const invite = { required: [{ emailAddress: "rsm.west@example.com" }, { emailAddress: "cfo@acme-metals.example" }] };
const entraConfig = { authMode: "Entra", apiBaseUrl: null, entra: { clientId: "c", tenantId: "t", apiScope: "api://c/access_as_user" } };
let stub: OfficeStub;
let fetchMock: ReturnType<typeof vi.fn>;

async function load(config: StubConfig, clientConfig: object | null) {
  ({ stub } = installOfficeStub({ ...invite, ...config }));
  fetchMock = vi.fn(async (url: string) => String(url).endsWith("/client-config")
    ? (clientConfig ? jsonResponse(clientConfig as never) : new Response("", { status: 404 }))
    : jsonResponse(nyToFresno()));
  vi.stubGlobal("fetch", fetchMock);
  vi.resetModules();
  return import("../../src/commands/commands");
}

const checks = () => fetchMock.mock.calls.filter((c) => String(c[0]).endsWith("/meetings/check")).length;

afterEach(() => {
  removeOfficeStub();
  vi.unstubAllGlobals();
});

describe("event handlers without nested app authentication (Entra sign-in)", () => {
  it("say on the invite that the check needs the pane, after a change", async () => {
    const { NO_BACKGROUND_CHECK_TEXT } = await load({ nestedAppAuth: false }, entraConfig);
    const completed = vi.fn();
    await stub.associations.onAppointmentTimeChangedHandler!({ completed });
    expect(completed).toHaveBeenCalledOnce();
    expect(stub.state.notifications.handoffCheck).toMatchObject({ type: "informationalMessage", message: NO_BACKGROUND_CHECK_TEXT });
    expect(NO_BACKGROUND_CHECK_TEXT.length).toBeLessThanOrEqual(150);
    expect(checks()).toBe(0);
  });

  it("let the send through with Smart Alerts' Send anyway and the reason (Mailbox 1.14)", async () => {
    const { NO_BACKGROUND_CHECK_TEXT } = await load({ nestedAppAuth: false, mailboxVersion: "1.14" }, entraConfig);
    const completed = vi.fn();
    await stub.associations.onAppointmentSendHandler!({ completed });
    expect(completed).toHaveBeenCalledExactlyOnceWith({
      allowEvent: false, errorMessage: NO_BACKGROUND_CHECK_TEXT, sendModeOverride: "promptUser", cancelLabel: "Check handoff", commandId: "HandoffCheckButton",
    });
  });

  it("let the send go with the notice on the invite before Mailbox 1.14", async () => {
    const { NO_BACKGROUND_CHECK_TEXT } = await load({ nestedAppAuth: false, mailboxVersion: "1.12" }, entraConfig);
    const completed = vi.fn();
    await stub.associations.onAppointmentSendHandler!({ completed });
    expect(completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
    expect(stub.state.notifications.handoffCheck?.message).toBe(NO_BACKGROUND_CHECK_TEXT);
  });
});

describe("one check per change", () => {
  it("the change handler stands down while the pane's heartbeat is fresh", async () => {
    await load({ sessionData: { [PANE_PRESENCE_KEY]: String(Date.now() - 5_000) } }, null);
    const completed = vi.fn();
    await stub.associations.onAppointmentTimeChangedHandler!({ completed });
    expect(completed).toHaveBeenCalledOnce();
    expect(checks()).toBe(0);
  });

  it("the change handler checks when the heartbeat is stale (the pane closed)", async () => {
    await load({ sessionData: { [PANE_PRESENCE_KEY]: String(Date.now() - 60_000) } }, null);
    await stub.associations.onAppointmentTimeChangedHandler!({ completed: vi.fn() });
    expect(checks()).toBe(1);
  });

  it("the send check always runs, pane open or not", async () => {
    await load({ sessionData: { [PANE_PRESENCE_KEY]: String(Date.now()) } }, null);
    await stub.associations.onAppointmentSendHandler!({ completed: vi.fn() });
    expect(checks()).toBe(1);
  });
});
