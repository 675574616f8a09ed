import { describe, expect, it, vi } from "vitest";
import { ApiClient, ApiError, claimsChallenge, fetchClientConfig } from "../../src/shared/api-client";
import type { CheckRequest } from "../../src/shared/contract";
import { jsonResponse, nyToFresno } from "../support/fixtures";

const request: CheckRequest = { start: "2026-12-03T15:00:00Z", end: "2026-12-03T16:00:00Z", organizerTimeZone: "Eastern Standard Time", attendees: ["rsm.west@example.com"] };

describe("API client", () => {
  it("posts the draft as JSON to an absolute URL with the bearer token", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(nyToFresno()));
    const api = new ApiClient({ baseUrl: "https://handoff.contoso.com/", fetchImpl, getToken: async () => "tok" });
    const result = await api.check(request);
    expect(result.verdict).toBe("blocked");
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://handoff.contoso.com/api/v1/meetings/check");
    expect(init.method).toBe("POST");
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer tok");
    expect(JSON.parse(init.body as string)).toEqual(request);
  });

  it("sends no Authorization header without a token (Demo)", async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(nyToFresno()));
    await new ApiClient({ baseUrl: "http://x", fetchImpl, getToken: async () => null }).check(request);
    expect((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].headers).not.toHaveProperty("Authorization");
  });

  it("reads validation problems with their fields", async () => {
    const problem = { title: "One or more validation errors occurred.", status: 400, errors: { end: ["'end' must be after 'start'."] } };
    const api = new ApiClient({ baseUrl: "http://x", fetchImpl: async () => jsonResponse(problem, 400, "application/problem+json") });
    const error = await api.check(request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: "validation", status: 400, fieldErrors: { end: ["'end' must be after 'start'."] } });
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [500, "server"],
    [503, "server"],
  ])("maps HTTP %i to %s", async (status, kind) => {
    const api = new ApiClient({ baseUrl: "http://x", fetchImpl: async () => new Response("", { status }) });
    await expect(api.check(request)).rejects.toMatchObject({ kind, status });
  });

  it("tells an unreachable server from a slow one", async () => {
    const down = new ApiClient({ baseUrl: "http://x", fetchImpl: async () => { throw new TypeError("Failed to fetch"); } });
    await expect(down.check(request)).rejects.toMatchObject({ kind: "network" });
    const slow = new ApiClient({
      baseUrl: "http://x",
      timeoutMs: 20,
      fetchImpl: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    });
    await expect(slow.check(request)).rejects.toMatchObject({ kind: "timeout" });
  });

  it("lets the caller's cancellation through as an AbortError", async () => {
    const controller = new AbortController();
    const api = new ApiClient({
      baseUrl: "http://x",
      fetchImpl: (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    });
    const pending = api.check(request, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("treats a missing suggestions endpoint as 'not available', not an error", async () => {
    const api = new ApiClient({ baseUrl: "http://x", fetchImpl: async () => new Response("", { status: 404 }) });
    await expect(api.suggestions(request)).resolves.toBeNull();
  });

  it("runs in Demo mode when the server has no client-config", async () => {
    await expect(fetchClientConfig("http://x", async () => new Response("", { status: 404 }))).resolves.toEqual({ authMode: "Demo", apiBaseUrl: null, entra: null });
    const entra = { authMode: "Entra", apiBaseUrl: "https://api.contoso.com", entra: { clientId: "c", tenantId: "t", apiScope: "api://c/access_as_user" } };
    await expect(fetchClientConfig("http://x", async () => jsonResponse(entra))).resolves.toEqual(entra);
  });
});

describe("claimsChallenge (WWW-Authenticate from a Conditional Access or CAE challenge)", () => {
  const claims = '{"access_token":{"nbf":{"essential":true,"value":"1700000000"}}}';
  it("decodes the base64 claims of an insufficient_claims challenge", () => {
    expect(claimsChallenge(`Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${btoa(claims)}"`)).toBe(claims);
  });
  it("ignores a plain 401 challenge and one without claims", () => {
    expect(claimsChallenge('Bearer error="invalid_token", error_description="The token expired"')).toBeUndefined();
    expect(claimsChallenge('Bearer error="insufficient_claims"')).toBeUndefined();
    expect(claimsChallenge(null)).toBeUndefined();
  });
});
