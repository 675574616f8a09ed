// The Handoff API contract (POST /api/v1/meetings/check, /suggestions, GET /api/v1/client-config), camelCase JSON.

export type Verdict = "ok" | "review" | "blocked";
export type Severity = "info" | "warning" | "blocker";
export type Party = "organizer" | "prospect" | "rsm";
export type ProspectZoneSource = "request" | "location" | "territory" | "emailDomain" | "unknown";

export interface CheckRequest {
  start: string;
  end: string;
  organizerTimeZone: string;
  organizerEmail?: string;
  attendees: string[];
  location?: string;
  prospectTimeZone?: string;
  vertical?: string;
  /** The SDR's handoff notes, so the check can apply the org's handoff bar (never written into the invite). */
  notes?: HandoffNotes;
  /** The invite's handoff key: its checks are logged so the report can count warnings fixed before send. */
  handoffKey?: string;
}

export interface HandoffNotes {
  whyNow?: string;
  pain?: string;
  nextStep?: string;
}

/** PUT /api/v1/handoffs/{key}: the invite as for a check, and where it was recorded from. */
export interface HandoffRequest extends CheckRequest {
  recordedFrom: "send" | "pane";
}

export interface HandoffRecord {
  key: string;
  version: number;
  verdict: Verdict;
  rsms: RsmInfo[];
  sentAnyway: string[];
  delivery?: { status: string; lastError: string | null } | null;
}

export interface LeadActivity {
  at: string;
  kind: string;
  title: string;
  url?: string | null;
}

export interface LeadSummary {
  email: string;
  company: string | null;
  /** "Came in from the 'Scrap yard security' webinar 2 days ago · score 72 · downloaded the access-control checklist". */
  summary: string;
  score: number | null;
  lifecycleStage: string | null;
  vertical: string | null;
  recentActivities: LeadActivity[];
}

export interface LeadContext {
  leads: LeadSummary[];
  vertical: string | null;
  talkingPoints: string[];
  productMessaging: string | null;
  bar: { minLifecycleStage: string | null; minScore: number | null; requiredNotes: string[] } | null;
}

export interface SuggestionsRequest extends CheckRequest {
  windowStart?: string;
  businessDays?: number;
  maxResults?: number;
}

export interface PartyTime {
  party: Party | string;
  email: string | null;
  timeZone: string;
  timeZoneName: string;
  /** Local wall-clock time without offset, e.g. "2026-12-03T07:00:00". */
  localStart: string;
  localEnd: string;
  utcOffset: string;
}

export interface Warning {
  code: string;
  severity: Severity;
  party: Party | string | null;
  email: string | null;
  message: string;
}

export interface RsmInfo {
  email: string;
  name: string;
  timeZone: string;
}

export interface ProspectInfo {
  timeZone: string | null;
  source: ProspectZoneSource | string;
  detail: string | null;
  /** True when the zone is a guess (ambiguous place, territory default, e-mail domain): the SDR should confirm it. */
  assumed?: boolean;
  timeZoneName?: string | null;
  /** The place the zone came from, e.g. "London, United Kingdom". */
  place?: string | null;
  /** Other places the prospect may be in, most likely first: one-click choices. */
  alternatives?: PlaceChoice[] | null;
}

export interface PlaceChoice {
  label: string;
  timeZone: string;
  timeZoneName: string;
  country: string | null;
}

export interface SuggestionReason {
  code: string;
  message: string;
}

export interface Suggestion {
  start: string;
  end: string;
  rsm: RsmInfo | null;
  isAlternativeRsm: boolean;
  times: PartyTime[];
  reasons: SuggestionReason[];
}

export interface CheckResponse {
  verdict: Verdict;
  times: PartyTime[];
  warnings: Warning[];
  rsms: RsmInfo[];
  prospect: ProspectInfo | null;
  suggestions?: Suggestion[] | null;
  /** Calendars read on the SDR's behalf failed: what the SDR (sign in again) or an admin (consent) must do. */
  calendarAccess?: CalendarAccess | null;
}

export interface CalendarAccess {
  state: "signInAgain" | "adminConsent" | "unavailable";
  message: string;
  /** Entra's claims challenge (Conditional Access) for the next interactive sign-in. */
  claims?: string | null;
}

export interface SuggestionsResponse {
  suggestions: Suggestion[];
}

export type AuthMode = "Demo" | "LocalJwt" | "Entra";

export interface ClientConfig {
  authMode: AuthMode;
  apiBaseUrl: string | null;
  entra: { clientId: string; tenantId: string; apiScope: string } | null;
}

/** Codes that mean the RSM's availability could not be verified. */
export const NOT_QUALIFIED_CODE = "HANDOFF_NOT_QUALIFIED";

export const CALENDAR_UNVERIFIED_CODES: ReadonlySet<string> = new Set(["CALENDAR_UNAVAILABLE", "RSM_CALENDAR_UNAVAILABLE"]);
