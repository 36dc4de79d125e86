import { and, eq } from "drizzle-orm";
import { tags } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { notFound } from "../domain-errors";

export async function loadTag(db: Db, workspaceId: string, tagId: string) {
  const [tag] = await db.select().from(tags).where(and(eq(tags.id, tagId), eq(tags.workspaceId, workspaceId)));
  if (!tag) throw notFound("That tag");
  return tag;
}
