import type { CheckResponse, Severity, Verdict, Warning } from "./contract";

export interface VerdictLook {
  title: string;
  tone: "success" | "warning" | "danger";
}

export const VERDICT_LOOK: Record<Verdict, VerdictLook> = {
  ok: { title: "Safe to send", tone: "success" },
  review: { title: "Review before sending", tone: "warning" },
  blocked: { title: "Won't work", tone: "danger" },
};

export function verdictLook(verdict: string): VerdictLook {
  return VERDICT_LOOK[verdict as Verdict] ?? { title: "Review before sending", tone: "warning" };
}

const RANK: Record<Severity, number> = { blocker: 3, warning: 2, info: 1 };

export function severityRank(severity: string): number {
  return RANK[severity as Severity] ?? 2; // an unknown severity is shown as a warning, never hidden
}

/** Warnings grouped by severity, worst first; unknown severities count as warnings. */
export function groupBySeverity(warnings: readonly Warning[]): Array<{ severity: Severity; warnings: Warning[] }> {
  const groups: Array<{ severity: Severity; warnings: Warning[] }> = [
    { severity: "blocker", warnings: [] },
    { severity: "warning", warnings: [] },
    { severity: "info", warnings: [] },
  ];
  for (const w of warnings) {
    const rank = severityRank(w.severity);
    groups[3 - rank]!.warnings.push(w);
  }
  return groups.filter((g) => g.warnings.length > 0);
}

export function worstWarning(warnings: readonly Warning[]): Warning | undefined {
  let worst: Warning | undefined;
  for (const w of warnings) {
    if (!worst || severityRank(w.severity) > severityRank(worst.severity)) worst = w;
  }
  return worst;
}

/** What is wrong, in one sentence. */
export function headline(result: Pick<CheckResponse, "verdict" | "warnings">): string {
  const worst = worstWarning(result.warnings);
  if (!worst) return "Everyone is inside their hours and the RSM is free.";
  if (result.verdict === "ok" || worst.severity === "info") return "Nothing blocks this time. Check the notes below.";
  return worst.message;
}

/** For an Outlook notification bar (≤ 150 characters). */
export function notificationText(result: Pick<CheckResponse, "verdict" | "warnings">): string {
  const prefix = `Handoff: ${verdictLook(result.verdict).title}. `;
  return clip(prefix + headline(result), 150);
}

/** For the Smart Alerts dialog (≤ 500 characters). */
export function smartAlertText(result: Pick<CheckResponse, "verdict" | "warnings">): string {
  const problems = result.warnings.filter((w) => w.severity === "blocker").map((w) => w.message);
  const body = problems.length ? problems.join(" ") : headline(result);
  return clip(`This meeting won't work: ${body} Open "Check handoff" to pick a better time.`, 500);
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
