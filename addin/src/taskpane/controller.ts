import { ApiClient, ApiError, fetchClientConfig, isAbort } from "../shared/api-client";
import { buildBrief } from "../shared/brief";
import type { CheckResponse, ClientConfig, HandoffNotes, Suggestion } from "../shared/contract";
import { withNotes } from "../shared/handoff-record";
import { addRequiredAttendee, prependToBody, readDraft, saveProspectZone, setMeetingTime, toCheckRequest, type Draft } from "../shared/draft";
import { yourTime } from "../shared/format";
import { eventType, type MailboxLike, type RequirementsLike } from "../shared/mailbox";
import { createAuth, SignInRequired, type Auth } from "./auth";
import { replacedBy, replaceRsms, restoreInvite, rsmName } from "./replace-rsm";
import { initialState, type PaneError, type PaneState } from "./state";

export interface PaneDeps {
  mailbox: MailboxLike;
  requirements: RequirementsLike;
  /** Where the API lives unless client-config says otherwise: the origin that served the pane. */
  apiBase: string;
  storage: Storage;
  simulated: boolean;
  render: (state: PaneState) => void;
  fetchImpl?: typeof fetch;
  debounceMs?: number;
  /** The SDR's handoff notes, sent with each check for the org's handoff bar (baton/baton-panel.ts). */
  notes?: () => HandoffNotes;
  /** The invite's handoff key, sent with each check (shared/handoff-record.ts ensureHandoffKey). */
  handoffKey?: () => Promise<string | null>;
  /** Told after every successful check (the baton panel reads lead context from it). */
  onChecked?: (draft: Draft, result: CheckResponse, api: ApiClient) => void;
}

/** Owns the pane's state: reads the invite, calls the API, applies the SDR's actions, hands state to the view. */
export class PaneController {
  state: PaneState;
  private auth: Auth | null = null;
  private api: ApiClient | null = null;
  private inFlight: AbortController | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private sequence = 0;
  /** The SDR's zone choice when it could not be saved on the item; undefined = none made here. */
  private prospectOverride: string | null | undefined;
  /** A claims challenge (Conditional Access) the next interactive sign-in must carry. */
  private pendingClaims: string | undefined;
  private readonly debounceMs: number;

  constructor(private readonly deps: PaneDeps) {
    this.state = initialState(deps.simulated);
    this.debounceMs = deps.debounceMs ?? 400;
  }

  async start(): Promise<void> {
    this.listenForChanges();
    await this.connect();
  }

  /** Debounced re-check after the invite changed; cancels a check that is still running. */
  scheduleCheck(): void {
    clearTimeout(this.debounce);
    this.inFlight?.abort();
    this.update({ checking: true });
    this.debounce = setTimeout(() => void this.checkNow(), this.debounceMs);
  }

  async checkNow(): Promise<void> {
    clearTimeout(this.debounce);
    if (!this.api) return this.connect();
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const sequence = ++this.sequence;
    this.update({ checking: true });

    let draft: Draft;
    try {
      draft = await readDraft(this.deps.mailbox, this.deps.requirements);
      if (this.prospectOverride !== undefined) draft.prospectTimeZone = this.prospectOverride;
    } catch (error) {
      return this.fail(sequence, { kind: "outlook", title: "Outlook didn't share the invite", message: messageOf(error), details: [], canRetry: true });
    }
    if (draft.attendees.length === 0) {
      if (sequence === this.sequence) this.update({ status: "empty", checking: false, draft, result: null, error: null, suggestions: [], suggestionsSource: null });
      return;
    }
    try {
      const handoffKey = (await this.deps.handoffKey?.()) ?? undefined;
      const request = withNotes(toCheckRequest(draft), this.deps.notes?.() ?? {});
      const result = await this.api.check(handoffKey ? { ...request, handoffKey } : request, controller.signal);
      if (sequence !== this.sequence) return;
      this.deps.onChecked?.(draft, result, this.api);
      const fromCheck = result.suggestions ?? [];
      this.update({
        status: result.rsms.length === 0 ? "empty" : "ready",
        checking: false,
        draft,
        result,
        error: null,
        signInMessage: null,
        suggestions: fromCheck,
        suggestionsSource: fromCheck.length ? "check" : null,
        suggestionsNote: null,
      });
      this.showCalendarAccess(result);
    } catch (error) {
      if (isAbort(error) || sequence !== this.sequence) return;
      this.handleApiError(sequence, error, draft);
    }
  }

