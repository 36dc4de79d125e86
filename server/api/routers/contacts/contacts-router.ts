import { z } from "zod";
import { bulkTag, bulkTagInput } from "@/server/contacts/bulk-tag";
import { contactFilterSchema } from "@/server/contacts/contact-filter";
import { getContactProfile } from "@/server/contacts/contact-profile";
import { contactTimeline, contactTimelineInput } from "@/server/contacts/contact-timeline";
import { createContact, createContactInput } from "@/server/contacts/create-contact";
import {
  addContactTag,
  contactTagInput,
  removeContactTag,
  renameContact,
  renameContactInput,
  setContactField,
  setContactFieldInput,
} from "@/server/contacts/edit-contact";
import { countContacts, listContacts, listContactsInput } from "@/server/contacts/list-contacts";
import { createTRPCRouter, workspaceProcedure } from "../../trpc";

const contactIdInput = z.object({ id: z.string().uuid() });

export const contactsRouter = createTRPCRouter({
  list: workspaceProcedure.input(listContactsInput).query(({ ctx, input }) => listContacts(ctx.database.db, ctx.workspaceId, input)),
  count: workspaceProcedure
    .input(z.object({ filter: contactFilterSchema }))
    .query(({ ctx, input }) => countContacts(ctx.database.db, ctx.workspaceId, input.filter)),
  get: workspaceProcedure.input(contactIdInput).query(({ ctx, input }) => getContactProfile(ctx.database.db, ctx.workspaceId, input.id, new Date())),
  timeline: workspaceProcedure.input(contactTimelineInput).query(({ ctx, input }) => contactTimeline(ctx.database.db, ctx.workspaceId, input)),
  create: workspaceProcedure.input(createContactInput).mutation(({ ctx, input }) => createContact(ctx.database.db, ctx.workspaceId, input)),
  rename: workspaceProcedure.input(renameContactInput).mutation(({ ctx, input }) => renameContact(ctx.database.db, ctx.workspaceId, input)),
  setField: workspaceProcedure.input(setContactFieldInput).mutation(({ ctx, input }) => setContactField(ctx.database.db, ctx.workspaceId, input)),
  addTag: workspaceProcedure.input(contactTagInput).mutation(({ ctx, input }) => addContactTag(ctx.database.db, ctx.workspaceId, input)),
  removeTag: workspaceProcedure.input(contactTagInput).mutation(({ ctx, input }) => removeContactTag(ctx.database.db, ctx.workspaceId, input)),
  bulkTag: workspaceProcedure.input(bulkTagInput).mutation(({ ctx, input }) => bulkTag(ctx.database, ctx.workspaceId, input)),
});
