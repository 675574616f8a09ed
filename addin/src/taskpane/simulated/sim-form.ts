import { HANDOFF_KEY_PROPERTY } from "../../shared/handoff-record";
import type { CustomPropertiesLike, EmailAddressLike } from "../../shared/mailbox";
import { ORGANIZER_ZONES } from "../zones";
import { h } from "../view/dom";
import type { SimulatedMailbox } from "./sim-item";
import { utcToZoned, zonedToUtc } from "./zoned";

// The editable stand-in for Outlook's meeting form, shown beside the pane in a plain browser.

export function mountSimulatorForm(container: HTMLElement, mailbox: SimulatedMailbox): void {
  const snap = mailbox.snapshot();
  const ianaOf = (windowsId: string) => ORGANIZER_ZONES.find((z) => z.windowsId === windowsId)?.iana ?? "UTC";

  const zone = h("select", { id: "sim-zone", name: "zone" }, ...ORGANIZER_ZONES.map((z) => h("option", { value: z.windowsId, selected: z.windowsId === snap.timeZone }, z.label)));
  const email = h("input", { id: "sim-email", type: "email", value: snap.email, autocomplete: "off" });
  const start = h("input", { id: "sim-start", type: "datetime-local", value: utcToZoned(snap.start, ianaOf(snap.timeZone)) });
  const end = h("input", { id: "sim-end", type: "datetime-local", value: utcToZoned(snap.end, ianaOf(snap.timeZone)) });
  const required = h("textarea", { id: "sim-required", rows: 3, spellcheck: "false" }, formatRecipients(snap.required));
  const optional = h("textarea", { id: "sim-optional", rows: 2, spellcheck: "false" }, formatRecipients(snap.optional));
  const location = h("input", { id: "sim-location", type: "text", value: snap.location, autocomplete: "off" });
  const body = h("div", { id: "sim-body", class: "sim-body", "aria-live": "polite" });

  const field = (label: string, control: HTMLElement, hint?: string) =>
    h("div", { class: "sim-field" }, h("label", { for: control.id }, label), control, hint ? h("span", { class: "hint" }, hint) : null);

  const send = h("fluent-button", { id: "sim-send", appearance: "primary", onclick: () => void simulateSend(mailbox, dialog) }, "Send");
  const dialog = h("dialog", { id: "sim-alert", class: "sim-alert", "aria-labelledby": "sim-alert-title" });

  container.append(
    h("h2", {}, "Simulated meeting invite"),
    h("p", { class: "muted" }, "Outlook isn't here, so edit this stand-in instead. Every change fires the same events Outlook would, and the pane re-checks."),
    h("form", { class: "sim-form", onsubmit: (e: Event) => e.preventDefault() },
      field("Your time zone", zone, "Outlook's setting for you (userProfile.timeZone)"),
      field("Your email", email),
      h("div", { class: "sim-row" }, field("Start", start), field("End", end)),
      field("Required attendees", required, "One per line: name <email> or just the email"),
      field("Optional attendees", optional),
      field("Location", location)),
    h("h3", {}, "Invite body"),
    body,
    h("div", { class: "sim-send" }, send, h("span", { class: "hint" }, "Runs the same send check as Outlook's Smart Alerts.")),
    dialog,
  );

  const commit = () => {
    const iana = ianaOf(zone.value);
    const change: Parameters<SimulatedMailbox["edit"]>[0] = {
      timeZone: zone.value,
      email: email.value.trim(),
      required: parseRecipients(required.value),
      optional: parseRecipients(optional.value),
      location: location.value.trim(),
    };
    if (start.value) change.start = zonedToUtc(start.value, iana);
    if (end.value) change.end = zonedToUtc(end.value, iana);
    if (change.start && change.end && change.end <= change.start) delete change.end; // keep the duration instead
    mailbox.edit(change);
  };
  for (const control of [zone, email, start, end, required, optional, location]) control.addEventListener("change", commit);

  // Changes made by the add-in (Use this time, Insert brief) show up in the form.
  const refresh = () => {
    const now = mailbox.snapshot();
    const iana = ianaOf(now.timeZone);
    if (document.activeElement !== start) start.value = utcToZoned(now.start, iana);
    if (document.activeElement !== end) end.value = utcToZoned(now.end, iana);
    if (document.activeElement !== required) required.value = formatRecipients(now.required);
    body.innerHTML = now.bodyHtml || "<p class='muted'>(empty)</p>"; // only HTML the add-in built with escaping
  };
  mailbox.onChange(refresh);
  refresh();
}

