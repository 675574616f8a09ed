import "./pages.css";
import type { components } from "../generated/handoff-api";
import { FieldApiError, esc, fieldApi } from "./field-api";
import { pageAuth, PageSignInRequired, renderSignIn } from "./page-auth";
import { fromLocalInput, readPrefill, toLocalInput } from "./report-trip-link";

// Report a trip: everything the link carries is filled in; with all of it present the form collapses to one
// sentence and one button ("one tap"), and "Change details" opens the fields again.

/** POST /api/v1/field-reports answers the saved report (generated from the API's OpenAPI document). */
type ReportResponse = components["schemas"]["FieldReportResponse"];

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const inputs = {
  rsmEmail: $<HTMLInputElement>("rsm"),
  from: $<HTMLInputElement>("from"),
  to: $<HTMLInputElement>("to"),
  departed: $<HTMLInputElement>("departed"),
  arrived: $<HTMLInputElement>("arrived"),
  note: $<HTMLInputElement>("note"),
};

const prefill = readPrefill(location.search);
inputs.rsmEmail.value = prefill.rsm ?? "";
inputs.from.value = prefill.from ?? "";
inputs.to.value = prefill.to ?? "";
inputs.departed.value = toLocalInput(prefill.departed);
inputs.arrived.value = toLocalInput(prefill.arrived);

function span(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const complete = Object.entries(inputs).every(([key, input]) => key === "note" || input.value);
if (complete) {
  const minutes = Math.round((new Date(inputs.arrived.value).getTime() - new Date(inputs.departed.value).getTime()) / 60000);
  const summary = $("summary");
  summary.innerHTML = `<p>${esc(inputs.from.value)} → ${esc(inputs.to.value)}, left ${esc(inputs.departed.value.replace("T", " "))}, ` +
    `arrived ${esc(inputs.arrived.value.replace("T", " "))} (<strong>${esc(span(minutes))}</strong>).</p>`;
  summary.hidden = false;
  $("fields").hidden = true;
  $("edit").hidden = false;
}

$("edit").addEventListener("click", () => {
  $("fields").hidden = false;
  $("summary").hidden = true;
  $("edit").hidden = true;
  inputs.rsmEmail.focus();
});

for (const chip of document.querySelectorAll<HTMLButtonElement>("[data-note]")) {
  chip.addEventListener("click", () => {
    inputs.note.value = inputs.note.value ? `${inputs.note.value}; ${chip.dataset.note}` : chip.dataset.note!;
  });
}

function showErrors(errors: Record<string, string[]>) {
  for (const key of Object.keys(inputs)) {
    const message = Object.entries(errors).filter(([field]) => field === key || field.startsWith(`${key}.`)).flatMap(([, m]) => m).join(" ");
    const slot = document.getElementById(`${key}-error`);
    if (slot) slot.textContent = message;
    inputs[key as keyof typeof inputs].setAttribute("aria-invalid", message ? "true" : "false");
  }
  if (Object.keys(errors).length > 0) {
    $("fields").hidden = false;
    $("summary").hidden = true;
  }
}

$<HTMLFormElement>("form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const send = $<HTMLButtonElement>("send");
  const result = $("result");
  send.disabled = true;
  showErrors({});
  try {
    const body = {
      rsmEmail: inputs.rsmEmail.value.trim(),
      from: { text: inputs.from.value.trim() },
      to: { text: inputs.to.value.trim() },
      departed: fromLocalInput(inputs.departed.value) || null,
      arrived: fromLocalInput(inputs.arrived.value) || null,
      note: inputs.note.value.trim() || null,
    };
    const saved = await fieldApi<ReportResponse>("/api/v1/field-reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const place = (p: ReportResponse["from"]) => p.city ?? p.text ?? "";
    result.innerHTML = `<p class="notice ok">Thanks: ${esc(span(saved.minutes))} from ${esc(place(saved.from))} to ${esc(place(saved.to))} recorded. SDRs' travel estimates use it from now on.</p>`;
  } catch (error) {
    if (error instanceof PageSignInRequired) {
      // Signed in, the SDR presses Send again: the form keeps what they typed.
      renderSignIn(result, await pageAuth(), error.message, () => { result.innerHTML = `<p class="notice ok">Signed in. Send the report again.</p>`; });
      return;
    }
    const problem = error instanceof FieldApiError ? error : new FieldApiError(String(error), 0);
    showErrors(problem.fieldErrors);
    result.innerHTML = `<p class="notice bad">${esc(problem.message)}</p>`;
  } finally {
    send.disabled = false;
  }
});

// Back from Entra's sign-in, MSAL finishes it (and returns to the one-tap link) as the page loads.
void pageAuth().catch(() => undefined);
