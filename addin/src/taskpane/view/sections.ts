import type { CheckResponse, PartyTime, Suggestion, Warning } from "../../shared/contract";
import { CALENDAR_UNVERIFIED_CODES } from "../../shared/contract";
import type { Draft } from "../../shared/draft";
import { yourTime } from "../../shared/format";
import { groupBySeverity, headline, verdictLook } from "../../shared/verdict";
import type { PaneError, PaneState } from "../state";
import { h, icon } from "./dom";

// Pure builders: state in, elements out. Wiring and focus handling live in view.ts.

export interface Actions {
  retry(): void;
  signIn(token?: string): void;
  useSuggestion(suggestion: Suggestion): void;
  insertBrief(): void;
  findMoreTimes(): void;
  dismissNotice(): void;
  undoReplace(): void;
}

const VERDICT_ICON = { success: "ok", warning: "warning", danger: "blocked" } as const;

export function verdictCard(state: PaneState): HTMLElement {
  const result = state.result;
  if (!result) {
    return h("div", { class: "card verdict-card loading", "data-state": "loading" },
      h("fluent-spinner", { size: "small", "aria-hidden": "true" }),
      h("div", {}, h("p", { class: "verdict-title" }, "Checking the meeting…"), h("p", { class: "muted" }, "Reading the invite and everyone's calendars.")));
  }
  const look = verdictLook(result.verdict);
  return h("div", { class: `card verdict-card tone-${look.tone}`, "data-verdict": result.verdict },
    h("div", { class: "verdict-icon" }, icon(VERDICT_ICON[look.tone], 36)),
    h("div", { class: "verdict-text" },
      h("h2", { class: "verdict-title", id: "verdict-title" }, look.title),
      h("p", { class: "verdict-headline" }, headline(result))),
    state.checking ? updating() : null);
}

function updating(): HTMLElement {
  return h("div", { class: "updating", "aria-hidden": "true" }, h("fluent-spinner", { size: "tiny" }), h("span", {}, "Updating"));
}

export function emptyCard(state: PaneState): HTMLElement {
  const noAttendees = !state.draft || state.draft.attendees.length === 0;
  return h("div", { class: "card empty-card", "data-state": "empty" },
    h("div", { class: "verdict-icon" }, icon("empty", 36)),
    h("div", {},
      h("h2", { class: "verdict-title" }, "No RSM on this invite yet"),
      h("p", {}, noAttendees
        ? "Add the prospect and the field rep (RSM) as attendees. Handoff then checks the time for everyone."
        : "Add the field rep (RSM) who will run the meeting. Handoff then checks their calendar and the prospect's hours.")),
    state.checking ? updating() : null);
}

export function errorCard(error: PaneError, actions: Actions): HTMLElement {
  return h("fluent-message-bar", { intent: "error", layout: "multiline", class: "state-card", "data-state": "error", "data-error": error.kind },
    h("span", { slot: "icon" }, icon("blocked", 20)),
    h("strong", {}, error.title), " ", error.message,
    error.details.length ? h("ul", { class: "details" }, ...error.details.map((d) => h("li", {}, d))) : null,
    error.canRetry ? h("fluent-button", { slot: "actions", appearance: "primary", size: "small", "data-focus-key": "retry", onclick: () => actions.retry() }, "Try again") : null);
}

export function signedOutCard(state: PaneState, actions: Actions): HTMLElement {
  const paste = state.authMode === "LocalJwt";
  const field = paste ? h("fluent-textarea", { id: "token-input", placeholder: "eyJhbGciOi…", resize: "vertical", "aria-label": "Handoff access token" }) : null;
  return h("div", { class: "card signed-out-card", "data-state": "signedOut" },
    h("div", { class: "verdict-icon" }, icon("person", 32)),
    h("div", { class: "grow" },
      h("h2", { class: "verdict-title" }, "You're signed out of Handoff"),
      h("p", {}, state.signInMessage ?? "Sign in to check this meeting."),
      paste ? h("label", { for: "token-input", class: "field-label" }, "Access token") : null,
      field,
      h("fluent-button", {
        appearance: "primary", "data-focus-key": "sign-in",
        onclick: () => actions.signIn(paste ? (field as unknown as { value?: string })?.value ?? "" : undefined),
      }, "Sign in")));
}

