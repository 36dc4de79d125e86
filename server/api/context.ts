import { getKaiwa } from "../boot";
import { findDemoWorkspace } from "../db/seed";
import type { Context } from "./trpc";

// Until accounts exist every request acts as the demo workspace's owner.
export async function createContext(): Promise<Context> {
  const { database, queue } = await getKaiwa();
  const demo = await findDemoWorkspace(database);
  return { database, queue, workspaceId: demo?.workspaceId ?? null, userId: demo?.ownerId ?? null };
}
