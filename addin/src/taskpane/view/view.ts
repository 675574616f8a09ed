import type { ProspectInfo } from "../../shared/contract";
import { verdictLook, headline } from "../../shared/verdict";
import type { PaneState } from "../state";
import { PROSPECT_ZONES, prospectZoneLabel } from "../zones";
import { assumedZoneCard } from "../prospect-zone";
import { h, icon, replaceKeepingFocus } from "./dom";
import { calendarBanner, emptyCard, errorCard, signedOutCard, suggestionDetails, suggestionsSection, timesSection, verdictCard, warningsSection, type Actions } from "./sections";

export interface ViewActions extends Actions {
  setProspectZone(zone: string | null): void;
}

const AUTO = "auto";

/** Binds the pane's skeleton (taskpane.html) to state. Returns the render function. */
export function createView(root: HTMLElement, actions: ViewActions): (state: PaneState) => void {
  const part = (id: string) => root.querySelector<HTMLElement>(`#${id}`) ?? (() => { throw new Error(`#${id} missing`); })();
  const banners = part("banners");
  const main = part("verdict");
  const times = part("times");
  const prospect = part("prospect");
  const warnings = part("warnings");
  const suggestions = part("suggestions");
  const toolbar = part("toolbar");
  const notice = part("notice");
  const details = part("details") as HTMLDetailsElement;
  const zoneSlot = part("zone-confirm");
  const whyTimes = part("suggestion-details");
  // Details open by themselves only while the SDR has not chosen: a click on the summary wins from then on.
  let detailsChosen = false;
  details.querySelector("summary")!.addEventListener("click", () => { detailsChosen = true; });
  const announcer = part("announcer");
  const modeBadge = part("mode-badge");

  const assumed = h("div", { class: "assumed-zone-host" });
  const picker = buildZonePicker(actions);
  prospect.append(assumed, picker.element);

  const briefButton = h("fluent-button", { appearance: "primary", id: "insert-brief", onclick: () => actions.insertBrief() }, "Insert handoff brief");
  const recheckButton = h("fluent-button", { appearance: "subtle", id: "recheck", onclick: () => actions.retry() }, "Check again");
  toolbar.append(briefButton, recheckButton);

  let lastAnnouncement = "";
  let shownNotice: PaneState["notice"] | undefined;
  let shownUndo: PaneState["undo"] | undefined;
  let saidNotice = false;

  return (state: PaneState) => {
    root.dataset.status = state.status;
    root.setAttribute("aria-busy", state.checking ? "true" : "false");
    modeBadge.textContent = state.simulated ? "Simulated invite" : state.authMode === "Demo" ? "Demo" : "";
    modeBadge.hidden = !modeBadge.textContent;

    const showResult = state.status === "ready" || state.status === "empty" || (state.status === "starting" && !!state.result);
    replaceKeepingFocus(banners, state.status === "ready" ? calendarBanner(state.result) : null);

    switch (state.status) {
      case "error":
        replaceKeepingFocus(main, errorCard(state.error!, actions));
        break;
      case "signedOut":
        if (!main.querySelector("[data-state=signedOut]")) replaceKeepingFocus(main, signedOutCard(state, actions));
        else main.querySelector(".signed-out-card p")!.textContent = state.signInMessage ?? "Sign in to check this meeting.";
        break;
      case "empty":
        replaceKeepingFocus(main, emptyCard(state));
        break;
      default:
        replaceKeepingFocus(main, verdictCard(state));
    }

    const result = showResult ? state.result : null;
    replaceKeepingFocus(times, result ? timesSection(result, state.draft) : null);
    prospect.hidden = !result || !state.draft;
    if (result && state.draft) picker.update(result.prospect, state.draft.prospectTimeZone, state.busyAction === "zone");
    replaceKeepingFocus(assumed, result && state.draft ? assumedZoneCard(result.prospect, state.busyAction === "zone", actions) : null);
    // An unknown or guessed prospect zone (a territory default, an ambiguous place, an e-mail domain) is part of the verdict: the picker sits with it, else in the details.
    const guessed = !result?.prospect?.timeZone || result.prospect.source === "territory" || result.prospect.assumed === true;
    const zoneHome = result && guessed ? zoneSlot : details.querySelector(".details-body")!;
    if (prospect.parentElement !== zoneHome && !prospect.contains(document.activeElement)) zoneHome.insertBefore(prospect, zoneHome === zoneSlot ? null : whyTimes);
    replaceKeepingFocus(warnings, result ? warningsSection(result) : null);
    replaceKeepingFocus(suggestions, state.status === "ready" ? suggestionsSection(state, actions) : null);
    replaceKeepingFocus(whyTimes, state.status === "ready" ? suggestionDetails(state.suggestions) : null);
    details.hidden = !result;
    if (!detailsChosen) details.open = result?.verdict === "ok";

    toolbar.hidden = state.status === "error" || state.status === "signedOut" || (state.status === "starting" && !state.result);
    setDisabled(briefButton, !result || result.rsms.length === 0 || state.busyAction === "brief");
    setDisabled(recheckButton, state.checking && !state.error);

    // Rebuilt only when the notice itself changes: the re-check that follows "Use this time" renders several times
    // while a keyboard user tabs to Dismiss, and a rebuilt button would drop their focus (and their Enter) on the body.
    if (state.notice !== shownNotice || state.undo !== shownUndo) {
      shownNotice = state.notice;
      shownUndo = state.undo;
      replaceKeepingFocus(notice, state.notice
        ? h("fluent-message-bar", { intent: state.notice.tone === "error" ? "error" : state.notice.tone, layout: "multiline", "data-notice": state.notice.tone },
            state.notice.text,
            state.undo
              ? h("fluent-button", { slot: "actions", appearance: "outline", size: "small", id: "undo-replace", "data-focus-key": "undo-replace",
                  "aria-label": `Undo: put ${state.undo.replaced} back on the invite`, onclick: () => actions.undoReplace() }, "Undo")
              : null,
            h("fluent-button", { slot: "dismiss", appearance: "transparent", size: "small", "aria-label": "Dismiss", "data-focus-key": "dismiss-notice", onclick: () => actions.dismissNotice() }, "✕"))
        : null);
      // A replace changes who attends: the pane says so aloud, and Undo is one Tab away (focus goes to it, as the
      // suggestion the SDR pressed disappears with the re-check).
      if (state.notice && (state.undo || state.notice.text.startsWith("Undone"))) {
        announcer.textContent = lastAnnouncement = state.notice.text;
        saidNotice = true;
        if (state.undo) notice.querySelector<HTMLElement>("#undo-replace")?.focus();
      }
    }

    // The verdict on screen is the one before the change: it is not read over the notice; the re-check's verdict is.
    const announcement = saidNotice ? "" : announce(state);
    saidNotice = false;
    if (announcement && announcement !== lastAnnouncement) {
      lastAnnouncement = announcement;
      announcer.textContent = announcement;
    }
  };
}

