import { parse } from "acorn";
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { jsonResponse, nyToFresno } from "../support/fixtures";
import { STUB_SOURCE, type OfficeStub } from "../support/stub";

// Classic Outlook on Windows runs the built commands.js alone in a JavaScript-only runtime: no window, no document,
// no location, no storage, no module loader. Run the real bundle in exactly such a sandbox.

const bundlePath = fileURLToPath(new URL("../../dist/commands.template.js", import.meta.url));

function sandbox(answer: () => Response) {
  const fetch = vi.fn(async (url: string) => (String(url).endsWith("/client-config") ? new Response("", { status: 404 }) : answer()));
  const context = vm.createContext({
    __officeStubConfig: { required: [{ emailAddress: "rsm.west@example.com" }, { emailAddress: "cfo@acme-metals.example" }] },
    fetch, setTimeout, clearTimeout, AbortController, URL, console,
  });
  vm.runInContext(STUB_SOURCE, context);
  vm.runInContext(readFileSync(bundlePath, "utf8"), context, { filename: "commands.js" });
  return { stub: context.__officeStub as OfficeStub, fetch, context };
}

/**
 * The size budget of commands.js. Our own code is ~9 KB; MSAL.js (nested app authentication, needed for background
 * checks with Entra sign-in) is ~330 KB of it and is only evaluated where NAA is supported. The budget stops growth.
 */
export const COMMANDS_BUDGET_BYTES = 380 * 1024;

describe("built event-handler script (commands.js)", () => {
  it("exists: run the build first", () => {
    expect(existsSync(bundlePath), `${bundlePath} is missing: npm run build`).toBe(true);
  });

  it("parses as ES2016, what classic Outlook before version 2403 runs", () => {
    const source = readFileSync(bundlePath, "utf8");
    // acorn throws on async functions, await, ?., ??, object spread, class fields and the like at ecmaVersion 2016.
    expect(() => parse(source, { ecmaVersion: 2016, sourceType: "script" })).not.toThrow();
    expect(() => parse("async function f() { await 1 }", { ecmaVersion: 2016, sourceType: "script" })).toThrow();
  });

  it(`stays within its size budget (${COMMANDS_BUDGET_BYTES / 1024} KiB)`, () => {
    expect(statSync(bundlePath).size).toBeLessThanOrEqual(COMMANDS_BUDGET_BYTES);
  });

  it("is one classic script with no imports or DOM use at load, and registers its handlers", () => {
    const source = readFileSync(bundlePath, "utf8");
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
    const { stub, context } = sandbox(() => jsonResponse(nyToFresno()));
    expect(Object.keys(stub.associations).sort()).toEqual(["onAppointmentAttendeesChangedHandler", "onAppointmentSendHandler", "onAppointmentTimeChangedHandler"]);
    expect(context).not.toHaveProperty("window");
    expect(context).not.toHaveProperty("document");
  });

  it("blocks a send that can't work, calling the API by its absolute placeholder URL", async () => {
    const { stub, fetch } = sandbox(() => jsonResponse(nyToFresno()));
    const completed = vi.fn();
    await stub.associations.onAppointmentSendHandler!({ completed });
    expect(completed).toHaveBeenCalledOnce();
    expect(completed.mock.calls[0]![0]).toMatchObject({ allowEvent: false, commandId: "HandoffCheckButton" });
    expect(fetch.mock.calls.map((c) => String(c[0]))).toEqual([
      "https://localhost:5001/api/v1/client-config",
      "https://localhost:5001/api/v1/meetings/check",
    ]);
  });

  it("lets the send go when the API is down", async () => {
    const { stub } = sandbox(() => { throw new TypeError("Failed to fetch"); });
    const completed = vi.fn();
    await stub.associations.onAppointmentSendHandler!({ completed });
    expect(completed).toHaveBeenCalledExactlyOnceWith({ allowEvent: true });
  });
});
