#!/usr/bin/env node
// Builds the add-in into dist/ (or --out-dir): the task pane (Vite), the LaunchEvent handlers as ONE classic script
// (classic Outlook's JavaScript-only runtime takes no imports), and the manifest. Files that carry the placeholder
// origin get a .template. name; the API serves them as manifest.xml / commands.js with its own origin, and
// scripts/manifest.mjs writes them out for static hosting.
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

await build({
  root,
  configFile: false,
  logLevel: "warn",
  publicDir: false,
  define: { __HANDOFF_ORIGIN__: JSON.stringify(PLACEHOLDER_ORIGIN) },
  build: {
    outDir,
    emptyOutDir: false,
    target: "es2020",
    minify: true,
    sourcemap: false,
    lib: { entry: join(root, "src/commands/commands.ts"), formats: ["iife"], name: "HandoffCommands", fileName: () => "commands.template.js" },
  },
});

mkdirSync(outDir, { recursive: true });
copyFileSync(join(root, "..", "manifest.xml"), join(outDir, "manifest.template.xml"));
console.log(`add-in built into ${outDir}`);
