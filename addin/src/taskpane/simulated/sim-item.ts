import type { AsyncCallback, AsyncResultLike } from "../../shared/office-async";
import type { ComposeItemLike, CustomPropertiesLike, EmailAddressLike, MailboxLike, RequirementsLike } from "../../shared/mailbox";
import { EventTypes } from "../../shared/mailbox";

// A compose appointment that behaves like Outlook's for the calls the add-in makes: async callbacks, UTC dates,
// setting start keeps the duration, and the same change events. Used when the pane runs outside Outlook.

export interface SimInvite {
  start: Date;
  end: Date;
  required: EmailAddressLike[];
  optional: EmailAddressLike[];
  location: string;
  bodyHtml: string;
  timeZone: string;
  email: string;
  displayName: string;
}

type Handler = (args: unknown) => void;

export class SimulatedMailbox implements MailboxLike {
  readonly item: ComposeItemLike;
  readonly diagnostics = { hostName: "Simulated" };
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly custom = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly invite: SimInvite) {
    this.item = this.buildItem();
  }

  get userProfile() {
    return { timeZone: this.invite.timeZone, emailAddress: this.invite.email, displayName: this.invite.displayName };
  }

  readonly requirements: RequirementsLike = {
    isSetSupported: (name, version) => name === "Mailbox" && compareVersions(version ?? "1.1", "1.14") <= 0,
  };

  /** The invite as it is now (for the form and the body preview). */
  snapshot(): Readonly<SimInvite> {
    return { ...this.invite, required: [...this.invite.required], optional: [...this.invite.optional] };
  }

  /** Edits made in the simulated form: applied, then the matching Outlook event fires. */
  edit(change: Partial<SimInvite>): void {
    const before = this.snapshot();
    Object.assign(this.invite, change);
    if (change.start && !change.end) this.invite.end = new Date(change.start.getTime() + (before.end.getTime() - before.start.getTime()));
    const timeChanged = +before.start !== +this.invite.start || +before.end !== +this.invite.end || before.timeZone !== this.invite.timeZone;
    if (timeChanged) this.fire(EventTypes.AppointmentTimeChanged, { start: this.invite.start, end: this.invite.end });
    if (JSON.stringify([before.required, before.optional]) !== JSON.stringify([this.invite.required, this.invite.optional])) {
      this.fire(EventTypes.RecipientsChanged, { changedRecipientFields: { requiredAttendees: true, optionalAttendees: true } });
    }
    if (before.location !== this.invite.location) this.fire(EventTypes.EnhancedLocationsChanged, {});
    if (before.email !== this.invite.email) this.fire(EventTypes.RecipientsChanged, {});
    this.changed();
  }

  /** Called after any change, whoever made it (form or add-in). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  private fire(type: string, args: object) {
    for (const handler of this.handlers.get(type) ?? []) setTimeout(() => handler({ type, ...args }), 0);
  }

  private buildItem(): ComposeItemLike {
    const inv = this.invite;
    const time = (key: "start" | "end") => ({
      getAsync: (cb: AsyncCallback<Date>) => later(cb, ok(new Date(inv[key]))),
      setAsync: (value: Date, cb: AsyncCallback<void>) => {
        if (!(value instanceof Date) || Number.isNaN(+value)) return later(cb, failed("Invalid date."));
        if (key === "start") this.edit({ start: value });
        else if (value <= inv.start) return later(cb, failed("The end must be after the start."));
        else this.edit({ end: value });
        later(cb, ok(undefined));
      },
    });
    const recipients = (key: "required" | "optional") => ({
      getAsync: (cb: AsyncCallback<EmailAddressLike[]>) => later(cb, ok(inv[key].map((r) => ({ ...r })))),
      addAsync: (list: EmailAddressLike[], cb: AsyncCallback<void>) => {
        this.edit({ [key]: [...inv[key], ...list.map((r) => ({ ...r }))] } as Partial<SimInvite>);
        later(cb, ok(undefined));
      },
      setAsync: (list: EmailAddressLike[], cb: AsyncCallback<void>) => {
        this.edit({ [key]: list.map((r) => ({ ...r })) } as Partial<SimInvite>);
        later(cb, ok(undefined));
      },
    });
    const custom: CustomPropertiesLike = {
      get: (name) => this.custom.get(name),
      set: (name, value) => void this.custom.set(name, value),
      remove: (name) => void this.custom.delete(name),
      saveAsync: (cb) => later(cb, ok(undefined)),
    };
    return {
      start: time("start"),
      end: time("end"),
      requiredAttendees: recipients("required"),
      optionalAttendees: recipients("optional"),
      location: { getAsync: (cb) => later(cb, ok(inv.location)) },
      enhancedLocation: { getAsync: (cb) => later(cb, ok(inv.location ? [{ displayName: inv.location }] : [])) },
      body: {
        getTypeAsync: (cb) => later(cb, ok("html")),
        getAsync: (type, cb) => later(cb, ok(type === "html" ? inv.bodyHtml : htmlToText(inv.bodyHtml))),
        prependAsync: (data, options, cb) => {
          inv.bodyHtml = (options.coercionType === "html" ? data : textToHtml(data)) + inv.bodyHtml;
          this.changed();
          later(cb, ok(undefined));
        },
      },
      loadCustomPropertiesAsync: (cb) => later(cb, ok(custom)),
      addHandlerAsync: (type, handler, cb) => {
        if (!this.handlers.has(type)) this.handlers.set(type, new Set());
        this.handlers.get(type)!.add(handler);
        later(cb, ok(undefined));
      },
    };
  }
}

function ok<T>(value: T): AsyncResultLike<T> {
  return { status: "succeeded", value };
}

function failed<T>(message: string): AsyncResultLike<T> {
  return { status: "failed", value: undefined as T, error: { message } };
}

function later<T>(cb: AsyncCallback<T>, result: AsyncResultLike<T>): void {
  setTimeout(() => cb(result), 0); // Outlook always calls back asynchronously
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return doc.body.innerText ?? doc.body.textContent ?? "";
}

function textToHtml(text: string): string {
  const div = document.createElement("div");
  div.textContent = text;
  return div.innerHTML.replace(/\n/g, "<br>");
}
