import { env } from "./server/env.js";

// Fail `next dev` / `next build` / `next start` at once on a bad environment.
env();

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module; pg-boss and postgres open sockets.
  // Bundling any of them breaks that, so they stay plain Node requires.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "postgres", "pg"],
  poweredByHeader: false,
};

export default nextConfig;
