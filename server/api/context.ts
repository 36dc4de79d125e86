import { getKaiwa } from "../boot";
import type { Database } from "../db/client";
import { findDemoWorkspace, type SeedResult } from "../db/seed";
import type { Context } from "./trpc";

// The demo workspace and its owner never change once seeded: looked up until found, then kept per
// database (on PGlite each lookup waits its turn with the runtime's statements).
const demoWorkspaces = new WeakMap<Database, SeedResult>();

// Until accounts exist every request acts as the demo workspace's owner.
export async function createContext(): Promise<Context> {
  const { database, queue } = await getKaiwa();
  const demo = demoWorkspaces.get(database) ?? (await findDemoWorkspace(database));
  if (demo) demoWorkspaces.set(database, demo);
  return { database, queue, workspaceId: demo?.workspaceId ?? null, userId: demo?.ownerId ?? null };
}
