import type { CheckRequest, CheckResponse, ClientConfig, HandoffRecord, HandoffRequest, LeadContext, SuggestionsRequest, SuggestionsResponse } from "./contract";

// DOM-free: used by the task pane and by the event handlers (which run in a JavaScript-only runtime in classic
// Outlook, where relative URLs do not work — so the base URL is always absolute).

export type ApiErrorKind = "network" | "timeout" | "unauthorized" | "forbidden" | "validation" | "notFound" | "server";

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly fieldErrors: Record<string, string[]> = {},
    /** A claims challenge (Conditional Access, continuous access evaluation) for the next interactive sign-in. */
    readonly claims?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type TokenSource = () => Promise<string | null>;

/** A recorded handoff, or the precondition the server asked for (412 with the current version, 428). */
export type RecordAnswer = { status: number; record: HandoffRecord } | { status: 412 | 428 | number; currentVersion: number | null; record?: undefined };

export interface ApiClientOptions {
  /** Absolute origin (and optional path prefix) of the API, e.g. "https://handoff.contoso.com". */
  baseUrl: string;
  getToken?: TokenSource;
  /** Per-request time limit; Smart Alerts shows "taking longer" after 5 s, so the event handlers keep it short. */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export class ApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  }

  check(request: CheckRequest, signal?: AbortSignal): Promise<CheckResponse> {
    return this.send<CheckResponse>("POST", "/api/v1/meetings/check", request, signal);
  }

  /** The suggestions endpoint; null when this server does not have it (404). */
  async suggestions(request: SuggestionsRequest, signal?: AbortSignal): Promise<SuggestionsResponse | null> {
    try {
      return await this.send<SuggestionsResponse>("POST", "/api/v1/meetings/suggestions", request, signal);
    } catch (error) {
      if (error instanceof ApiError && error.kind === "notFound") return null;
      throw error;
    }
  }

  /** A GET of any API resource the caller may read (the brief page reads a handoff). */
  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.send<T>("GET", path, undefined, signal);
  }

  /** Lead context of the invite's attendees and the vertical's talking points (GET /api/v1/leads/context). */
  leadContext(emails: string[], signal?: AbortSignal): Promise<LeadContext> {
    const query = emails.map((e) => `email=${encodeURIComponent(e)}`).join("&");
    return this.send<LeadContext>("GET", `/api/v1/leads/context?${query}`, undefined, signal);
  }

  /**
   * PUT /api/v1/handoffs/{key}. A precondition answer (412, 428) is returned, not thrown, so the caller can retry
   * with the version the server names.
   */
  async recordHandoff(key: string, body: HandoffRequest, ifMatch: string | null, signal?: AbortSignal): Promise<RecordAnswer> {
    const response = await this.raw("PUT", `/api/v1/handoffs/${encodeURIComponent(key)}`, body, signal, ifMatch ? { "If-Match": ifMatch } : {});
    if (response.ok) return { status: response.status, record: (await response.json()) as HandoffRecord };
    if (response.status === 412 || response.status === 428) {
      const problem = (await readProblem(response)) as Problem & { currentVersion?: number };
      return { status: response.status, currentVersion: problem.currentVersion ?? null };
    }
    throw await toApiError(response);
  }

  private async send<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const response = await this.raw(method, path, body, signal, {});
    if (response.ok) return (await response.json()) as T;
    throw await toApiError(response);
  }

  private async raw(method: string, path: string, body: unknown, signal: AbortSignal | undefined, extra: Record<string, string>): Promise<Response> {
    const token = this.options.getToken ? await this.options.getToken() : null;
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json", ...extra };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (token) headers.Authorization = `Bearer ${token}`;
    return fetchWithLimit(
      this.fetchImpl,
      this.baseUrl + path,
      { method, headers, body: body === undefined ? null : JSON.stringify(body) },
      signal,
      this.options.timeoutMs,
    );
  }
}

/** GET /api/v1/client-config; a server without it (404) runs in Demo mode. */
export async function fetchClientConfig(baseUrl: string, fetchImpl: typeof fetch = fetch, timeoutMs?: number): Promise<ClientConfig> {
  const response = await fetchWithLimit(fetchImpl, `${baseUrl.replace(/\/+$/, "")}/api/v1/client-config`, { headers: { Accept: "application/json" } }, undefined, timeoutMs);
  if (response.status === 404) return { authMode: "Demo", apiBaseUrl: null, entra: null };
  if (!response.ok) throw await toApiError(response);
  const config = (await response.json()) as Partial<ClientConfig>;
  return { authMode: config.authMode ?? "Demo", apiBaseUrl: config.apiBaseUrl ?? null, entra: config.entra ?? null };
}

async function fetchWithLimit(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): Promise<Response> {
  // Combine the caller's signal with a timeout by hand: AbortSignal.any is missing in older runtimes.
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) controller.abort(signal.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  const timer = timeoutMs === undefined ? undefined : setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
  try {
    return await fetchImpl(url, { ...init, signal: controller.signal });
  } catch (error) {
    if (signal?.aborted) throw error; // the caller cancelled: let the AbortError through untouched
    if (timedOut) throw new ApiError("timeout", "Handoff took too long to answer.");
    throw new ApiError("network", "Handoff can't be reached.");
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const problem = await readProblem(response);
  const detail = problem.detail ?? problem.title;
  switch (response.status) {
    case 400:
    case 422:
      return new ApiError("validation", detail ?? "The invite could not be checked.", response.status, problem.errors ?? {});
    case 401:
      return new ApiError("unauthorized", "You're signed out of Handoff.", 401, {}, claimsChallenge(response.headers.get("www-authenticate")));
    case 403: {
      // Microsoft.Identity.Web answers a Conditional Access step it cannot satisfy with 403 and a claims challenge.
      const claims = claimsChallenge(response.headers.get("www-authenticate"));
      return claims
        ? new ApiError("unauthorized", "Microsoft 365 needs you to sign in to Handoff again.", 403, {}, claims)
        : new ApiError("forbidden", "Your account doesn't have access to Handoff.", 403);
    }
    case 404:
      return new ApiError("notFound", detail ?? "Not found.", 404);
    default:
      return new ApiError("server", detail ?? `Handoff had a problem (${response.status}).`, response.status);
  }
}

/**
 * The claims of a `WWW-Authenticate: Bearer error="insufficient_claims", claims="<base64>"` challenge (the CAE and
 * Conditional Access form), decoded for MSAL's `claims` request parameter; undefined when there is none.
 */
export function claimsChallenge(header: string | null): string | undefined {
  if (!header || !/error\s*=\s*"?(insufficient_claims|interaction_required)/i.test(header)) return undefined;
  const encoded = /claims\s*=\s*"([^"]+)"/i.exec(header)?.[1];
  if (!encoded) return undefined;
  if (encoded.trimStart().startsWith("{")) return encoded;
  try {
    return atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return undefined;
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get("content-type") ?? "";
  if (!type.includes("json")) return {};
  try {
    const body = (await response.json()) as Problem;
    return typeof body === "object" && body !== null ? body : {};
  } catch {
    return {};
  }
}

export function isAbort(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: string }).name === "AbortError";
}
