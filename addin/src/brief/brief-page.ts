import "@fluentui/web-components/button.js";
import { ApiClient, ApiError } from "../shared/api-client";
import { pageAuth, PageSignInRequired, type PageAuth } from "../pages/page-auth";
import { h } from "../taskpane/view/dom";
import { BRIEF_SECTIONS, type BriefRecord } from "./sections";
import "./brief.css";

// The read-only brief page (/handoffs/{key} redirects here): signs in as the API-served pages do (pages/page-auth.ts:
// a pasted token for LocalJwt, MSAL.js with a redirect back here for Entra), then reads the handoff. The API
// answers only the SDR who sent it, the RSMs on it, and admins.

const root = document.getElementById("brief")!;
const message = document.getElementById("brief-message")!;

async function show(): Promise<void> {
  const origin = window.location.origin;
  let auth: PageAuth;
  try {
    auth = await pageAuth(); // first: back from Entra, MSAL returns to the URL that held the key
  } catch (error) {
    return fail(`Handoff can't be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  const key = new URLSearchParams(window.location.search).get("key");
  if (!key) return fail("No handoff named: open a link from a brief e-mail.");
  const api = new ApiClient({ baseUrl: origin, getToken: () => auth.token(), timeoutMs: 15_000 });
  try {
    const record = await api.get<BriefRecord>(`/api/v1/handoffs/${encodeURIComponent(key)}`);
    render(record);
  } catch (error) {
    if (error instanceof PageSignInRequired || (error instanceof ApiError && error.kind === "unauthorized")) return signIn(auth);
    if (error instanceof ApiError && error.kind === "notFound") return fail("No such handoff, or it isn't yours to see.");
    fail(error instanceof Error ? error.message : String(error));
  }
}

function render(record: BriefRecord): void {
  root.dataset.status = "ready";
  document.title = `Handoff brief: ${record.leads[0]?.context.company ?? record.prospects[0] ?? record.key}`;
  root.replaceChildren(
    h("h1", { id: "brief-title" }, document.title),
    h("p", { class: "brief-from" }, `From ${record.sdr}${record.sdrEmail ? ` (${record.sdrEmail})` : ""} · version ${record.version} · internal, not for the prospect`),
    ...BRIEF_SECTIONS.map((render) => render(record)).filter((s): s is HTMLElement => s !== null));
}

function signIn(auth: PageAuth): void {
  root.dataset.status = "signedOut";
  const input = h("input", { id: "brief-token", type: "password", placeholder: "Paste a Handoff token", "aria-label": "Handoff token" });
  root.replaceChildren(h("h1", {}, "Sign in to see this brief"),
    auth.mode === "LocalJwt" ? input : h("p", {}, "Sign in with your work account."),
    h("fluent-button", { appearance: "primary", onclick: () => void auth.signIn((input as HTMLInputElement).value).then(show, (e: unknown) => fail(String(e))) }, "Sign in"));
}

function fail(text: string): void {
  root.dataset.status = "error";
  message.textContent = text;
}

void show();
