// Builds the UI into ui/dist, which the Tauri shell embeds; nothing is loaded
// from the network at run time (fonts are bundled from @fontsource).
import { defineConfig } from "vitest/config";
import preact from "@preact/preset-vite";

export default defineConfig({
  plugins: [preact()],
  clearScreen: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2021",
    // Fonts stay separate files (CSP allows only 'self', not data: fonts).
    assetsInlineLimit: 0,
  },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
  },
});
