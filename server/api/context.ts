import { getKaiwa } from "../boot";
import type { Database } from "../db/client";
import { findDemoWorkspace, type SeedResult } from "../db/seed";
import type { Context } from "./trpc";

// The demo workspace and its owner never change once seeded: looked up once per database, not on
// every call (on PGlite each lookup waits its turn with the runtime's statements).
const demoWorkspaces = new WeakMap<Database, Promise<SeedResult | null>>();

// Until accounts exist every request acts as the demo workspace's owner.
export async function createContext(): Promise<Context> {
  const { database, queue } = await getKaiwa();
  const demo = await demoWorkspace(database);
  return { database, queue, workspaceId: demo?.workspaceId ?? null, userId: demo?.ownerId ?? null };
}

async function demoWorkspace(database: Database): Promise<SeedResult | null> {
  let found = demoWorkspaces.get(database);
  if (!found) demoWorkspaces.set(database, (found = findDemoWorkspace(database)));
  // Not found, or the lookup failed (its error goes to the caller), is asked again next time.
  const demo = await found.catch((error: unknown) => {
    demoWorkspaces.delete(database);
    throw error;
  });
  if (!demo) demoWorkspaces.delete(database);
  return demo;
}
