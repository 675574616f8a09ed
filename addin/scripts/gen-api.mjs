#!/usr/bin/env node
// npm run gen:api — regenerates src/generated/handoff-api.d.ts from the API's OpenAPI document.
// With HANDOFF_API_URL set, reads that running API's document; otherwise builds the API, starts it in demo mode on a
// free loopback port with a throwaway SQLite file, reads the document and stops it (about 10 s once built).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { GENERATED, fetchDocument, generate } from "./api-contract.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    }).on("error", fail);
  });
}

async function withDemoApi(use) {
  const build = spawnSync("dotnet", ["build", join(repo, "api/Handoff.Api"), "-nologo", "-clp:ErrorsOnly", "-v:q", "-p:SkipAddInBuild=true"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("dotnet build api/Handoff.Api failed");
  const work = mkdtempSync(join(tmpdir(), "gen-api-"));
  const url = `http://127.0.0.1:${await freePort()}`;
  const api = spawn("dotnet", [join(repo, "api/Handoff.Api/bin/Debug/net10.0/Handoff.Api.dll"), "--urls", url, "--contentRoot", join(repo, "api/Handoff.Api")], {
    env: { ...process.env, ConnectionStrings__Handoff: `Data Source=${join(work, "handoff.db")}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (let i = 0; ; i++) {
      if (api.exitCode !== null) throw new Error(`the API exited (${api.exitCode})`);
      if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) break;
      if (i > 120) throw new Error(`the API did not answer at ${url}/healthz`);
      await new Promise((r) => setTimeout(r, 500));
    }
    return await use(url);
  } finally {
    api.kill();
    await new Promise((r) => (api.exitCode !== null ? r() : api.once("exit", r)));
    rmSync(work, { recursive: true, force: true });
  }
}

const document = process.env.HANDOFF_API_URL ? await fetchDocument(process.env.HANDOFF_API_URL) : await withDemoApi(fetchDocument);
writeFileSync(GENERATED, await generate(document));
console.log(`gen:api: wrote ${relative(process.cwd(), GENERATED)}`);
