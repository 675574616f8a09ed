import type { RsmInfo, Suggestion } from "../shared/contract";
import { getRequiredAttendees, setMeetingTime, setRequiredAttendees } from "../shared/draft";
import type { EmailAddressLike, MailboxLike } from "../shared/mailbox";

// "With Alex instead": an alternative RSM's suggestion takes the place of the RSMs on the invite (the suggestion search
// treats the invited RSMs as one team, and an alternative as one RSM instead of that team), so the prospect does not get
// an invite with two RSMs and the brief goes to the one who will attend. Office.js has no Recipients.removeAsync: the
// required attendees are read, filtered and written back whole with setAsync (Mailbox 1.1), which Undo uses too.

/** What the invite looked like before a replace, so Undo can put it back exactly. */
export interface InviteBefore {
  required: EmailAddressLike[];
  start: Date;
  end: Date;
  /** "Dana Ruiz" (the RSMs taken off), for the Undo notice. */
  replaced: string;
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const rsmName = (r: RsmInfo) => r.name || r.email;

/** The RSMs the suggestion's RSM would replace: those on the invite, when the suggestion is for someone else. */
export function replacedBy(suggestion: Suggestion, onInvite: RsmInfo[]): RsmInfo[] {
  const rsm = suggestion.rsm;
  if (!suggestion.isAlternativeRsm || !rsm || onInvite.some((r) => same(r.email, rsm.email))) return [];
  return onInvite;
}

/** Takes the invited RSMs off the required attendees and puts the suggestion's RSM in; returns the list as it was. */
export async function replaceRsms(mailbox: MailboxLike, replaced: RsmInfo[], by: RsmInfo): Promise<EmailAddressLike[]> {
  const before = await getRequiredAttendees(mailbox);
  const kept = before.filter((a) => !replaced.some((r) => same(r.email, a.emailAddress)) && !same(a.emailAddress, by.email));
  await setRequiredAttendees(mailbox, [...kept, { emailAddress: by.email, displayName: by.name || by.email }]);
  return before;
}

/** Undo: the previous attendees and time, as they were. */
export async function restoreInvite(mailbox: MailboxLike, before: InviteBefore): Promise<void> {
  await setRequiredAttendees(mailbox, before.required);
  await setMeetingTime(mailbox, before.start, before.end);
}
