import { defineConfig } from "vitest/config";

// Three suites, run together by scripts/test.sh: unit (pane logic with a stubbed Office), manifest (contract),
// browser (real headless Chromium against the running API; needs HANDOFF_API_URL).
const define = { __HANDOFF_ORIGIN__: JSON.stringify("https://localhost:5001") };

export default defineConfig({
  test: {
    projects: [
      { define, test: { name: "unit", include: ["test/unit/**/*.test.ts"], environment: "node" } },
      { define, test: { name: "manifest", include: ["test/manifest/**/*.test.ts"], environment: "node" } },
      {
        define,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          testTimeout: 45_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
