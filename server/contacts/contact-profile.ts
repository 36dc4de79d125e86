import { and, asc, desc, eq } from "drizzle-orm";
import { channels, contactIdentities, contactTags, fieldDefinitions, flows, flowVersions, sessions, tags } from "@/drizzle/schema";
import type { Db } from "../db/client";
import { contactDisplayName } from "./display-name";
import { BUILT_IN_FIELD_TYPES } from "./field-value";
import { loadContact } from "./load-contact";
import { messagingWindow, optInState } from "./messaging-window";

// Everything the profile page shows except the timeline (paged separately): identities with their opt-in
// and window state, tags, typed fields, and the flows the contact is in.
export async function getContactProfile(db: Db, workspaceId: string, contactId: string, now: Date) {
  const contact = await loadContact(db, workspaceId, contactId);
  const [identityRows, tagRows, definitionRows, sessionRows] = await Promise.all([
    db
      .select({
        id: contactIdentities.id,
        channelId: channels.id,
        channelType: channels.type,
        channelName: channels.name,
        externalId: contactIdentities.externalId,
        profileName: contactIdentities.profileName,
        lastInboundAt: contactIdentities.lastInboundAt,
        optedIn: contactIdentities.optedIn,
        optedOutAt: contactIdentities.optedOutAt,
        createdAt: contactIdentities.createdAt,
      })
      .from(contactIdentities)
      .innerJoin(channels, eq(channels.id, contactIdentities.channelId))
      .where(and(eq(contactIdentities.contactId, contact.id), eq(contactIdentities.workspaceId, workspaceId)))
      .orderBy(asc(contactIdentities.createdAt)),
    db
      .select({ id: tags.id, name: tags.name, color: tags.color })
      .from(contactTags)
      .innerJoin(tags, eq(tags.id, contactTags.tagId))
      .where(and(eq(contactTags.contactId, contact.id), eq(contactTags.workspaceId, workspaceId)))
      .orderBy(asc(tags.name)),
    db.select().from(fieldDefinitions).where(eq(fieldDefinitions.workspaceId, workspaceId)).orderBy(asc(fieldDefinitions.label)),
    db
      .select({
        id: sessions.id,
        flowId: sessions.flowId,
        flowName: flows.name,
        version: flowVersions.version,
        status: sessions.status,
        nodeId: sessions.nodeId,
        startedAt: sessions.createdAt,
        updatedAt: sessions.updatedAt,
      })
      .from(sessions)
      .innerJoin(flows, eq(flows.id, sessions.flowId))
      .leftJoin(flowVersions, eq(flowVersions.id, sessions.flowVersionId))
      .where(and(eq(sessions.contactId, contact.id), eq(sessions.workspaceId, workspaceId)))
      .orderBy(desc(sessions.updatedAt))
      .limit(50),
  ]);
  const values = (contact.fields ?? {}) as Record<string, unknown>;
  const builtIn = Object.entries(BUILT_IN_FIELD_TYPES).map(([key, type]) => ({
    key,
    label: key.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
    type,
    options: [] as string[],
    builtIn: true,
    value: values[key] ?? null,
  }));
  const custom = definitionRows.map((definition) => ({
    key: definition.key,
    label: definition.label,
    type: definition.type,
    options: (definition.options ?? []) as string[],
    builtIn: false,
    value: values[definition.key] ?? null,
  }));
  const known = new Set([...builtIn, ...custom].map((field) => field.key));
  return {
    id: contact.id,
    name: contactDisplayName(contact.displayName, values),
    displayName: contact.displayName,
    createdAt: contact.createdAt.toISOString(),
    lastActivityAt: contact.lastActivityAt.toISOString(),
    identities: identityRows.map((identity) => ({
      id: identity.id,
      channelId: identity.channelId,
      channelType: identity.channelType,
      channelName: identity.channelName,
      externalId: identity.externalId,
      profileName: identity.profileName,
      lastInboundAt: identity.lastInboundAt?.toISOString() ?? null,
      optIn: optInState(identity.optedIn, identity.optedOutAt),
      window: messagingWindow(identity.channelType, identity.lastInboundAt, now),
    })),
    tags: tagRows,
    fields: [...builtIn, ...custom],
    // Values set by flows or imports for keys no definition describes (kept, shown read-only).
    otherFields: Object.entries(values).filter(([key]) => !known.has(key)).map(([key, value]) => ({ key, value })),
    sessions: sessionRows.map((session) => ({
      ...session,
      version: session.version ?? null,
      startedAt: session.startedAt.toISOString(),
      updatedAt: session.updatedAt.toISOString(),
    })),
  };
}
export type ContactProfile = Awaited<ReturnType<typeof getContactProfile>>;
