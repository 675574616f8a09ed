import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";

// The XML schema validator is an online service; offline, this is the contract Outlook holds a manifest to.

const manifestPath = fileURLToPath(new URL("../../../manifest.xml", import.meta.url));
const srcDir = fileURLToPath(new URL("../../src", import.meta.url));
const publicDir = fileURLToPath(new URL("../../public", import.meta.url));
const xml = readFileSync(manifestPath, "utf8");
const doc = new DOMParser().parseFromString(xml, "text/xml");
const root = doc.documentElement!;

const children = (el: Element) => Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
const all = (name: string) => Array.from(doc.getElementsByTagName(name)) as Element[];
const one = (name: string) => {
  const found = all(name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
};
const BASE_ORDER = ["Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "VersionOverrides"];

describe("manifest.xml", () => {
  it("is well-formed XML (xmllint)", () => {
    expect(() => execFileSync("xmllint", ["--noout", manifestPath], { stdio: "pipe" })).not.toThrow();
  });

  it("is a MailApp with its elements in the order Office enforces", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("MailApp");
    const names = children(root).map((e) => e.localName ?? "");
    const positions = names.map((n) => BASE_ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0), `unknown element in ${names.join(", ")}`).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "Hosts", "FormSettings", "Permissions", "Rule", "VersionOverrides"]) {
      expect(names, required).toContain(required);
    }
    expect(one("Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(children(root).find((e) => e.localName === "Version")!.textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it("asks for ReadWriteItem and activates on the meeting organizer form", () => {
    expect(one("Permissions").textContent).toBe("ReadWriteItem");
    const rules = all("Rule").filter((r) => r.getAttribute("xsi:type") === "ItemIs");
    expect(rules.map((r) => [r.getAttribute("ItemType"), r.getAttribute("FormType")])).toEqual([["Appointment", "Edit"]]);
  });

  it("resolves every resid, with ids of at most 32 characters", () => {
    const ids = new Map<string, string>();
    for (const el of [...all("bt:Image"), ...all("bt:Url"), ...all("bt:String")].filter((e) => e.getAttribute("id"))) {
      const id = el.getAttribute("id")!;
      expect(id.length, id).toBeLessThanOrEqual(32);
      expect(ids.has(id), `duplicate resource id ${id}`).toBe(false);
      ids.set(id, el.parentNode!.nodeName);
    }
    const refs = (Array.from(doc.getElementsByTagName("*")) as Element[]).filter((e) => e.getAttribute("resid"));
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      const resid = ref.getAttribute("resid")!;
      expect(ids.has(resid), `resid ${resid} on <${ref.nodeName}> does not resolve`).toBe(true);
      const kind = ids.get(resid);
      const expected = ref.localName === "Image" ? "bt:Images" : ["SourceLocation", "Runtime", "Override"].includes(ref.localName ?? "") ? "bt:Urls" : ref.localName === "Description" ? "bt:LongStrings" : "bt:ShortStrings";
      expect(kind, `${ref.nodeName} resid=${resid}`).toBe(expected);
    }
  });

  it("keeps strings and URLs within Office's limits, all URLs https", () => {
    for (const s of all("bt:String")) {
      const max = s.parentNode!.nodeName === "bt:ShortStrings" ? 125 : 250;
      expect(s.getAttribute("DefaultValue")!.length, s.getAttribute("id")!).toBeLessThanOrEqual(max);
    }
    expect(one("DisplayName").getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
    expect(children(root).find((e) => e.localName === "Description")!.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);
    const urls = [...xml.matchAll(/DefaultValue="([^"]*:\/\/[^"]*)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url, url).toMatch(/^https:\/\//);
      expect(url.length).toBeLessThanOrEqual(2048);
      expect(() => new URL(url)).not.toThrow();
    }
  });

  it("points only at files the build produces, under the placeholder origin", () => {
    const built = new Set(["addin/taskpane.html", "addin/commands.js", ...walk(publicDir).map((p) => `addin/${p}`)]);
    const urls = [...xml.matchAll(/DefaultValue="(https:\/\/[^"]*)"/g)].map((m) => new URL(m[1]!));
    for (const url of urls) {
      expect(url.origin).toBe("https://localhost:5001");
      expect(built.has(url.pathname.slice(1)), `${url.pathname} is not built`).toBe(true);
    }
  });

  it("has the Check handoff button on the appointment organizer surface, opening the task pane", () => {
    const surfaces = all("ExtensionPoint").filter((e) => e.getAttribute("xsi:type") === "AppointmentOrganizerCommandSurface");
    expect(surfaces).toHaveLength(1);
    const control = surfaces[0]!.getElementsByTagName("Control")[0] as Element;
    expect(control.getAttribute("xsi:type")).toBe("Button");
    expect(control.getAttribute("id")).toBe("HandoffCheckButton"); // Smart Alerts' commandId names it
    const label = control.getElementsByTagName("Label")[0]!.getAttribute("resid")!;
    expect(all("bt:String").find((s) => s.getAttribute("id") === label)!.getAttribute("DefaultValue")).toBe("Check handoff");
    const action = control.getElementsByTagName("Action")[0] as Element;
    expect(action.getAttribute("xsi:type")).toBe("ShowTaskpane");
    const sizes = Array.from(control.getElementsByTagName("bt:Image")).map((i) => (i as Element).getAttribute("size"));
    expect(sizes).toEqual(["16", "32", "80"]);
  });

  it("needs Mailbox 1.12 (OnAppointmentSend) for commands and events and nests VersionOverrides 1.1 in 1.0", () => {
    const [outer] = all("VersionOverrides");
    expect(outer!.getAttribute("xsi:type")).toBe("VersionOverridesV1_0");
    const inner = children(outer!).find((e) => e.localName === "VersionOverrides")!;
    expect(inner.getAttribute("xsi:type")).toBe("VersionOverridesV1_1");
    expect(one("bt:Sets").getAttribute("DefaultMinVersion")).toBe("1.12");
  });

  it("declares the launch events with SoftBlock on send and a runtime with a JavaScript override", () => {
    const events = all("LaunchEvent").map((e) => [e.getAttribute("Type"), e.getAttribute("FunctionName"), e.getAttribute("SendMode")]);
    expect(events).toEqual([
      ["OnAppointmentTimeChanged", "onAppointmentTimeChangedHandler", null],
      ["OnAppointmentAttendeesChanged", "onAppointmentAttendeesChangedHandler", null],
      ["OnAppointmentSend", "onAppointmentSendHandler", "SoftBlock"],
    ]);
    const runtime = one("Runtime");
    const override = one("Override");
    expect(override.getAttribute("type")).toBe("javascript");
    const launchPoint = all("ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "LaunchEvent")!;
    const source = children(launchPoint).find((e) => e.localName === "SourceLocation")!;
    expect(source.getAttribute("resid")).toBe(runtime.getAttribute("resid"));
    const url = (id: string) => all("bt:Url").find((u) => u.getAttribute("id") === id)!.getAttribute("DefaultValue")!;
    expect(url(runtime.getAttribute("resid")!)).toMatch(/\/addin\/commands\.html$/);
    expect(url(override.getAttribute("resid")!)).toMatch(/\/addin\/commands\.js$/);
  });

  it("has every FunctionName registered with Office.actions.associate in the add-in code", () => {
    const code = walk(srcDir).filter((p) => p.endsWith(".ts")).map((p) => readFileSync(join(srcDir, p), "utf8")).join("\n");
    const associated = new Set([...code.matchAll(/Office\.actions\.associate\(\s*"([^"]+)"/g)].map((m) => m[1]));
    const names = all("LaunchEvent").map((e) => e.getAttribute("FunctionName")!);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(associated.has(name), `${name} is never associated`).toBe(true);
  });
});

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}
