#!/usr/bin/env node
// Builds the add-in into dist/ (or --out-dir): the task pane (Vite), the LaunchEvent handlers as ONE classic script
// (classic Outlook's JavaScript-only runtime takes no imports), and the manifest. Files that carry the placeholder
// origin get a .template. name; the API serves them as manifest.xml / commands.js with its own origin, and
// scripts/manifest.mjs writes them out for static hosting.
import { build as esbuild } from "esbuild";
import { build } from "vite";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

export const PLACEHOLDER_ORIGIN = "https://localhost:5001";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { "out-dir": { type: "string" } } });
const outDir = resolve(values["out-dir"] ?? join(root, "dist"));

await build({ root, configFile: join(root, "vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });

// Classic Outlook before version 2403 runs event handlers in an ES2016-only runtime ("Troubleshoot event-based
// add-ins"): esbuild lowers async/await to generators and drops ?. / ?? / object spread. MSAL (for nested app
// authentication) sits behind a lazy import, so it is parsed but only evaluated where NAA is supported.
await esbuild({
  entryPoints: [join(root, "src/commands/commands.ts")],
  outfile: join(outDir, "commands.template.js"),
  bundle: true,
  format: "iife",
  target: "es2016",
  platform: "neutral",
  mainFields: ["browser", "module", "main"],
  minify: true,
  legalComments: "none",
  define: { __HANDOFF_ORIGIN__: JSON.stringify(PLACEHOLDER_ORIGIN) },
  logLevel: "warning",
});

mkdirSync(outDir, { recursive: true });
copyFileSync(join(root, "..", "manifest.xml"), join(outDir, "manifest.template.xml"));
console.log(`add-in built into ${outDir}`);
