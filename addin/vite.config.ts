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
    // The field pages (planner, report a trip) and the Office dialog sign-in page are more pages of the same build.
    rollupOptions: { input: { taskpane: "taskpane.html", brief: "brief.html", "auth-dialog": "auth-dialog.html", planner: "planner.html", "report-trip": "report-trip.html", reports: "reports.html" } },
  },
});
