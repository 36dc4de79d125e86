import { and, eq } from "drizzle-orm";
import { contacts } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { notFound } from "../domain-errors";

// A listed contact of this workspace: another workspace's, or a simulator test contact, is "not found".
export async function loadContact(db: Db, workspaceId: string, contactId: string) {
  const [contact] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.workspaceId, workspaceId), eq(contacts.isTest, false)));
  if (!contact) throw notFound("That contact");
  return contact;
}
