import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: { "@": fileURLToPath(new URL("./", import.meta.url)) },
  },
  test: {
    include: ["**/*.test.ts", "**/*.test.tsx"],
    exclude: ["node_modules/**", ".next/**", ".data/**"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Database tests each open their own PGlite or PostgreSQL database; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
