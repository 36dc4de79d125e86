import { randomBytes } from "node:crypto";
import postgres from "postgres";

// An empty PostgreSQL database on the server of adminUrl, for one app under test (the app migrates it
// at start-up), dropped afterwards. Same approach as server/testing/test-database.ts.
export async function freshPostgresDatabase(adminUrl: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `kaiwa_browser_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      try {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
