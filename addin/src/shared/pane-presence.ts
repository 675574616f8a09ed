import type { MailboxLike, RequirementsLike } from "./mailbox";
import { officeCall } from "./office-async";

// One check per change. With the task pane open, an edit to the time or attendees fires both the pane's own
// handler and the manifest's LaunchEvent handler. The pane owns the check while it is open: it keeps a heartbeat in
// the item's sessionData (Mailbox 1.11, shared by the pane and the event runtime), and the change handler stands
// down while the heartbeat is fresh. A pane that closed without clearing it goes stale within PRESENCE_TTL_MS.

export const PANE_PRESENCE_KEY = "handoffPaneOpen";
export const PRESENCE_HEARTBEAT_MS = 20_000;
export const PRESENCE_TTL_MS = 45_000;

function sessionData(mailbox: MailboxLike, requirements: RequirementsLike) {
  return requirements.isSetSupported("Mailbox", "1.11") ? mailbox.item?.sessionData : undefined;
}

/** True when a task pane on this item said it was open within the last PRESENCE_TTL_MS. */
export async function paneIsOpen(mailbox: MailboxLike, requirements: RequirementsLike, now: number = Date.now()): Promise<boolean> {
  const data = sessionData(mailbox, requirements);
  if (!data) return false;
  try {
    const seen = Number(await officeCall<string>((cb) => data.getAsync(PANE_PRESENCE_KEY, cb)));
    return Number.isFinite(seen) && seen > 0 && now - seen < PRESENCE_TTL_MS;
  } catch {
    return false; // no such key yet: getAsync fails
  }
}

export interface PresenceTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now(): number;
}

const realTimers: PresenceTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
  now: () => Date.now(),
};

/** The pane announces itself until the returned function is called (on pagehide). */
export function announcePane(mailbox: MailboxLike, requirements: RequirementsLike, timers: PresenceTimers = realTimers): () => void {
  const data = sessionData(mailbox, requirements);
  if (!data) return () => undefined;
  const beat = () => data.setAsync(PANE_PRESENCE_KEY, String(timers.now()), () => undefined);
  beat();
  const handle = timers.setInterval(beat, PRESENCE_HEARTBEAT_MS);
  return () => {
    timers.clearInterval(handle);
    data.removeAsync(PANE_PRESENCE_KEY, () => undefined);
  };
}
