import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractOf, fetchDocument, generate, GENERATED } from "../../scripts/api-contract.mjs";
import { apiUrl } from "./harness";

// The pane's types are generated from the API's OpenAPI document (openapi-typescript, `npm run gen:api`). This fails
// when the committed src/generated/handoff-api.d.ts is not what the running API's document generates today.

describe("the pane's generated API contract", () => {
  it("matches what the API's OpenAPI document generates now (else: npm run gen:api)", async () => {
    const fresh = await generate(await fetchDocument(apiUrl()));
    const committed = readFileSync(GENERATED, "utf8");
    const a = committed.split("\n");
    const b = fresh.split("\n");
    const line = a.findIndex((text, i) => text !== b[i]);
    const where = line < 0 && a.length === b.length ? null
      : `first difference at line ${(line < 0 ? Math.min(a.length, b.length) : line) + 1}:\n  committed: ${a[line] ?? "(end)"}\n  generated: ${b[line] ?? "(end)"}`;
    expect(where, "src/generated/handoff-api.d.ts is stale: run `npm run gen:api` in addin/ and commit it").toBeNull();
  });

  it("leaves out only what names the serving instance or changes by date", async () => {
    const document = await fetchDocument(apiUrl()) as { servers?: unknown; paths: Record<string, unknown> };
    expect(document.servers).toBeDefined();
    const contract = JSON.stringify(contractOf(document));
    expect(contract).not.toContain(apiUrl());
    expect(contract).not.toMatch(/"examples?":/);
    expect(Object.keys((JSON.parse(contract) as { paths: object }).paths)).toEqual(Object.keys(document.paths));
  });
});
