#!/usr/bin/env node
// Writes the deployable manifest.xml and commands.js for an origin, from the .template. files of a build:
//   node scripts/manifest.mjs --origin https://handoff.contoso.com [--dist dist]
// (The API does the same on the fly at /addin/manifest.xml and /addin/commands.js with its own origin.)
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const PLACEHOLDER_ORIGIN = "https://localhost:5001";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { origin: { type: "string" }, dist: { type: "string" } } });

const origin = (values.origin ?? "").replace(/\/+$/, "");
let url;
try {
  url = new URL(origin);
} catch {
  fail("usage: manifest.mjs --origin https://host[:port] [--dist dir]");
}
if (url.protocol !== "https:" || url.pathname !== "/" || url.search || url.hash) fail(`--origin must be an https origin with no path: ${origin}`);

const dist = resolve(values.dist ?? join(root, "dist"));
for (const [template, target] of [["manifest.template.xml", "manifest.xml"], ["commands.template.js", "commands.js"]]) {
  const text = readFileSync(join(dist, template), "utf8");
  writeFileSync(join(dist, target), text.split(PLACEHOLDER_ORIGIN).join(url.origin));
  console.log(`${join(dist, target)} → ${url.origin}`);
}

function fail(message) {
  console.error(message);
  process.exit(2);
}
