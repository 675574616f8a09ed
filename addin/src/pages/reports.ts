import "./pages.css";
import "./reports.css";
import * as Plot from "@observablehq/plot";
import { FieldApiError, esc, fieldApi } from "./field-api";
import { authorizedFetch, pageAuth, PageSignInRequired, renderSignIn } from "./page-auth";
import { fairShareRows, gridCellText, minutes, percent, tiles, weekLabel, type Figures, type GridCell, type HeldGrid, type Report } from "./reports-model";

// /reports: the handoff report for a date range, grouped as chosen. Charts are Observable Plot SVG (text in
// currentColor, so they follow the light or dark theme), each with a table of the same figures beside it.

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const fromInput = $<HTMLInputElement>("from");
const toInput = $<HTMLInputElement>("to");
const groupBy = $<HTMLSelectElement>("groupBy");
const status = $("status");

function csvLink(table: string, query: URLSearchParams, label = "Download CSV"): string {
  return `<a class="csv" href="/api/v1/reports/handoffs/csv?table=${table}&${query}" download="handoff-report-${table}.csv">${esc(label)}</a>`;
}

/** A table whose first column heads its rows; the caption is for screen readers unless <code>shown</code>. */
function table(head: string[], rows: Array<Array<string | number>>, caption: string, shown = false): string {
  if (rows.length === 0) return `<p class="muted">Nothing in this range.</p>`;
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr><th scope="row">${esc(r[0])}</th>${r.slice(1).map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("");
  return `<table><caption${shown ? "" : ` class="visually-hidden"`}>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function figureRow(key: string, f: Figures): Array<string | number> {
  return [key, f.booked, percent(f.heldRate), percent(f.noShowRate), percent(f.opportunityRate), minutes(f.speedToLead.medianMinutes),
    minutes(f.speedToLead.p90Minutes), f.slipsPrevented, f.sentWithWarnings, f.noOutcomeYet];
}

/**
 * One labelled image per chart: Plot labels its inner groups, which ARIA does not allow on a plain g; the table
 * beside each chart carries the same figures for screen readers.
 */
function accessible(chart: Element, label: string): Element {
  for (const el of chart.querySelectorAll("[aria-label], [aria-description]")) {
    el.removeAttribute("aria-label");
    el.removeAttribute("aria-description");
  }
  for (const svg of chart.tagName.toLowerCase() === "svg" ? [chart] : Array.from(chart.querySelectorAll("svg"))) {
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", label);
  }
  return chart;
}

function trend(report: Report): Element {
  const points = report.weeks.flatMap((w) => [
    { week: new Date(`${w.key}T00:00:00Z`), rate: w.figures.heldRate, series: "Held rate" },
    { week: new Date(`${w.key}T00:00:00Z`), rate: w.figures.noShowRate, series: "No-show rate" },
  ]).filter((p) => p.rate !== null);
  return Plot.plot({
    width: Math.min(1060, document.body.clientWidth - 40), height: 260, marginLeft: 48,
    ariaLabel: `Held and no-show rates per week, ${report.from} to ${report.to}`,
    x: { type: "utc", label: "Week of", tickFormat: "%b %d" },
    y: { domain: [0, 1], tickFormat: "%", label: "Rate", grid: true },
    color: { legend: true, domain: ["Held rate", "No-show rate"], range: ["#0f6cbd", "#c4314b"] },
    marks: [Plot.ruleY([0]), Plot.lineY(points, { x: "week", y: "rate", stroke: "series", marker: true, tip: true })],
  });
}

function distribution(report: Report): Element {
  return Plot.plot({
    width: Math.min(1060, document.body.clientWidth - 40), height: 40 + 32 * Math.max(1, report.rsmDistribution.length), marginLeft: 200,
    ariaLabel: "Handoffs per RSM",
    x: { label: "Handoffs", grid: true },
    y: { label: null },
    marks: [Plot.barX(report.rsmDistribution, { x: "handoffs", y: "rsm", fill: "#0f6cbd", sort: { y: "-x" }, tip: true }), Plot.ruleX([0])],
  });
}

function render(report: Report, query: URLSearchParams) {
  $("zone").textContent = report.timeZone;
  $("summary").innerHTML = tiles(report.totals).map(([label, value, note]) =>
    `<div class="tile"><dt>${esc(label)}</dt><dd><strong>${esc(value)}</strong><span class="muted">${esc(note)}</span></dd></div>`).join("");
  $("trend").replaceChildren(accessible(trend(report), `Held and no-show rates per week, ${report.from} to ${report.to}`));
  const by = report.groupBy === "week" ? "week" : report.groupBy.toUpperCase() === "SDR" || report.groupBy === "rsm" ? report.groupBy.toUpperCase() : report.groupBy;
  $("groups-by").textContent = by;
  const head = [by === "week" ? "Week of" : by, "Booked", "Held", "No-show", "Opportunity", "Speed to lead", "p90", "Slips prevented", "Sent anyway", "No outcome yet"];
  $("groups").innerHTML = table(head, report.groups.map((g) => figureRow(report.groupBy === "week" ? weekLabel(g.key) : g.key, g.figures)), `By ${by}`)
    + csvLink("groups", query);
  $("slips").innerHTML = table(["Warning", "Prevented"], report.slipsPrevented.map((s) => [s.code, s.count]), "Slips prevented by warning") + csvLink("slips", query);
  const w = report.warningOutcomes;
  $("anyway").innerHTML = `<p>No-show rate with a warning sent anyway: <strong>${percent(w.noShowRateWithWarnings)}</strong> (${w.sentWithWarnings} meetings); without: <strong>${percent(w.noShowRateClean)}</strong> (${w.clean}).</p>`
    + table(["Warning", "Sent", "No-shows", "No-show rate"], report.sentAnyway.map((s) => [s.code, s.count, s.noShows, percent(s.noShowRate)]), "Warnings sent anyway")
    + csvLink("sentAnyway", query);
  $("rsms-chart").replaceChildren(accessible(distribution(report), "Handoffs per RSM"));
  $("rsms").innerHTML = table(["RSM", "Handoffs", "Share", "Held", "No-show"], report.rsmDistribution.map((r) => [r.rsm, r.handoffs, percent(r.share), percent(r.heldRate), percent(r.noShowRate)]), "Handoffs per RSM")
    + csvLink("rsms", query);
  renderFairShares(report, query);
  $("targets").innerHTML = table(["Target", "Month", "Handoffs", "Progress", "Held"], report.targets.map((t) =>
    [`${t.scope} ${t.subject}`, t.month, `${t.handoffs} of ${t.targetHandoffs}`, percent(t.progress), t.targetHeld === null ? String(t.held) : `${t.held} of ${t.targetHeld}`]), "Targets")
    + csvLink("targets", query);
  renderGrid(report.grid, query);
}

/** Per territory: a table per routing period (RSM, weight, handoffs, fair share, difference), or why it has none. */
function renderFairShares(report: Report, query: URLSearchParams) {
  const sections = report.fairShares ?? [];
  if (sections.length === 0) {
    $("fair-shares").innerHTML = `<p class="muted">Fair shares are shown to managers and admins.</p>`;
    return;
  }
  $("fair-shares").innerHTML = sections.map((t) => {
    const title = `<h3>${esc(t.territory)} <span class="muted">· ${esc(t.mode)}, per ${esc(t.period)}${t.creditBack ? ", credit-back on" : ""}</span></h3>`;
    const body = t.note ? `<p class="muted">${esc(t.note)}</p>`
      : t.periods.length === 0 ? `<p class="muted">No routing period of this range has begun.</p>`
      : t.periods.map((p) => table(["RSM", "Weight", "Handoffs", "Fair share", "Difference"], fairShareRows(p),
        `${p.from} – ${p.to}${p.complete ? "" : " (so far)"}: ${p.handoffs} handoffs`, true)).join("");
    return `<div class="fair-territory" data-territory="${esc(t.territory)}">${title}${body}</div>`;
  }).join("") + csvLink("fairShares", query);
}

/**
 * The grid of the slice chosen (everyone, one vertical or one region): weekdays down, hours across. A slice's cell
 * below the sample shows held of decided and the org's rate it falls back to, which is what the ranking uses.
 */
function renderGrid(g: HeldGrid, query: URLSearchParams, chosen = "org") {
  const options = [["org", "Everyone"], ...g.slices.map((s) => [`${s.kind}:${s.name}`, `${s.kind === "vertical" ? "Vertical" : "Region"}: ${s.name} (${s.decided})`])];
  const slice = g.slices.find((s) => `${s.kind}:${s.name}` === chosen);
  $("grid").innerHTML = `<p class="muted">Held ÷ (held + no-shows) by weekday and hour in the prospect's zone: a rate shows from ${g.minSample} meetings in a cell, otherwise held of decided (overall ${percent(slice ? slice.baseline : g.baseline)}). Per vertical and region where the data is enough; elsewhere the org's rate counts.</p>`
    + `<p><label for="grid-slice">Whose meetings</label> <select id="grid-slice">${options.map(([v, l]) => `<option value="${esc(v!)}"${v === chosen ? " selected" : ""}>${esc(l!)}</option>`).join("")}</select></p>`
    + gridTable(slice ? slice.cells : g.cells, slice ? g.cells : []) + csvLink("grid", query);
  const select = $<HTMLSelectElement>("grid-slice");
  select.addEventListener("change", () => {
    renderGrid(g, query, select.value);
    $<HTMLSelectElement>("grid-slice").focus();
  });
}

function gridTable(cells: GridCell[], org: GridCell[]): string {
  if (cells.length === 0) return `<p class="muted">No meeting with an outcome in this range.</p>`;
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].filter((d) => cells.some((c) => c.day === d));
  const hours = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const rows = days.map((day) => [day, ...hours.map((hour) => gridCellText(
    cells.find((x) => x.day === day && x.hour === hour), org.find((x) => x.day === day && x.hour === hour)))]);
  return table(["Day", ...hours.map((h) => `${String(h).padStart(2, "0")}:00`)], rows, "Held by weekday and hour in the prospect's zone");
}

async function load() {
  const main = $("report");
  main.setAttribute("aria-busy", "true");
  status.textContent = "Loading…";
  const query = new URLSearchParams({ from: fromInput.value, to: toInput.value, groupBy: groupBy.value });
  try {
    const report = await fieldApi<Report>(`/api/v1/reports/handoffs?${query}`);
    render(report, query);
    status.textContent = `${report.totals.booked} handoffs from ${report.from} to ${report.to}.`;
    history.replaceState(null, "", `?${query}`);
  } catch (error) {
    if (error instanceof PageSignInRequired) return renderSignIn(status, await pageAuth(), error.message, () => void load());
    const message = error instanceof FieldApiError
      ? [error.message, ...Object.values(error.fieldErrors).flat()].join(" ")
      : String(error);
    status.innerHTML = `<p class="notice bad">${esc(message)}</p>`;
  } finally {
    main.setAttribute("aria-busy", "false");
  }
}

// Default: the eight weeks up to today (the API's own default), as dates in the browser; the API reads them in the org's zone.
const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const today = new Date();
const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7) - 49);
const params = new URLSearchParams(location.search);
fromInput.value = params.get("from") ?? iso(monday);
toInput.value = params.get("to") ?? iso(today);
groupBy.value = params.get("groupBy") ?? "week";
$<HTMLFormElement>("range").addEventListener("submit", (event) => {
  event.preventDefault();
  void load();
});
groupBy.addEventListener("change", () => void load());
// With sign-in on, a plain link would carry no token: fetch each CSV with it and hand the browser the file.
$("report").addEventListener("click", (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>("a.csv");
  if (!link) return;
  event.preventDefault();
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
void load();