  async setProspectZone(zone: string | null): Promise<void> {
    this.prospectOverride = zone;
    this.update({ busyAction: "zone" });
    try {
      await saveProspectZone(this.deps.mailbox, zone);
      this.prospectOverride = undefined; // saved on the item: the send check sees it too
    } catch {
      // Kept in memory for this pane; the send check falls back to what the API infers.
    }
    this.update({ busyAction: null });
    await this.checkNow();
  }

  async useSuggestion(suggestion: Suggestion): Promise<void> {
    this.update({ busyAction: "apply", notice: null, undo: null });
    try {
      const rsm = suggestion.rsm;
      const onInvite = this.state.draft?.attendees.some((a) => rsm && a.email.toLowerCase() === rsm.email.toLowerCase());
      const replaced = replacedBy(suggestion, this.state.result?.rsms ?? []);
      const before = this.state.draft && replaced.length ? { start: this.state.draft.start, end: this.state.draft.end } : null;
      await setMeetingTime(this.deps.mailbox, new Date(suggestion.start), new Date(suggestion.end));
      const required = rsm && replaced.length ? await replaceRsms(this.deps.mailbox, replaced, rsm) : null;
      if (suggestion.isAlternativeRsm && rsm && !onInvite && !replaced.length) {
        await addRequiredAttendee(this.deps.mailbox, { emailAddress: rsm.email, displayName: rsm.name });
      }
      const when = yourTime(suggestion.times);
      const names = replaced.map(rsmName).join(" and ");
      const change = !rsm || !suggestion.isAlternativeRsm || onInvite ? "" : replaced.length ? ` and replaced ${names} with ${rsmName(rsm)}` : ` and added ${rsmName(rsm)}`;
      this.update({
        busyAction: null,
        notice: { tone: "success", text: when ? `Moved the meeting to ${when.day}, ${when.clock} your time${change}.` : `Moved the meeting${change}.` },
        undo: required && before ? { required, start: new Date(before.start), end: new Date(before.end), replaced: names } : null,
      });
    } catch (error) {
      this.update({ busyAction: null, notice: { tone: "error", text: `Couldn't change the time: ${messageOf(error)}` } });
    }
    this.scheduleCheck();
  }

  async insertBrief(): Promise<void> {
    const { result, draft } = this.state;
    if (!result || !draft) return;
    this.update({ busyAction: "brief", notice: null });
    try {
      await prependToBody(this.deps.mailbox, buildBrief(result, draft));
      this.update({ busyAction: null, notice: { tone: "success", text: "Added the agenda and everyone's local time to the top of the invite." } });
    } catch (error) {
      this.update({ busyAction: null, notice: { tone: "error", text: `Couldn't add the brief: ${messageOf(error)}` } });
    }
  }

  async findMoreTimes(): Promise<void> {
    const draft = this.state.draft;
    if (!this.api || !draft) return;
    this.update({ suggestionsBusy: true, suggestionsNote: null });
    try {
      const found = await this.api.suggestions({ ...toCheckRequest(draft), maxResults: 5 });
      if (found === null) {
        this.update({ suggestionsBusy: false, canSearch: false, suggestionsNote: "This Handoff server can't search for times yet." });
      } else {
        this.update({
          suggestionsBusy: false,
          suggestions: found.suggestions,
          suggestionsSource: "search",
          suggestionsNote: found.suggestions.length ? null : "No better time in the next two weeks. Try another RSM or a shorter meeting.",
        });
      }
    } catch (error) {
      this.update({ suggestionsBusy: false, suggestionsNote: `Couldn't look for times: ${messageOf(error)}` });
    }
  }

  async signIn(pastedToken?: string): Promise<void> {
    if (!this.auth) return this.connect();
    try {
      await this.auth.signIn(pastedToken, this.pendingClaims);
      this.pendingClaims = undefined;
      this.update({ signInMessage: null });
      await this.checkNow();
    } catch (error) {
      this.update({ status: "signedOut", signInMessage: messageOf(error) });
    }
  }

  dismissNotice(): void {
    this.update({ notice: null, undo: null });
  }

