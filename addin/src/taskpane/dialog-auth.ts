import type { EntraSettings } from "../shared/naa";

// Sign-in where nested app authentication is missing (classic Outlook before 2409, Mac before 16.89, some web
// configurations): the Office dialog API opens auth-dialog.html on this origin, which runs MSAL.js with a redirect
// and sends the token back with messageParent, as Microsoft's Outlook-Add-in-SSO-NAA sample falls back. The dialog's
// redirect URI, <origin>/addin/auth-dialog.html, is registered as a single-page-application redirect URI.

export interface DialogLike {
  close(): void;
  addEventHandler(type: string, handler: (arg: { message?: string; error?: number }) => void): void;
}

export interface DialogApi {
  displayDialogAsync(url: string, options: { height: number; width: number; promptBeforeOpen?: boolean }, callback: (result: { status: string; value: DialogLike; error?: { code: number; message: string } }) => void): void;
}

export interface DialogToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresOn: number;
}

/** What auth-dialog.html sends back through messageParent. */
export type DialogMessage = { ok: true; accessToken: string; expiresOn: number } | { ok: false; error: string };

export const DIALOG_PATH = "auth-dialog.html";

/** The dialog page's URL: beside the pane, with what MSAL needs in the query. */
export function dialogUrl(paneUrl: string, entra: EntraSettings, loginHint: string | undefined, claims?: string): string {
  const url = new URL(DIALOG_PATH, paneUrl);
  url.searchParams.set("clientId", entra.clientId);
  url.searchParams.set("tenantId", entra.tenantId);
  url.searchParams.set("scope", entra.apiScope);
  if (loginHint) url.searchParams.set("loginHint", loginHint);
  if (claims) url.searchParams.set("claims", claims);
  return url.toString();
}

/** Opens the sign-in dialog and resolves with the token it sends, or rejects with why not (closed, blocked, failed). */
export function signInWithDialog(ui: DialogApi, url: string): Promise<DialogToken> {
  return new Promise((resolve, reject) => {
    ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status === "failed") {
        reject(new Error(opened.error?.code === 12007 ? "A Handoff sign-in window is already open." : `Outlook could not open the sign-in window (${opened.error?.code ?? "unknown"}).`));
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler("dialogMessageReceived", (arg) => {
        dialog.close();
        let message: DialogMessage;
        try {
          message = JSON.parse(arg.message ?? "") as DialogMessage;
        } catch {
          reject(new Error("The sign-in window sent an unreadable answer."));
          return;
        }
        if (message.ok) resolve({ accessToken: message.accessToken, expiresOn: message.expiresOn });
        else reject(new Error(message.error));
      });
      dialog.addEventHandler("dialogEventReceived", (arg) => {
        // 12006: the user closed the dialog.
        reject(new Error(arg.error === 12006 ? "Sign-in was closed before it finished." : `The sign-in window stopped (${arg.error}).`));
      });
    });
  });
}