/** What Outlook does on Send: run the OnAppointmentSend handler and show its Smart Alert, or send. */
async function simulateSend(mailbox: SimulatedMailbox, dialog: HTMLDialogElement): Promise<void> {
  const { onAppointmentSend } = await import("../../commands/commands");
  const options = await new Promise<Record<string, unknown>>((resolve) => {
    void onAppointmentSend({ completed: (o) => resolve(o ?? { allowEvent: true }) }, {
      mailbox, requirements: mailbox.requirements, origin: window.location.origin, fetchImpl: (input, init) => fetch(input, init),
    });
  });
  const blocked = options.allowEvent === false;
  const canSendAnyway = blocked && options.sendModeOverride === "promptUser";
  const close = () => dialog.close();
  const sent = () => sentNote(mailbox).then((note) => dialog.replaceChildren(h("h2", { id: "sim-alert-title" }, "Sent anyway (simulated)"), ...note,
    h("div", { class: "sim-alert-actions" }, h("fluent-button", { appearance: "primary", onclick: close }, "OK"))));
  dialog.replaceChildren(
    h("h2", { id: "sim-alert-title" }, blocked ? "Handoff" : "Sent (simulated)"),
    h("p", {}, blocked ? String(options.errorMessage ?? "") : "Handoff let the invite go: nothing blocks this time."),
    ...(blocked ? [] : await sentNote(mailbox)),
    h("div", { class: "sim-alert-actions" },
      blocked ? h("fluent-button", { appearance: "primary", onclick: () => { close(); document.getElementById("pane")?.focus(); } }, String(options.cancelLabel ?? "Check handoff")) : null,
      canSendAnyway ? h("fluent-button", { id: "sim-send-anyway", onclick: () => void sent() }, "Send Anyway") : null,
      h("fluent-button", { appearance: blocked ? undefined : "primary", onclick: close }, blocked ? "Don't send" : "OK")),
  );
  dialog.dataset.allowed = String(!blocked);
  dialog.showModal();
}

/** Where the newcomer sees what the send recorded: the handoff and the RSM's brief in the outbox. */
async function sentNote(mailbox: SimulatedMailbox): Promise<HTMLElement[]> {
  const props = await new Promise<CustomPropertiesLike>((resolve) => mailbox.item.loadCustomPropertiesAsync((r) => resolve(r.value as CustomPropertiesLike)));
  const key = props.get(HANDOFF_KEY_PROPERTY);
  if (typeof key !== "string") return [];
  const k = encodeURIComponent(key);
  return [h("p", { id: "sim-recorded", "data-key": key }, "Handoff recorded it. ",
    h("a", { href: `/handoffs/${k}`, target: "_blank" }, "The RSM's brief"), " · ",
    h("a", { href: `/api/v1/handoffs/${k}/deliveries`, target: "_blank" }, "the outbox"))];
}

export function parseRecipients(text: string): EmailAddressLike[] {
  return text
    .split(/[\n,;]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^(.*?)<([^>]+)>$/.exec(part);
      return m ? { displayName: m[1]!.trim().replace(/^"|"$/g, "") || m[2]!.trim(), emailAddress: m[2]!.trim() } : { displayName: part, emailAddress: part };
    });
}

function formatRecipients(list: EmailAddressLike[]): string {
  return list.map((r) => (r.displayName && r.displayName !== r.emailAddress ? `${r.displayName} <${r.emailAddress}>` : r.emailAddress)).join("\n");
}
