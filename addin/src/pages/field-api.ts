// The field pages' calls to the API that serves them (same origin). Errors come back as problem+json; the pages show
// the detail and, for a 400, each field's message beside its input.

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
  if (status === 401) return "Sign-in is needed: these pages work as served in Demo mode; with sign-in on, call the API with a token.";
  if (status === 403) return problem.detail ?? problem.title ?? "Your role does not allow this.";
  return problem.detail ?? problem.title ?? `The API answered ${status}.`;
}

export async function fieldApi<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: "same-origin", ...init, headers: { accept: "application/json", ...(init?.headers ?? {}) } });
  } catch {
    throw new FieldApiError("Handoff's API could not be reached. Check the connection and try again.", 0);
  }
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
