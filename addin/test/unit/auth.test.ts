import { afterEach, describe, expect, it, vi } from "vitest";
import { createAuth, SignInRequired } from "../../src/taskpane/auth";
import type { DialogApi } from "../../src/taskpane/dialog-auth";

// Entra sign-in where Outlook has no nested app authentication: the Office dialog API, never MSAL's plain browser
// client. The dialog is a stub that answers the way Office does (events after displayDialogAsync's callback).

const config = { authMode: "Entra" as const, apiBaseUrl: null, entra: { clientId: "c-1", tenantId: "t-1", apiScope: "api://c-1/access_as_user" } };
const withoutNaa = { isSetSupported: (name: string) => name !== "NestedAppAuth" };
const withNaa = { isSetSupported: () => true };
const paneUrl = "https://handoff.contoso.com/addin/taskpane.html?_host_Info=Outlook";

function dialog(answer: { message?: string; error?: number } | "openFails") {
  const opened: string[] = [];
  const closed = vi.fn();
  const ui: DialogApi = {
    displayDialogAsync(url, _options, callback) {
      opened.push(url);
      if (answer === "openFails") return setTimeout(() => callback({ status: "failed", value: null as never, error: { code: 12007, message: "open" } }), 0) && undefined;
      const handlers: Record<string, (arg: { message?: string; error?: number }) => void> = {};
      setTimeout(() => {
        callback({ status: "succeeded", value: { close: closed, addEventHandler: (type, h) => { handlers[type] = h; } } });
        setTimeout(() => (answer.message !== undefined ? handlers.dialogMessageReceived!(answer) : handlers.dialogEventReceived!(answer)), 0);
      }, 0);
    },
  };
  return { ui, opened, closed };
}

afterEach(() => vi.restoreAllMocks());

describe("Entra sign-in without nested app authentication", () => {
  it("asks for the Sign in button instead of trying MSAL silently", async () => {
    const { ui, opened } = dialog({ message: "{}" });
    const auth = createAuth(config, { storage: sessionStorageStub(), office: { requirements: withoutNaa, ui }, paneUrl });
    await expect(auth.token()).rejects.toBeInstanceOf(SignInRequired);
    expect(opened).toHaveLength(0);
  });

  it("signs in through the Office dialog on the pane's origin and uses its token until near expiry", async () => {
    let now = 1_000_000;
    const { ui, opened, closed } = dialog({ message: JSON.stringify({ ok: true, accessToken: "tok-1", expiresOn: now + 3_600_000 }) });
    const auth = createAuth(config, { storage: sessionStorageStub(), loginHint: "sdr@contoso.com", office: { requirements: withoutNaa, ui }, paneUrl, now: () => now });

    await auth.signIn();

    expect(opened).toHaveLength(1);
    const url = new URL(opened[0]!);
    expect(url.origin + url.pathname).toBe("https://handoff.contoso.com/addin/auth-dialog.html");
    expect(Object.fromEntries(url.searchParams)).toEqual({ clientId: "c-1", tenantId: "t-1", scope: "api://c-1/access_as_user", loginHint: "sdr@contoso.com" });
    expect(closed).toHaveBeenCalledOnce();
    expect(await auth.token()).toBe("tok-1");
    now += 3_600_000 - 4 * 60_000; // within 5 minutes of expiry
    await expect(auth.token()).rejects.toBeInstanceOf(SignInRequired);
  });

  it.each([
    [{ error: 12006 }, "Sign-in was closed before it finished."],
    [{ message: JSON.stringify({ ok: false, error: "Sign-in failed: AADSTS50105" }) }, "Sign-in failed: AADSTS50105"],
    ["openFails" as const, "A Handoff sign-in window is already open."],
  ])("turns a dialog that ends without a token into a clear sign-in message (%j)", async (answer, message) => {
    const { ui } = dialog(answer);
    const auth = createAuth(config, { storage: sessionStorageStub(), office: { requirements: withoutNaa, ui }, paneUrl });
    await expect(auth.signIn()).rejects.toThrow(new SignInRequired(message));
  });

  it("keeps nested app authentication where Outlook supports it", async () => {
    const { ui, opened } = dialog({ message: "{}" });
    const auth = createAuth(config, { storage: sessionStorageStub(), office: { requirements: withNaa, ui }, paneUrl });
    expect(auth.constructor.name).toBe("EntraAuth");
    expect(opened).toHaveLength(0);
  });
});

function sessionStorageStub(): Storage {
  const map = new Map<string, string>();
  return {
    get length() { return map.size; },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, v),
  };
}
