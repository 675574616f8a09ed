import { ApiClient, fetchClientConfig } from "../shared/api-client";
import type { CheckResponse, ClientConfig } from "../shared/contract";
import { readDraft, toCheckRequest } from "../shared/draft";
import { notQualifiedText, readNotes, recordHandoff, withNotes } from "../shared/handoff-record";
import { acquireSilently, createNaaClient, naaSupported } from "../shared/naa";
import { paneIsOpen } from "../shared/pane-presence";
import type { MailboxLike, RequirementsLike } from "../shared/mailbox";
import { officeCall } from "../shared/office-async";
import { notificationText, smartAlertText } from "../shared/verdict";

// LaunchEvent handlers. Classic Outlook on Windows runs this file alone in a JavaScript-only runtime: no DOM, no
// imports (the build bundles it into one file), no Office.onReady, and fetch needs absolute URLs. Every handler
// calls event.completed() exactly once, whatever happens.

declare const __HANDOFF_ORIGIN__: string;

/** The Control id of the "Check handoff" button: Smart Alerts' "Take action" opens the pane through it. */
export const PANE_COMMAND_ID = "HandoffCheckButton";
export const NOTIFICATION_KEY = "handoffCheck";
const SEND_TIMEOUT_MS = 4000; // Smart Alerts says "taking longer" at 5 s
const CHANGE_TIMEOUT_MS = 10_000;
const RECORD_TIMEOUT_MS = 2500;

export interface LaunchEvent {
  completed(options?: Record<string, unknown>): void;
}

export interface Env {
  mailbox: MailboxLike;
  requirements: RequirementsLike;
  origin: string;
  fetchImpl: typeof fetch;
}

function officeEnv(): Env {
  const loc = (globalThis as { location?: { protocol?: string; origin?: string } }).location;
  const origin = loc?.origin && /^https?:$/.test(loc.protocol ?? "") ? loc.origin : __HANDOFF_ORIGIN__;
  return {
    mailbox: Office.context.mailbox as unknown as MailboxLike,
    requirements: Office.context.requirements,
    origin,
    fetchImpl: (input, init) => fetch(input, init),
  };
}

let configCache: Promise<ClientConfig> | undefined;

/** Entra sign-in without nested app authentication: this Outlook cannot get a token without the SDR. */
export class NoBackgroundSignIn extends Error {
  constructor() {
    super("This version of Outlook can't sign in to Handoff in the background.");
    this.name = "NoBackgroundSignIn";
  }
}

/** Shown when a check could not run in the background; ≤ 150 characters (notificationMessages' limit). */
export const NO_BACKGROUND_CHECK_TEXT = "Handoff can't check this meeting in the background in this version of Outlook. Select Check handoff to check it.";

/** Checks the open invite; null when there is nothing to check or no way to sign in without the user. */
export async function checkOpenItem(env: Env, timeoutMs: number): Promise<CheckResponse | null> {
  const draft = await readDraft(env.mailbox, env.requirements);
  if (draft.attendees.length === 0) return null;
  const api = await apiFor(env, timeoutMs);
  return api ? api.check(withNotes(toCheckRequest(draft), await readNotes(env.mailbox))) : null;
}

/** A client for the open item's API; null when there is no way to sign in without the user. */
async function apiFor(env: Env, timeoutMs: number): Promise<ApiClient | null> {
  configCache ??= fetchClientConfig(env.origin, env.fetchImpl, timeoutMs).catch((error: unknown) => {
    configCache = undefined;
    throw error;
  });
  const config = await configCache;
  const token = await silentToken(config, env);
  if (token === undefined) return null;
  return new ApiClient({ baseUrl: config.apiBaseUrl ?? env.origin, timeoutMs, fetchImpl: env.fetchImpl, getToken: async () => token });
}

/** undefined = no token can be had without the user (the pane handles sign-in). */
async function silentToken(config: ClientConfig, env: Env): Promise<string | null | undefined> {
  const mailbox = env.mailbox;
  if (config.authMode === "Demo") return null;
  if (config.authMode !== "Entra" || !config.entra) return undefined; // LocalJwt tokens live in the pane's session
  if (!naaSupported(env.requirements)) throw new NoBackgroundSignIn();
  try {
    const { app } = await createNaaClient(config.entra);
    return await acquireSilently(app, config.entra.apiScope, mailbox.userProfile.emailAddress || undefined);
  } catch {
    return undefined;
  }
}

