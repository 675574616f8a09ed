import type { CheckRequest } from "./contract";
import { officeCall } from "./office-async";
import type { ComposeItemLike, CustomPropertiesLike, EmailAddressLike, MailboxLike, RequirementsLike } from "./mailbox";

/** The invite as the SDR has it right now. */
export interface Draft {
  start: Date;
  end: Date;
  /** Windows zone id from Outlook ("Eastern Standard Time"). */
  organizerTimeZone: string;
  organizerEmail: string | null;
  organizerName: string | null;
  attendees: Attendee[];
  location: string;
  /** The SDR's own choice of the prospect's zone, saved on the item; null = let the API infer it. */
  prospectTimeZone: string | null;
}

export interface Attendee {
  email: string;
  name: string;
  optional: boolean;
}

/** Custom property on the appointment that remembers the SDR's prospect zone for the pane and the send check. */
export const PROSPECT_ZONE_PROPERTY = "handoffProspectTimeZone";

export async function readDraft(mailbox: MailboxLike, requirements: RequirementsLike): Promise<Draft> {
  const item = requireItem(mailbox);
  const [start, end, required, optional, location, prospectTimeZone] = await Promise.all([
    officeCall<Date>((cb) => item.start.getAsync(cb)),
    officeCall<Date>((cb) => item.end.getAsync(cb)),
    officeCall<EmailAddressLike[]>((cb) => item.requiredAttendees.getAsync(cb)),
    officeCall<EmailAddressLike[]>((cb) => item.optionalAttendees.getAsync(cb)),
    readLocation(item, requirements),
    readProspectZone(item),
  ]);
  const profile = mailbox.userProfile;
  return {
    start: new Date(start),
    end: new Date(end),
    organizerTimeZone: profile.timeZone,
    organizerEmail: profile.emailAddress || null,
    organizerName: profile.displayName || null,
    attendees: mergeAttendees(required, optional, profile.emailAddress),
    location,
    prospectTimeZone,
  };
}

async function readLocation(item: ComposeItemLike, requirements: RequirementsLike): Promise<string> {
  const text = (await officeCall<string>((cb) => item.location.getAsync(cb))) ?? "";
  if (text.trim() || !item.enhancedLocation || !requirements.isSetSupported("Mailbox", "1.8")) return text.trim();
  // Some clients keep rooms and places only in enhancedLocation.
  const places = await officeCall<Array<{ displayName: string }>>((cb) => item.enhancedLocation!.getAsync(cb));
  return places.map((p) => p.displayName).filter(Boolean).join("; ");
}

function mergeAttendees(required: EmailAddressLike[], optional: EmailAddressLike[], organizerEmail: string): Attendee[] {
  const seen = new Set<string>([organizerEmail.trim().toLowerCase()]);
  const result: Attendee[] = [];
  const add = (list: EmailAddressLike[], isOptional: boolean) => {
    for (const r of list ?? []) {
      const email = (r.emailAddress ?? "").trim();
      const key = email.toLowerCase();
      if (!email || seen.has(key)) continue;
      seen.add(key);
      result.push({ email, name: r.displayName?.trim() || email, optional: isOptional });
    }
  };
  add(required, false);
  add(optional, true);
  return result;
}

export function toCheckRequest(draft: Draft): CheckRequest {
  const request: CheckRequest = {
    start: draft.start.toISOString(),
    end: draft.end.toISOString(),
    organizerTimeZone: draft.organizerTimeZone,
    attendees: draft.attendees.map((a) => a.email),
  };
  if (draft.organizerEmail) request.organizerEmail = draft.organizerEmail;
  if (draft.location) request.location = draft.location;
  if (draft.prospectTimeZone) request.prospectTimeZone = draft.prospectTimeZone;
  return request;
}

async function readProspectZone(item: ComposeItemLike): Promise<string | null> {
  try {
    const props = await officeCall<CustomPropertiesLike>((cb) => item.loadCustomPropertiesAsync(cb));
    const value = props.get(PROSPECT_ZONE_PROPERTY);
    return typeof value === "string" && value ? value : null;
  } catch {
    return null; // custom properties are a convenience; never fail the check over them
  }
}

export async function saveProspectZone(mailbox: MailboxLike, zone: string | null): Promise<void> {
  const item = requireItem(mailbox);
  const props = await officeCall<CustomPropertiesLike>((cb) => item.loadCustomPropertiesAsync(cb));
  if (zone) props.set(PROSPECT_ZONE_PROPERTY, zone);
  else props.remove(PROSPECT_ZONE_PROPERTY);
  await officeCall<void>((cb) => props.saveAsync(cb));
}

/** Moves the meeting. Start first: Outlook keeps the duration when the start moves, then the end is set exactly. */
export async function setMeetingTime(mailbox: MailboxLike, start: Date, end: Date): Promise<void> {
  const item = requireItem(mailbox);
  await officeCall<void>((cb) => item.start.setAsync(start, cb));
  await officeCall<void>((cb) => item.end.setAsync(end, cb));
}

export async function addRequiredAttendee(mailbox: MailboxLike, attendee: EmailAddressLike): Promise<void> {
  const item = requireItem(mailbox);
  await officeCall<void>((cb) => item.requiredAttendees.addAsync([attendee], cb));
}

export async function getRequiredAttendees(mailbox: MailboxLike): Promise<EmailAddressLike[]> {
  const item = requireItem(mailbox);
  const list = await officeCall<EmailAddressLike[]>((cb) => item.requiredAttendees.getAsync(cb));
  return list.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName }));
}

export async function setRequiredAttendees(mailbox: MailboxLike, attendees: EmailAddressLike[]): Promise<void> {
  const item = requireItem(mailbox);
  await officeCall<void>((cb) => item.requiredAttendees.setAsync(attendees, cb));
}

/** Prepends to the body in the body's own format. */
export async function prependToBody(mailbox: MailboxLike, content: { html: string; text: string }): Promise<"html" | "text"> {
  const item = requireItem(mailbox);
  const type = String(await officeCall<string>((cb) => item.body.getTypeAsync(cb))).toLowerCase() === "html" ? "html" : "text";
  await officeCall<void>((cb) => item.body.prependAsync(type === "html" ? content.html : content.text, { coercionType: type }, cb));
  return type;
}

function requireItem(mailbox: MailboxLike): ComposeItemLike {
  if (!mailbox.item) throw new Error("No meeting is open.");
  return mailbox.item;
}
