import "./pages.css";
import { FieldApiError, esc, fieldApi } from "./field-api";
import { authorizedFetch, pageAuth, PageSignInRequired, renderSignIn } from "./page-auth";
import { drawMap } from "./planner-map";
import { markersFor, weekLabel, type PlannerResponse, type Week } from "./planner-model";

// /planner: pick a range (default: this week and the next four), pick a week, see the places on the map and the
// table of who is where, with plan confidence, booked meetings and open in-person hours.

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fromInput = $<HTMLInputElement>("from");
const toInput = $<HTMLInputElement>("to");
const status = $("status");
let current: PlannerResponse | null = null;

function table(week: Week): string {
  if (week.places.length === 0) return `<p class="muted">Nobody is planned or booked in person this week.</p>`;
  const rows = week.places.map((place) => {
    const rsms = place.rsms.map((r) => {
      const plans = r.plans.map((p) => ` <span class="confidence" title="${esc(p.note ?? "")}">planned ${esc(p.confidence)} %</span>`).join("");
      const meetings = r.meetings.length ? ` · ${r.meetings.length} booked meeting${r.meetings.length === 1 ? "" : "s"}` : "";
      return `<li>${esc(r.summary)}${plans}${meetings}</li>`;
    }).join("");
    return `<tr><th scope="row">${esc(place.cluster)}</th><td>${esc(place.territories.join(", ") || "—")}</td><td><ul>${rsms}</ul></td><td>${esc(place.openHours)}</td></tr>`;
  }).join("");
  return `<table><caption class="visually-hidden">${esc(weekLabel(week.week))}</caption>` +
    `<thead><tr><th scope="col">Place</th><th scope="col">Territories</th><th scope="col">Who will be there</th><th scope="col">Open hours</th></tr></thead><tbody>${rows}</tbody></table>`;
}

async function showWeek(index: number) {
  if (!current) return;
  const week = current.weeks[index];
  if (!week) return;
  for (const button of document.querySelectorAll<HTMLButtonElement>("#weeks button")) {
    button.setAttribute("aria-pressed", String(button.dataset.index === String(index)));
  }
  $("table").innerHTML = table(week);
  const markers = markersFor(current, week);
  await drawMap($("map"), markers, `${weekLabel(week.week)}: ${markers.length} place${markers.length === 1 ? "" : "s"} with RSMs`);
}

async function load() {
  const main = $("planner");
  main.setAttribute("aria-busy", "true");
  status.textContent = "Loading…";
  const query = new URLSearchParams({ from: fromInput.value, to: toInput.value });
  $<HTMLAnchorElement>("csv").href = `/api/v1/planner?${query}&format=csv`;
  try {
    current = await fieldApi<PlannerResponse>(`/api/v1/planner?${query}`);
    $("weeks").innerHTML = current.weeks.map((w, i) => `<button type="button" class="secondary" data-index="${i}" aria-pressed="false">${esc(weekLabel(w.week))}</button>`).join("");
    for (const button of document.querySelectorAll<HTMLButtonElement>("#weeks button")) {
      button.addEventListener("click", () => void showWeek(Number(button.dataset.index)));
    }
    const missing = current.unavailableCalendars.map((u) => `${u.email} (${u.reason})`).join(", ");
    status.innerHTML = missing ? `<p class="notice bad">Some calendars could not be read, so those RSMs are missing: ${esc(missing)}.</p>` : "";
    // Start on the first week with anyone in the field beyond home: usually next week.
    await showWeek(Math.min(1, current.weeks.length - 1));
  } catch (error) {
    if (error instanceof PageSignInRequired) return renderSignIn(status, await pageAuth(), error.message, () => void load());
    const message = error instanceof FieldApiError ? error.message : String(error);
    status.innerHTML = `<p class="notice bad">${esc(message)}</p>`;
  } finally {
    main.setAttribute("aria-busy", "false");
  }
}

const today = new Date();
const iso = (d: Date) => d.toISOString().slice(0, 10);
const params = new URLSearchParams(location.search);
fromInput.value = params.get("from") ?? iso(today);
toInput.value = params.get("to") ?? iso(new Date(today.getTime() + 27 * 86_400_000));
// With sign-in on, a plain link would carry no token: fetch the CSV with it and hand the browser the file.
$<HTMLAnchorElement>("csv").addEventListener("click", (event) => {
  event.preventDefault();
  const link = event.currentTarget as HTMLAnchorElement;
  void authorizedFetch(link.href, { headers: { accept: "text/csv" } }).then(async (response) => {
    if (!response.ok) throw new FieldApiError(`The CSV could not be made (${response.status}).`, response.status);
    const url = URL.createObjectURL(await response.blob());
    const save = Object.assign(document.createElement("a"), { href: url, download: link.download });
    save.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }).catch((error: unknown) => {
    status.innerHTML = `<p class="notice bad">${esc(error instanceof Error ? error.message : String(error))}</p>`;
  });
});
$<HTMLFormElement>("range").addEventListener("submit", (event) => {
  event.preventDefault();
  void load();
});
void load();