  /** Puts back the RSMs and the time a "with … instead" suggestion replaced. */
  async undoReplace(): Promise<void> {
    const before = this.state.undo;
    if (!before) return;
    this.update({ busyAction: "undo" });
    try {
      await restoreInvite(this.deps.mailbox, before);
      this.update({ busyAction: null, undo: null, notice: { tone: "info", text: `Undone: ${before.replaced} is back on the invite, at the previous time.` } });
    } catch (error) {
      this.update({ busyAction: null, notice: { tone: "error", text: `Couldn't undo: ${messageOf(error)}` } });
    }
    this.scheduleCheck();
  }

  private async connect(): Promise<void> {
    this.update({ checking: true });
    let config: ClientConfig;
    try {
      config = await fetchClientConfig(this.deps.apiBase, this.deps.fetchImpl);
    } catch (error) {
      return this.fail(this.sequence, toPaneError(error));
    }
    this.auth = createAuth(config, { storage: this.deps.storage, loginHint: this.deps.mailbox.userProfile.emailAddress || undefined });
    this.api = new ApiClient({
      baseUrl: config.apiBaseUrl ?? this.deps.apiBase,
      getToken: () => this.auth!.token(),
      timeoutMs: 15_000,
      ...(this.deps.fetchImpl ? { fetchImpl: this.deps.fetchImpl } : {}),
    });
    this.update({ authMode: config.authMode });
    await this.checkNow();
  }

  private listenForChanges(): void {
    const { mailbox, requirements } = this.deps;
    const item = mailbox.item;
    if (!item?.addHandlerAsync || !requirements.isSetSupported("Mailbox", "1.7")) return; // the "Check again" button still works
    const recheck = () => this.scheduleCheck();
    item.addHandlerAsync(eventType("AppointmentTimeChanged"), recheck, () => undefined);
    item.addHandlerAsync(eventType("RecipientsChanged"), recheck, () => undefined);
    if (requirements.isSetSupported("Mailbox", "1.8")) {
      item.addHandlerAsync(eventType("EnhancedLocationsChanged"), recheck, () => undefined);
    }
  }

  /** Graph read on the SDR's behalf failed: "sign in again" gets the Sign in button, anything else a notice. */
  private showCalendarAccess(result: { calendarAccess?: { state: string; message: string; claims?: string | null } | null }): void {
    const access = result.calendarAccess;
    if (!access) return;
    if (access.state === "signInAgain") {
      this.pendingClaims = access.claims ?? undefined;
      this.update({ status: "signedOut", signInMessage: access.message });
    } else {
      this.update({ notice: { tone: "error", text: access.message } });
    }
  }

  private handleApiError(sequence: number, error: unknown, draft: Draft): void {
    if (error instanceof SignInRequired) {
      this.update({ status: "signedOut", checking: false, draft, signInMessage: error.message });
      return;
    }
    if (error instanceof ApiError && error.kind === "unauthorized") {
      this.auth?.signedOut();
      this.pendingClaims = error.claims;
      this.update({ status: "signedOut", checking: false, draft, signInMessage: error.claims ? error.message : "Your Handoff sign-in has expired. Sign in again." });
      return;
    }
    this.fail(sequence, toPaneError(error), draft);
  }

  private fail(sequence: number, error: PaneError, draft?: Draft): void {
    if (sequence !== this.sequence) return;
    this.update({ status: "error", checking: false, error, ...(draft ? { draft } : {}) });
  }

  private update(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    this.deps.render(this.state);
  }
}

export function toPaneError(error: unknown): PaneError {
  if (error instanceof ApiError) {
    switch (error.kind) {
      case "network":
        return { kind: "network", title: "Can't reach Handoff", message: "Check your connection, then try again. Your invite is unchanged.", details: [], canRetry: true };
      case "timeout":
        return { kind: "timeout", title: "Handoff is taking too long", message: "Try again in a moment.", details: [], canRetry: true };
      case "forbidden":
        return { kind: "forbidden", title: "No access to Handoff", message: "Your account isn't allowed to check meetings. Ask your Handoff admin for access.", details: [], canRetry: false };
      case "validation":
        return {
          kind: "validation",
          title: "Handoff couldn't read this invite",
          message: error.message,
          details: Object.entries(error.fieldErrors).flatMap(([field, messages]) => messages.map((m) => `${field}: ${m}`)),
          canRetry: true,
        };
      default:
        return { kind: error.kind === "notFound" ? "notFound" : "server", title: "Handoff had a problem", message: error.message, details: [], canRetry: true };
    }
  }
  return { kind: "server", title: "Something went wrong", message: messageOf(error), details: [], canRetry: true };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
