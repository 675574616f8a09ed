import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiUrl } from "./harness";

// What the running API serves under /addin/ (AddIn/AddInEndpoints.cs), checked over real HTTP.

describe("the add-in as the API serves it", () => {
  it("serves the manifest with its own origin in every URL, still well-formed", async () => {
    const api = apiUrl();
    const response = await fetch(`${api}/addin/manifest.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/xml/);
    const xml = await response.text();
    expect(xml).not.toContain("https://localhost:5001");
    expect(xml).toContain(`${api}/addin/taskpane.html`);
    const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(file, xml);
    expect(() => execFileSync("xmllint", ["--noout", file], { stdio: "pipe" })).not.toThrow();
  });

  it("serves the handler script with the absolute API origin, and lists it in the well-known file", async () => {
    const api = apiUrl();
    const script = await fetch(`${api}/addin/commands.js`);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    const text = await script.text();
    expect(text).toContain(JSON.stringify(api).slice(1, -1));
    expect(text).not.toContain("https://localhost:5001");
    const allowed = await (await fetch(`${api}/.well-known/microsoft-officeaddins-allowed.json`)).json();
    expect(allowed).toEqual({ allowed: [`${api}/addin/commands.js`] });
  });

  it("serves the pane, its icons and the handlers' runtime page", async () => {
    const api = apiUrl();
    for (const [path, type] of [["taskpane.html", /html/], ["commands.html", /html/], ["support.html", /html/], ["assets/icon-80.png", /png/]] as const) {
      const response = await fetch(`${api}/addin/${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toMatch(type);
    }
    const redirect = await fetch(`${api}/addin/`, { redirect: "manual" });
    expect(redirect.headers.get("location")).toBe("/addin/taskpane.html");
  });

  it("serves nothing else: no templates, no missing files, nothing outside the add-in", async () => {
    const api = apiUrl();
    for (const path of ["manifest.template.xml", "commands.template.js", "nope.html", "..%2f..%2fappsettings.json", "%2e%2e/%2e%2e/Program.cs"]) {
      expect((await fetch(`${api}/addin/${path}`)).status, path).toBe(404);
    }
  });
});