function announce(state: PaneState): string {
  if (state.status === "error" && state.error) return `${state.error.title}. ${state.error.message}`;
  if (state.status === "signedOut") return "You're signed out of Handoff.";
  if (state.checking) return "";
  if (state.status === "empty") return "No RSM on this invite yet.";
  if (state.result) return `Verdict: ${verdictLook(state.result.verdict).title}. ${headline(state.result)}`;
  return "";
}

/** Fluent buttons keep their disabled state in ElementInternals; aria-disabled on the host says it to every checker too. */
function setDisabled(el: HTMLElement, disabled: boolean): void {
  if (disabled) {
    el.setAttribute("disabled", "");
    el.setAttribute("aria-disabled", "true");
  } else {
    el.removeAttribute("disabled");
    el.removeAttribute("aria-disabled");
  }
}

const SOURCE_TEXT: Record<string, (detail: string | null) => string> = {
  request: () => "as chosen for this invite",
  location: (d) => d ?? "from the meeting location",
  territory: (d) => d ?? "from the RSM's territory",
  emailDomain: (d) => d ?? "from the prospect's e-mail address",
};

/**
 * The prospect's zone: a native select with a real label (the Fluent dropdown exposed no accessible name to screen
 * readers, per axe-core), so every browser and assistive technology knows what it is and how to operate it.
 */
function buildZonePicker(actions: ViewActions) {
  const summary = h("p", { class: "zone-summary", id: "zone-summary" });
  const select = h("select", { id: "prospect-zone", class: "zone-select", "aria-describedby": "zone-summary" },
    h("option", { value: AUTO }, "Work it out from the invite"),
    ...PROSPECT_ZONES.map((z) => h("option", { value: z.id }, z.label)));
  const element = h("div", { class: "zone-picker" },
    h("label", { id: "zone-label", class: "field-label", for: "prospect-zone" }, "Prospect's time zone"),
    summary, select);
  let current = AUTO;
  select.addEventListener("change", () => {
    const value = select.value || AUTO;
    if (value === current) return;
    current = value;
    actions.setProspectZone(value === AUTO ? null : value);
  });
  return {
    element,
    update(prospect: ProspectInfo | null, chosen: string | null, busy: boolean) {
      const zone = prospect?.timeZone ?? null;
      const source = prospect?.source ?? "unknown";
      element.classList.toggle("unknown", !zone);
      summary.replaceChildren(...(zone
        ? [h("strong", {}, prospectZoneLabel(zone)), ` — ${SOURCE_TEXT[source]?.(prospect?.detail ?? null) ?? "worked out from the invite"}. Wrong? Pick the right one.`]
        : [icon("warning", 16), " We couldn't tell where the prospect is. Pick their time zone so their hours are checked."]));
      const want = chosen ?? AUTO;
      if (want !== AUTO && ![...select.options].some((o) => o.value === want)) {
        select.append(h("option", { value: want }, prospectZoneLabel(want)));
      }
      if (want !== current && document.activeElement !== select) {
        current = want;
        select.value = want;
      }
      select.disabled = busy;
    },
  };
}
