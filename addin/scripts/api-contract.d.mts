// Types for scripts/api-contract.mjs, so the staleness test can import it under the strict type check.
export const GENERATED: string;
export function contractOf(document: unknown): unknown;
export function generate(document: unknown): Promise<string>;
export function fetchDocument(apiUrl: string): Promise<unknown>;