/** Visible banner when the RSM's availability could not be verified. */
export function calendarBanner(result: CheckResponse | null): HTMLElement | null {
  const unverified = result?.warnings.filter((w) => CALENDAR_UNVERIFIED_CODES.has(w.code)) ?? [];
  if (!unverified.length) return null;
  return h("fluent-message-bar", { intent: "warning", layout: "multiline", "data-banner": "calendar" },
    h("span", { slot: "icon" }, icon("warning", 20)),
    h("strong", {}, "Calendar not verified. "), unverified.map((w) => w.message).join(" "), " Confirm with the RSM before you send.");
}

export function timesSection(result: CheckResponse, draft: Draft | null): HTMLElement {
  return h("section", { class: "section", "aria-labelledby": "times-heading" },
    h("h3", { id: "times-heading" }, "Local times"),
    h("ul", { class: "times" }, ...result.times.map((t) => timeRow(t, result, draft))));
}

function timeRow(t: PartyTime, result: CheckResponse, draft: Draft | null): HTMLElement {
  const who = partyLabel(t, result, draft);
  const shift = t.phrases.dayShift; // "next day" / "day before", against the organizer's date (the API's words)
  const day = t.phrases.day + (shift ? ` (${shift})` : "");
  return h("li", { class: `time-row party-${t.party}`, "data-party": t.party, "data-email": t.email ?? "" },
    h("div", { class: "who" }, h("span", { class: "who-name" }, who.name), h("span", { class: "who-role" }, who.role)),
    h("div", { class: "when" },
      h("span", { class: "said-time" }, t.phrases.said),
      h("span", { class: `when-detail${shift ? " day-shift" : ""}` }, h("span", { class: "nowrap" }, `until ${t.phrases.end}`), " · ", h("span", { class: "nowrap" }, day))),
  );
}

function partyLabel(t: PartyTime, result: CheckResponse, draft: Draft | null): { name: string; role: string } {
  const attendeeName = (email?: string | null) => (email && draft?.attendees.find((a) => a.email.toLowerCase() === email.toLowerCase())?.name) || email;
  switch (t.party) {
    case "organizer":
      return { name: "You", role: t.phrases.zone };
    case "rsm": {
      const rsm = result.rsms.find((r) => t.email && r.email.toLowerCase() === t.email.toLowerCase());
      return { name: rsm?.name || attendeeName(t.email) || "RSM", role: `RSM · ${t.phrases.zone}` };
    }
    case "prospect":
      return { name: attendeeName(t.email) || "Prospect", role: `Prospect · ${t.phrases.zone}` };
    default:
      return { name: attendeeName(t.email) || String(t.party), role: t.phrases.zone };
  }
}

const GROUP_TITLES = { blocker: "Won't work", warning: "Review", info: "Good to know" } as const;
const SEVERITY_ICON = { blocker: "blocked", warning: "warning", info: "info" } as const;

/** The warning the verdict card already says in its headline (not repeated in the list below it). */
export function headlineWarning(result: CheckResponse): Warning | undefined {
  const said = headline(result);
  return result.warnings.find((w) => w.message === said);
}

/** What to check: every warning once, worst first, without the one the verdict already says. */
export function warningsSection(result: CheckResponse): HTMLElement | null {
  const said = headlineWarning(result);
  const seen = new Set<string>();
  const rest = result.warnings.filter((w) => w !== said && w.message !== said?.message && !seen.has(w.message) && (seen.add(w.message), true));
  const groups = groupBySeverity(rest);
  if (!groups.length) return null;
  return h("section", { class: "section", "aria-labelledby": "warnings-heading" },
    h("h3", { id: "warnings-heading" }, said ? `Also check (${rest.length})` : `What to check (${rest.length})`),
    ...groups.map((g) => h("div", { class: `warning-group severity-${g.severity}`, "data-severity": g.severity },
      h("h4", {}, GROUP_TITLES[g.severity]),
      h("ul", { class: "warnings" }, ...g.warnings.map((w) =>
        h("li", { class: "warning", "data-code": w.code },
          icon(SEVERITY_ICON[g.severity], 18),
          h("span", {}, w.message)))))));
}

