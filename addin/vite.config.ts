import { defineConfig } from "vite";

// The task pane. The LaunchEvent handlers are a second, single-file build (scripts/build.mjs).
export default defineConfig({
  base: "./", // served under /addin/ by the API, or from any folder
  // The simulated invite's Send runs the event handlers' code, which names this for classic Outlook only.
  define: { __HANDOFF_ORIGIN__: JSON.stringify("https://localhost:5001") },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    // The field pages (planner, report a trip) share the toolchain; the API serves them at /planner and /report-trip.
    rollupOptions: { input: { taskpane: "taskpane.html", planner: "planner.html", "report-trip": "report-trip.html" } },
  },
});
