import type { AuthMode, CheckResponse, Suggestion } from "../shared/contract";
import type { Draft } from "../shared/draft";
import type { InviteBefore } from "./replace-rsm";

export type Status = "starting" | "ready" | "empty" | "error" | "signedOut";

export interface PaneError {
  kind: "network" | "timeout" | "forbidden" | "validation" | "server" | "notFound" | "outlook" | "unauthorized";
  title: string;
  message: string;
  details: string[];
  canRetry: boolean;
}

export interface Notice {
  tone: "success" | "info" | "error";
  text: string;
}

export interface PaneState {
  status: Status;
  /** A check is under way (the last result stays on screen, marked as updating). */
  checking: boolean;
  authMode: AuthMode | null;
  simulated: boolean;
  draft: Draft | null;
  result: CheckResponse | null;
  error: PaneError | null;
  signInMessage: string | null;
  suggestions: Suggestion[];
  suggestionsSource: "check" | "search" | null;
  suggestionsBusy: boolean;
  suggestionsNote: string | null;
  /** False once the server answered that it has no suggestions endpoint. */
  canSearch: boolean;
  busyAction: "brief" | "apply" | "zone" | "undo" | null;
  notice: Notice | null;
  /** The invite before "with Alex instead" replaced its RSM: the notice offers Undo while this is set. */
  undo: InviteBefore | null;
}

export function initialState(simulated: boolean): PaneState {
  return {
    status: "starting",
    checking: true,
    authMode: null,
    simulated,
    draft: null,
    result: null,
    error: null,
    signInMessage: null,
    suggestions: [],
    suggestionsSource: null,
    suggestionsBusy: false,
    suggestionsNote: null,
    canSearch: true,
    busyAction: null,
    notice: null,
    undo: null,
  };
}
