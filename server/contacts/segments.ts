import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { segments } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { DomainError, notFound } from "../domain-errors";
import { contactFilterSchema, type ContactFilter } from "./contact-filter";
import { countContacts } from "./list-contacts";

// A segment's own filter cannot name another segment: one level keeps counts cheap and cycles impossible.
const segmentFilterSchema = contactFilterSchema.omit({ segmentId: true });

export const createSegmentInput = z.object({ name: z.string().trim().min(1).max(100), filter: segmentFilterSchema });
export const updateSegmentInput = z.object({ id: z.string().uuid(), name: z.string().trim().min(1).max(100).optional(), filter: segmentFilterSchema.optional() });

// Segments with their live count: counted now, from the contacts as they are now.
export async function listSegments(db: Db, workspaceId: string) {
  const rows = await db.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.name));
  return Promise.all(rows.map(async (row) => toSegment(row, await countContacts(db, workspaceId, storedFilter(row.filter)))));
}

export async function getSegment(db: Db, workspaceId: string, id: string) {
  const row = await loadSegment(db, workspaceId, id);
  return toSegment(row, await countContacts(db, workspaceId, storedFilter(row.filter)));
}

export async function createSegment(db: Db, workspaceId: string, rawInput: z.input<typeof createSegmentInput>) {
  const input = createSegmentInput.parse(rawInput);
  const [created] = await db.insert(segments).values({ workspaceId, name: input.name, filter: input.filter }).onConflictDoNothing().returning();
  if (!created) throw new DomainError("conflict", `A segment named "${input.name}" already exists.`);
  return getSegment(db, workspaceId, created.id);
}

export async function updateSegment(db: Db, workspaceId: string, rawInput: z.input<typeof updateSegmentInput>) {
  const input = updateSegmentInput.parse(rawInput);
  const segment = await loadSegment(db, workspaceId, input.id);
  if (input.name && input.name !== segment.name) {
    const [clash] = await db.select({ id: segments.id }).from(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.name, input.name)));
    if (clash) throw new DomainError("conflict", `A segment named "${input.name}" already exists.`);
  }
  await db
    .update(segments)
    .set({ ...(input.name ? { name: input.name } : {}), ...(input.filter ? { filter: input.filter } : {}), updatedAt: new Date() })
    .where(and(eq(segments.id, segment.id), eq(segments.workspaceId, workspaceId)));
  return getSegment(db, workspaceId, segment.id);
}

export async function deleteSegment(db: Db, workspaceId: string, id: string) {
  const segment = await loadSegment(db, workspaceId, id);
  await db.delete(segments).where(and(eq(segments.id, segment.id), eq(segments.workspaceId, workspaceId)));
  return { id: segment.id };
}

async function loadSegment(db: Db, workspaceId: string, id: string) {
  const [segment] = await db.select().from(segments).where(and(eq(segments.id, id), eq(segments.workspaceId, workspaceId)));
  if (!segment) throw notFound("That segment");
  return segment;
}

// Stored filters are parsed on the way out too: a filter saved by an older version gets today's defaults.
function storedFilter(value: unknown): ContactFilter {
  const parsed = segmentFilterSchema.safeParse(value);
  return parsed.success ? parsed.data : { tagMode: "any" };
}

function toSegment(row: typeof segments.$inferSelect, count: number) {
  return {
    id: row.id,
    name: row.name,
    filter: storedFilter(row.filter),
    count,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
