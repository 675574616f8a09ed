import type { ApiClient } from "./api-client";
import type { CheckRequest, CheckResponse, HandoffNotes, HandoffRecord, HandoffRequest } from "./contract";
import { NOT_QUALIFIED_CODE } from "./contract";
import { readDraft, toCheckRequest } from "./draft";
import type { CustomPropertiesLike, MailboxLike, RequirementsLike } from "./mailbox";
import { officeCall } from "./office-async";

// The baton at send: every invite gets a stable handoff key in its custom properties, so re-sending an edited invite
// updates the same record; the SDR's notes for the RSM live there too (never in the body the prospect reads).
// DOM-free and used by the event handlers, which classic Outlook may run as ES2016: plain syntax only (esbuild lowers
// async/await, ?. and ??); no regex lookbehind or named groups.

export const HANDOFF_KEY_PROPERTY = "handoffKey";
export const HANDOFF_VERSION_PROPERTY = "handoffVersion";
export const HANDOFF_NOTES_PROPERTY = "handoffNotes";
/** Outlook keeps at most 2,500 characters of custom properties per item: three notes of 600 leave room for the rest. */
export const NOTE_MAX_LENGTH = 600;

export interface HandoffApi {
  recordHandoff: ApiClient["recordHandoff"];
}

export interface Recorded {
  key: string;
  record: HandoffRecord;
}

/** A key no other invite will have: time plus randomness (not a secret, only unique). */
export function newHandoffKey(now: number = Date.now(), random: () => number = Math.random): string {
  let tail = "";
  for (let i = 0; i < 12; i++) tail += Math.floor(random() * 36).toString(36);
  return `h-${now.toString(36)}-${tail}`;
}

async function properties(mailbox: MailboxLike): Promise<CustomPropertiesLike> {
  if (!mailbox.item) throw new Error("No meeting is open.");
  const item = mailbox.item;
  return officeCall<CustomPropertiesLike>((cb) => item.loadCustomPropertiesAsync(cb));
}

function cleanNotes(value: unknown): HandoffNotes {
  const notes: HandoffNotes = {};
  if (value && typeof value === "object") {
    for (const name of ["whyNow", "pain", "nextStep"] as const) {
      const text = (value as Record<string, unknown>)[name];
      if (typeof text === "string" && text.trim()) notes[name] = text.trim().slice(0, NOTE_MAX_LENGTH);
    }
  }
  return notes;
}

export function hasNotes(notes: HandoffNotes): boolean {
  return !!(notes.whyNow || notes.pain || notes.nextStep);
}

/** The SDR's notes saved on the item (empty when none or when custom properties are unavailable). */
export async function readNotes(mailbox: MailboxLike): Promise<HandoffNotes> {
  try {
    return cleanNotes((await properties(mailbox)).get(HANDOFF_NOTES_PROPERTY));
  } catch {
    return {};
  }
}

export async function saveNotes(mailbox: MailboxLike, notes: HandoffNotes): Promise<void> {
  const props = await properties(mailbox);
  const clean = cleanNotes(notes);
  if (hasNotes(clean)) props.set(HANDOFF_NOTES_PROPERTY, clean);
  else props.remove(HANDOFF_NOTES_PROPERTY);
  await officeCall<void>((cb) => props.saveAsync(cb));
}

/** The check request with the saved notes, so the handoff bar sees them. */
export function withNotes<T extends CheckRequest>(request: T, notes: HandoffNotes): T {
  return hasNotes(notes) ? { ...request, notes } : request;
}

/**
 * The open invite's handoff key, created and saved on first use, so the pane's checks and the record at send share it
 * (the server logs each key's checks to count the warnings fixed before send). Null when custom properties fail.
 */
const knownKeys = new WeakMap<object, string>();

export async function ensureHandoffKey(mailbox: MailboxLike): Promise<string | null> {
  const item = mailbox.item as object | null | undefined;
  const known = item ? knownKeys.get(item) : undefined;
  if (known) return known; // one custom-properties read per item, not one per check
  try {
    const props = await properties(mailbox);
    let key = props.get(HANDOFF_KEY_PROPERTY);
    if (typeof key !== "string" || !key) {
      key = newHandoffKey();
      props.set(HANDOFF_KEY_PROPERTY, key);
      await officeCall<void>((cb) => props.saveAsync(cb));
    }
    if (item) knownKeys.set(item, key as string);
    return key as string;
  } catch {
    return null;
  }
}

/**
 * Records the open invite: PUT /api/v1/handoffs/{key} with If-Match of the version this item last recorded. The key
 * is created and saved first, so the send handler and the pane action agree on it. The item is the record's source
 * of truth, so a precondition answer (someone recorded another version of this item) is retried with what the
 * server names.
 */
export async function recordHandoff(mailbox: MailboxLike, requirements: RequirementsLike, api: HandoffApi, recordedFrom: "send" | "pane"): Promise<Recorded> {
  const props = await properties(mailbox);
  let key = props.get(HANDOFF_KEY_PROPERTY);
  if (typeof key !== "string" || !key) {
    key = newHandoffKey();
    props.set(HANDOFF_KEY_PROPERTY, key);
    await officeCall<void>((cb) => props.saveAsync(cb));
  }
  const draft = await readDraft(mailbox, requirements);
  const body: HandoffRequest = { ...withNotes(toCheckRequest(draft), cleanNotes(props.get(HANDOFF_NOTES_PROPERTY))), recordedFrom };
  const stored = props.get(HANDOFF_VERSION_PROPERTY);
  let ifMatch: string | null = typeof stored === "number" ? `"${stored}"` : null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await api.recordHandoff(key as string, body, ifMatch);
    if (answer.record) {
      if (answer.record.version !== stored) {
        props.set(HANDOFF_VERSION_PROPERTY, answer.record.version);
        await officeCall<void>((cb) => props.saveAsync(cb)).catch(() => undefined);
      }
      return { key: key as string, record: answer.record };
    }
    // 428: the record changed and this item lost its version; 412: stale, or gone (then create it again).
    ifMatch = answer.status === 428 ? "*" : answer.currentVersion !== null ? `"${answer.currentVersion}"` : null;
  }
  throw new Error("Handoff could not record this invite: it kept changing on the server.");
}

/** The Smart Alert text for a draft below the handoff bar (≤ 500 characters, as Outlook allows). */
export function notQualifiedText(result: CheckResponse): string | null {
  const warning = result.warnings.find((w) => w.code === NOT_QUALIFIED_CODE);
  if (!warning) return null;
  const text = `${warning.message} Send anyway, or add what's missing in the Handoff pane.`;
  return text.length <= 500 ? text : `${text.slice(0, 497)}...`;
}