/** OnAppointmentTimeChanged / OnAppointmentAttendeesChanged: keep a one-line verdict on the invite. */
export async function onAppointmentChanged(event: LaunchEvent, env: Env = officeEnv()): Promise<void> {
  try {
    // One check per change: an open pane checks this edit itself (see shared/pane-presence.ts).
    if (await paneIsOpen(env.mailbox, env.requirements)) return;
    const result = await checkOpenItem(env, CHANGE_TIMEOUT_MS);
    await showVerdict(env.mailbox, result);
  } catch (error) {
    // A failed background check must not bother the SDR; the pane shows errors when opened. Except when it can never
    // run here: say so once, so the SDR knows to use the pane.
    if (error instanceof NoBackgroundSignIn) await showNotice(env.mailbox).catch(() => undefined);
  } finally {
    event.completed();
  }
}

/** OnAppointmentSend (SoftBlock): stop the send only when the meeting can't work. Handoff being down never blocks. */
export async function onAppointmentSend(event: LaunchEvent, env: Env = officeEnv()): Promise<void> {
  let options: Record<string, unknown> = { allowEvent: true };
  try {
    const result = await checkOpenItem(env, SEND_TIMEOUT_MS);
    if (result?.verdict === "blocked") {
      options = { allowEvent: false, errorMessage: smartAlertText(result) };
      if (env.requirements.isSetSupported("Mailbox", "1.14")) {
        options.cancelLabel = "Check handoff";
        options.commandId = PANE_COMMAND_ID;
      }
    } else if (result) {
      options = await recordAtSend(env, result);
    }
  } catch (error) {
    options = { allowEvent: true };
    if (error instanceof NoBackgroundSignIn) {
      // Never a silent pass: with Mailbox 1.14 Smart Alerts says why and offers "Send anyway"; before that the
      // notification on the invite (shown since the first edit) says it.
      if (env.requirements.isSetSupported("Mailbox", "1.14")) {
        options = { allowEvent: false, errorMessage: NO_BACKGROUND_CHECK_TEXT, sendModeOverride: "promptUser", cancelLabel: "Check handoff", commandId: PANE_COMMAND_ID };
      } else {
        await showNotice(env.mailbox).catch(() => undefined);
      }
    }
  }
  event.completed(options);
}

async function showNotice(mailbox: MailboxLike): Promise<void> {
  const messages = mailbox.item?.notificationMessages;
  if (!messages) return;
  const message = { type: "informationalMessage", message: NO_BACKGROUND_CHECK_TEXT, icon: "Icon.16x16", persistent: false };
  await officeCall<void>((cb) => messages.replaceAsync(NOTIFICATION_KEY, message, cb));
}

/**
 * The baton: records the handoff (a failure never stops the send), then, for a draft below the org's handoff bar,
 * prompts with Send Anyway (Mailbox 1.14's PromptUser override). The record is written first because Outlook does not
 * call the handler again when the SDR chooses Send Anyway.
 */
async function recordAtSend(env: Env, result: CheckResponse): Promise<Record<string, unknown>> {
  const api = await apiFor(env, RECORD_TIMEOUT_MS).catch(() => null);
  if (api) await recordHandoff(env.mailbox, env.requirements, api, "send").catch(() => undefined);
  const prompt = notQualifiedText(result);
  if (!prompt || !env.requirements.isSetSupported("Mailbox", "1.14")) return { allowEvent: true };
  return { allowEvent: false, errorMessage: prompt, sendModeOverride: "promptUser", cancelLabel: "Check handoff", commandId: PANE_COMMAND_ID };
}

async function showVerdict(mailbox: MailboxLike, result: CheckResponse | null): Promise<void> {
  const messages = mailbox.item?.notificationMessages;
  if (!messages) return;
  if (!result || result.verdict === "ok") {
    await officeCall<void>((cb) => messages.removeAsync(NOTIFICATION_KEY, cb)).catch(() => undefined);
    return;
  }
  const message = result.verdict === "blocked"
    ? { type: "errorMessage", message: notificationText(result) }
    : { type: "informationalMessage", message: notificationText(result), icon: "Icon.16x16", persistent: false };
  await officeCall<void>((cb) => messages.replaceAsync(NOTIFICATION_KEY, message, cb));
}

/** The FunctionName values in manifest.xml. */
export const HANDLERS = {
  onAppointmentTimeChangedHandler: (event: LaunchEvent) => onAppointmentChanged(event),
  onAppointmentAttendeesChangedHandler: (event: LaunchEvent) => onAppointmentChanged(event),
  onAppointmentSendHandler: (event: LaunchEvent) => onAppointmentSend(event),
} as const;

if (typeof Office !== "undefined" && Office.actions?.associate) {
  Office.actions.associate("onAppointmentTimeChangedHandler", HANDLERS.onAppointmentTimeChangedHandler);
  Office.actions.associate("onAppointmentAttendeesChangedHandler", HANDLERS.onAppointmentAttendeesChangedHandler);
  Office.actions.associate("onAppointmentSendHandler", HANDLERS.onAppointmentSendHandler);
}
