import { defineConfig } from "vite";

// The task pane. The LaunchEvent handlers are a second, single-file build (scripts/build.mjs).
export default defineConfig({
  base: "./", // served under /addin/ by the API, or from any folder
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    rollupOptions: { input: { taskpane: "taskpane.html" } },
  },
});
