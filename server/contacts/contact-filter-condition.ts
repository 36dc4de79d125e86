import { and, eq } from "drizzle-orm";
import type { SQL } from "drizzle-orm";
import { segments } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { contactFilterSchema, contactFilterSql, type ContactFilterInput } from "./contact-filter";

// contactFilterSql() for any filter, loading the segment it names (only from this workspace).
export async function contactFilterCondition(db: Db, workspaceId: string, filter: ContactFilterInput): Promise<SQL> {
  const parsed = contactFilterSchema.parse(filter);
  if (!parsed.segmentId) return contactFilterSql(parsed, workspaceId);
  const [segment] = await db
    .select({ filter: segments.filter })
    .from(segments)
    .where(and(eq(segments.id, parsed.segmentId), eq(segments.workspaceId, workspaceId)));
  return contactFilterSql(parsed, workspaceId, { segment: segment ? (segment.filter as ContactFilterInput) : null });
}
