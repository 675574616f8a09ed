import type { ApiClient } from "../../shared/api-client";
import type { CheckResponse, HandoffNotes, LeadContext } from "../../shared/contract";
import type { Draft } from "../../shared/draft";
import { NOTE_MAX_LENGTH, readNotes, recordHandoff, saveNotes } from "../../shared/handoff-record";
import type { MailboxLike, RequirementsLike } from "../../shared/mailbox";
import { h, replaceKeepingFocus } from "../view/dom";
import "./baton.css";

// The baton in the pane: what marketing knows about the prospect (one line each), the talking points for their
// vertical, and the SDR's handoff notes for the RSM. Notes are saved on the item (the send handler records them) and
// never touch the invite body. Its own section of taskpane.html; the controller only tells it about each check.

export interface BatonDeps {
  mailbox: MailboxLike;
  requirements: RequirementsLike;
  /** The notes changed: re-check, so the handoff bar sees them. */
  notesChanged(): void;
  debounceMs?: number;
}

const NOTE_FIELDS: Array<{ name: keyof HandoffNotes; label: string; hint: string }> = [
  { name: "whyNow", label: "Why now", hint: "What made them take the meeting now" },
  { name: "pain", label: "Pain", hint: "The problem in their words" },
  { name: "nextStep", label: "Next step", hint: "What was agreed on the call" },
];

export class BatonPanel {
  private api: ApiClient | null = null;
  private context: LeadContext | null = null;
  private lastEmails = "";
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly leads = h("div", { class: "baton-leads", id: "lead-context" });
  private readonly points = h("div", { class: "baton-points", id: "talking-points" });
  private readonly fields = new Map<keyof HandoffNotes, HTMLTextAreaElement>();
  private readonly status = h("p", { class: "baton-status", id: "handoff-status", role: "status" });
  private readonly recordButton: HTMLElement;

  constructor(private readonly root: HTMLElement, private readonly deps: BatonDeps) {
    const notes = h("fieldset", { class: "baton-notes", id: "handoff-notes" },
      h("legend", {}, "Handoff notes for the RSM"),
      h("p", { class: "hint" }, "Only the RSM sees these. They are never written into the invite."));
    for (const field of NOTE_FIELDS) {
      const area = h("textarea", { id: `note-${field.name}`, name: field.name, rows: 2, maxlength: NOTE_MAX_LENGTH, placeholder: field.hint, "data-note": field.name });
      area.addEventListener("input", () => this.notesEdited());
      this.fields.set(field.name, area);
      notes.append(h("label", { class: "field-label", for: area.id, "data-label": field.name }, field.label), area);
    }
    this.recordButton = h("fluent-button", { id: "record-handoff", appearance: "secondary", onclick: () => void this.record() }, "Record handoff");
    root.append(h("h2", { class: "section-title" }, "Handoff to the RSM"), this.leads, this.points, notes,
      h("div", { class: "baton-actions" }, this.recordButton), this.status);
    root.hidden = true;
    void this.loadNotes();
  }

  /** The notes as typed (the check sends them so the handoff bar can see them). */
  notes(): HandoffNotes {
    const notes: HandoffNotes = {};
    for (const [name, area] of this.fields) {
      if (area.value.trim()) notes[name] = area.value.trim();
    }
    return notes;
  }

  /** After every check: show the section, and read lead context when the attendees changed. */
  checked(draft: Draft, result: CheckResponse, api: ApiClient): void {
    this.api = api;
    this.root.hidden = result.rsms.length === 0;
    this.markRequired();
    const emails = draft.attendees.map((a) => a.email.toLowerCase()).sort().join(",");
    if (emails === this.lastEmails) return;
    this.lastEmails = emails;
    void api.leadContext(draft.attendees.map((a) => a.email)).then(
      (context) => { this.context = context; this.render(); },
      () => { this.context = null; replaceKeepingFocus(this.leads, h("p", { class: "hint" }, "Lead context isn't available right now.")); },
    );
  }

  private render(): void {
    const context = this.context;
    if (!context) return;
    replaceKeepingFocus(this.leads, context.leads.length
      ? h("ul", { class: "lead-list" }, ...context.leads.map((lead) => h("li", { class: "lead", "data-email": lead.email },
          h("strong", {}, lead.company ?? lead.email), " ", h("span", { class: "lead-summary" }, lead.summary))))
      : h("p", { class: "hint" }, "No lead context from marketing for the people on this invite."));
    const story = [...context.talkingPoints, ...(context.productMessaging ? [context.productMessaging] : [])];
    replaceKeepingFocus(this.points, story.length
      ? h("details", { class: "talking-points", open: true },
          h("summary", {}, context.vertical ? `Talking points: ${context.vertical}` : "Talking points"),
          h("ul", {}, ...story.map((p) => h("li", {}, p))))
      : null);
    this.markRequired();
  }

  private markRequired(): void {
    const required = new Set(this.context?.bar?.requiredNotes ?? []);
    for (const field of NOTE_FIELDS) {
      const label = this.root.querySelector<HTMLElement>(`[data-label="${field.name}"]`);
      if (label) label.textContent = required.has(field.name) ? `${field.label} (required)` : field.label;
    }
  }

  private async loadNotes(): Promise<void> {
    const saved = await readNotes(this.deps.mailbox);
    for (const [name, area] of this.fields) {
      if (!area.value) area.value = saved[name] ?? "";
    }
  }

  private notesEdited(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      void saveNotes(this.deps.mailbox, this.notes()).catch(() => undefined).then(() => this.deps.notesChanged());
    }, this.deps.debounceMs ?? 500);
  }

  /** The pane action, for hosts where OnAppointmentSend does not fire (the embedded compose form in Outlook on the web). */
  private async record(): Promise<void> {
    if (!this.api) return;
    clearTimeout(this.saveTimer);
    this.recordButton.setAttribute("disabled", "");
    this.status.textContent = "Recording…";
    try {
      await saveNotes(this.deps.mailbox, this.notes());
      const { record } = await recordHandoff(this.deps.mailbox, this.deps.requirements, this.api, "pane");
      const rsms = record.rsms.map((r) => r.name || r.email).join(", ") || "the RSM";
      this.status.textContent = `Recorded (version ${record.version}). ${rsms} will get the private brief separately.`;
      this.status.dataset.recorded = record.key;
    } catch (error) {
      this.status.textContent = `Couldn't record the handoff: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.recordButton.removeAttribute("disabled");
    }
  }
}