/** How many better times the pane lists; the rest are a "Find more times" away. */
export const TOP_SUGGESTIONS = 3;

/** The best fix: the top suggestions, one line each with a button that moves the meeting there. */
export function suggestionsSection(state: PaneState, actions: Actions): HTMLElement | null {
  const { suggestions, result } = state;
  if (!suggestions.length && (!result || result.verdict === "ok") && !state.suggestionsNote) return null;
  const blocked = result?.verdict === "blocked";
  return h("section", { class: "section fix", "aria-labelledby": "suggestions-heading", "aria-busy": state.suggestionsBusy ? "true" : "false" },
    h("h3", { id: "suggestions-heading" }, blocked ? "Try one of these times" : "Better times"),
    suggestions.length ? h("ul", { class: "suggestions" }, ...suggestions.slice(0, TOP_SUGGESTIONS).map((s) => suggestionLine(s, state, actions))) : null,
    state.suggestionsNote ? h("p", { class: "muted", role: "status" }, state.suggestionsNote) : null,
    state.canSearch && result && result.verdict !== "ok"
      ? h("fluent-button", { appearance: "outline", "data-focus-key": "find-times", disabled: state.suggestionsBusy, "aria-disabled": state.suggestionsBusy ? "true" : null, onclick: () => actions.findMoreTimes() },
          state.suggestionsBusy ? "Looking for times…" : suggestions.length ? "Find more times" : "Find a better time")
      : null);
}

function suggestionWhen(s: Suggestion): { day: string; clock: string } {
  return yourTime(s.times) ?? { day: "", clock: s.start };
}

function suggestionLine(s: Suggestion, state: PaneState, actions: Actions): HTMLElement {
  const when = suggestionWhen(s);
  const other = s.isAlternativeRsm && s.rsm ? s.rsm.name || s.rsm.email : null;
  // An alternative takes the invited RSM's place (replace-rsm.ts): say so before the click, not after.
  const instead = other && state.result?.rsms.length ? " instead" : "";
  const label = `${when.day}, ${when.clock} your time${other ? ` with ${other}${instead}` : ""}`;
  return h("li", { class: "suggestion", "data-start": s.start },
    h("span", { class: "suggestion-when" },
      h("strong", {}, h("span", { class: "nowrap" }, when.day), " · ", h("span", { class: "nowrap" }, when.clock)),
      other ? h("span", { class: "suggestion-who" }, `with ${other}${instead}`) : null),
    h("fluent-button", {
      appearance: "primary", size: "small", "data-focus-key": `use-${s.start}`, "aria-label": `Use this time: ${label}`,
      disabled: state.busyAction === "apply", "aria-disabled": state.busyAction === "apply" ? "true" : null, onclick: () => actions.useSuggestion(s),
    }, "Use this time"));
}

/** For the details: why each suggested time works, everyone's local time at it. */
export function suggestionDetails(suggestions: Suggestion[]): HTMLElement | null {
  const shown = suggestions.slice(0, TOP_SUGGESTIONS);
  if (!shown.length) return null;
  return h("section", { class: "section", "aria-labelledby": "why-heading" },
    h("h3", { id: "why-heading" }, "Why these times"),
    h("ul", { class: "why" }, ...shown.map((s) => {
      const when = suggestionWhen(s);
      const others = s.times.filter((t) => t.party !== "organizer")
        .map((t) => `${t.phrases.said} for ${t.party === "rsm" ? (s.rsm?.name ?? "the RSM") : "the prospect"}`);
      return h("li", { "data-start": s.start },
        h("strong", {}, `${when.day}, ${when.clock}: `),
        [others.join(", "), ...s.reasons.map((r) => r.message)].filter(Boolean).join(". "));
    })));
}
