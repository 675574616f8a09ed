// The Handoff API contract, as the pane names it. Every shape comes from the API's own OpenAPI document through
// openapi-typescript (src/generated/handoff-api.d.ts, `npm run gen:api`); nothing here is kept by hand, so a change
// in the API's answers shows up as a type error in the pane, and a stale generated file fails
// test/browser/api-contract.test.ts. camelCase JSON; properties the API leaves out when null are optional.
import type { components, operations } from "../generated/handoff-api";

type Schemas = components["schemas"];
type JsonBody<T> = T extends { content: { "application/json": infer B } } ? B : never;

export type Verdict = Schemas["Verdict"];
export type Severity = Schemas["Severity"];
export type Party = Schemas["PartyKind"];
export type ProspectZoneSource = Schemas["ZoneSource"];

/** POST /api/v1/meetings/check. */
export type CheckRequest = JsonBody<operations["CheckMeeting"]["requestBody"]>;
export type CheckResponse = JsonBody<operations["CheckMeeting"]["responses"][200]>;
/** POST /api/v1/meetings/suggestions. */
export type SuggestionsRequest = JsonBody<operations["SuggestMeetingTimes"]["requestBody"]>;
export type SuggestionsResponse = JsonBody<operations["SuggestMeetingTimes"]["responses"][200]>;
/** The SDR's handoff notes, so the check can apply the org's handoff bar (never written into the invite). */
export type HandoffNotes = Schemas["HandoffNotesDto"];

/** PUT /api/v1/handoffs/{key}: the invite as for a check, and where it was recorded from. */
export type HandoffRequest = Schemas["HandoffRequest"];
/** A recorded handoff (the PUT's answer and GET /api/v1/handoffs/{key}, which the brief page renders). */
export type HandoffRecord = Schemas["HandoffResponse"];

/** GET /api/v1/leads/context. */
export type LeadContext = Schemas["LeadContextResponse"];
export type LeadSummary = Schemas["LeadContextItem"];
export type LeadActivity = Schemas["LeadActivityData"];

export type PartyTime = Schemas["PartyTimeDto"];
export type Warning = Schemas["WarningDto"];
export type RsmInfo = Schemas["RsmDto"];
export type ProspectInfo = Schemas["ProspectDto"];
export type PlaceChoice = Schemas["PlaceChoiceDto"];
export type SuggestionReason = Schemas["ReasonDto"];
export type Suggestion = Schemas["SuggestionDto"];
/** Calendars read on the SDR's behalf failed: what the SDR (sign in again) or an admin (consent) must do. */
export type CalendarAccess = Schemas["CalendarAccessDto"];

/** GET /api/v1/client-config. */
export type ClientConfig = Schemas["ClientConfig"];
export type AuthMode = ClientConfig["authMode"];

/** Codes that mean the RSM's availability could not be verified. */
export const NOT_QUALIFIED_CODE = "HANDOFF_NOT_QUALIFIED";

export const CALENDAR_UNVERIFIED_CODES: ReadonlySet<string> = new Set(["CALENDAR_UNAVAILABLE", "RSM_CALENDAR_UNAVAILABLE"]);
