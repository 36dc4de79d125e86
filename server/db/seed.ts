import { and, eq } from "drizzle-orm";
import { fieldDefinitions, memberships, tags, users, workspaces } from "@/drizzle/schema";
import type { Database, Db } from "./client";
import { seedDemoChannel } from "./seed-demo-channel";
import { seedExampleFlows } from "./seed-example-flows";

export const DEMO_WORKSPACE_SLUG = "demo";
export const DEMO_OWNER_EMAIL = "owner@demo.kaiwa.local";

const demoFields = [
  { key: "company", label: "Company", type: "text" },
  { key: "company_size", label: "Company size", type: "number" },
  // The lead-capture and onboarding templates' choices, so their answers are options of the fields.
  { key: "budget", label: "Budget", type: "single_choice", options: ["Under $1,000", "$1,000 - $5,000", "Over $5,000"] },
  { key: "interest", label: "Interest", type: "single_choice", options: ["Pricing and plans", "Help with my account", "Just looking around"] },
  { key: "birthday", label: "Birthday", type: "date" },
] as const;

const demoTags = [
  { name: "new-lead", color: "emerald" },
  { name: "vip", color: "amber" },
  { name: "pricing-interest", color: "sky" },
  { name: "support", color: "rose" },
] as const;

export type SeedResult = { workspaceId: string; ownerId: string };

// Safe to run on every start: each row is inserted only when missing, and existing rows (which the
// user may have edited) are left alone.
export async function seedDemoWorkspace(database: Database): Promise<SeedResult> {
  const { db } = database;
  return db.transaction(async (tx) => {
    const created = await tx
      .insert(workspaces)
      .values({ slug: DEMO_WORKSPACE_SLUG, name: "Demo workspace", timeZone: "Asia/Tokyo" })
      .onConflictDoNothing({ target: workspaces.slug })
      .returning({ id: workspaces.id });
    const [workspace] = await tx.select().from(workspaces).where(eq(workspaces.slug, DEMO_WORKSPACE_SLUG));

    await tx.insert(users).values({ email: DEMO_OWNER_EMAIL, name: "Demo owner" }).onConflictDoNothing({ target: users.email });
    const [owner] = await tx.select().from(users).where(eq(users.email, DEMO_OWNER_EMAIL));
    if (!workspace || !owner) throw new Error("demo seed: workspace or owner missing after insert");

    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: owner.id, role: "owner" }).onConflictDoNothing();

    for (const field of demoFields) {
      await tx
        .insert(fieldDefinitions)
        .values({ workspaceId: workspace.id, key: field.key, label: field.label, type: field.type, options: "options" in field ? [...field.options] : [] })
        .onConflictDoNothing({ target: [fieldDefinitions.workspaceId, fieldDefinitions.key] });
    }
    for (const tag of demoTags) {
      await tx
        .insert(tags)
        .values({ workspaceId: workspace.id, name: tag.name, color: tag.color })
        .onConflictDoNothing({ target: [tags.workspaceId, tags.name] });
    }
    if (created.length > 0) {
      await seedExampleFlows(tx as unknown as Db, workspace.id, owner.id);
      await seedDemoChannel(tx as unknown as Db, workspace.id);
    }
    return { workspaceId: workspace.id, ownerId: owner.id };
  });
}

export async function findDemoWorkspace(database: Database): Promise<SeedResult | null> {
  const rows = await database.db
    .select({ workspaceId: workspaces.id, ownerId: users.id })
    .from(workspaces)
    .innerJoin(memberships, and(eq(memberships.workspaceId, workspaces.id), eq(memberships.role, "owner")))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(workspaces.slug, DEMO_WORKSPACE_SLUG))
    .limit(1);
  return rows[0] ?? null;
}
