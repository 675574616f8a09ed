import type { CheckResponse, PartyTime } from "./contract";
import type { Draft } from "./draft";

// The handoff brief goes into the invite body, which the prospect reads too. So it carries only what is safe to
// show them: an agenda line and the meeting's time in every party's zone with the names of who is there. Never the
// verdict, warnings, calendars, territories or any internal wording.

export interface Brief {
  text: string;
  html: string;
}

interface ZoneLine {
  day: string;
  range: string;
  zone: string;
  names: string[];
}

export function buildBrief(result: Pick<CheckResponse, "times" | "rsms">, draft: Pick<Draft, "attendees" | "organizerName" | "organizerEmail">): Brief {
  const rsmNames = result.rsms.map((r) => r.name || r.email);
  const agenda = rsmNames.length
    ? `Agenda: introductions, your priorities, and next steps with ${joinNames(rsmNames)}.`
    : "Agenda: introductions, your priorities, and next steps.";
  const lines = zoneLines(result, draft);
  const text = [agenda, "When:", ...lines.map((l) => `• ${l.day}, ${l.range} ${l.zone}${l.names.length ? ` — ${l.names.join(", ")}` : ""}`), "", ""].join("\n");
  const html =
    `<div><p><b>Agenda:</b> ${escapeHtml(agenda.replace(/^Agenda: /, ""))}</p>` +
    `<p><b>When:</b></p><ul>${lines
      .map((l) => `<li>${escapeHtml(`${l.day}, ${l.range} ${l.zone}`)}${l.names.length ? ` — <span>${escapeHtml(l.names.join(", "))}</span>` : ""}</li>`)
      .join("")}</ul><p>&nbsp;</p></div>`;
  return { text, html };
}

function zoneLines(result: Pick<CheckResponse, "times" | "rsms">, draft: Pick<Draft, "attendees" | "organizerName" | "organizerEmail">): ZoneLine[] {
  const rsmEmails = new Set(result.rsms.map((r) => r.email.toLowerCase()));
  const lines: ZoneLine[] = [];
  for (const t of result.times) {
    const line: ZoneLine = { day: t.phrases.longDay, range: t.phrases.range, zone: t.timeZoneName, names: [] };
    const same = lines.find((l) => l.day === line.day && l.range === line.range && l.zone === line.zone);
    const target = same ?? line;
    for (const name of namesFor(t, result, draft, rsmEmails)) if (!target.names.includes(name)) target.names.push(name);
    if (!same) lines.push(line);
  }
  return lines;
}

function namesFor(t: PartyTime, result: Pick<CheckResponse, "rsms">, draft: Pick<Draft, "attendees" | "organizerName" | "organizerEmail">, rsmEmails: Set<string>): string[] {
  const byEmail = (email: string) => draft.attendees.find((a) => a.email.toLowerCase() === email.toLowerCase())?.name ?? email;
  switch (t.party) {
    case "organizer":
      return [draft.organizerName || draft.organizerEmail || ""].filter(Boolean);
    case "rsm": {
      const rsm = result.rsms.find((r) => t.email && r.email.toLowerCase() === t.email.toLowerCase());
      return [rsm?.name || (t.email ? byEmail(t.email) : "")].filter(Boolean);
    }
    case "prospect": {
      if (t.email) return [byEmail(t.email)];
      // One prospect time for the whole customer side: name every attendee who is neither an RSM nor on the
      // organizer's own domain.
      const ownDomain = domainOf(draft.organizerEmail ?? "");
      return draft.attendees
        .filter((a) => !rsmEmails.has(a.email.toLowerCase()) && (!ownDomain || domainOf(a.email) !== ownDomain))
        .map((a) => a.name);
    }
    default:
      return t.email ? [byEmail(t.email)] : [];
  }
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
