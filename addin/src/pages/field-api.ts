import { authorizedFetch, PageSignInRequired } from "./page-auth";

// The field pages' calls to the API that serves them (same origin), signed in as page-auth.ts says. Errors come back as
// problem+json; the pages show the detail and, for a 400, each field's message beside its input; a call that needs
// sign-in throws PageSignInRequired (the page shows its sign-in card).

export class FieldApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = "FieldApiError";
  }
}

interface Problem {
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
}

function explain(status: number, problem: Problem): string {
  if (status === 403) return problem.detail ?? problem.title ?? "Your role does not allow this.";
  return problem.detail ?? problem.title ?? `The API answered ${status}.`;
}

export async function fieldApi<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await authorizedFetch(path, { ...init, headers: { accept: "application/json", ...(init?.headers as Record<string, string> | undefined) } });
  } catch (error) {
    if (error instanceof PageSignInRequired) throw error;
    throw new FieldApiError("Handoff's API could not be reached. Check the connection and try again.", 0);
  }
  if (response.status === 401) throw new PageSignInRequired("Your sign-in has expired or was refused. Sign in again.");
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  let problem: Problem = {};
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // Not problem+json (a proxy's page): the status says enough.
  }
  throw new FieldApiError(explain(response.status, problem), response.status, problem.errors ?? {});
}

/** Minimal escaping for text put into innerHTML templates. */
export function esc(text: string | number | null | undefined): string {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
