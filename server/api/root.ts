import { channelsRouter } from "./routers/channels/channels-router";
import { contactsRouter } from "./routers/contacts/contacts-router";
import { fieldsRouter } from "./routers/fields/fields-router";
import { segmentsRouter } from "./routers/segments/segments-router";
import { tagsRouter } from "./routers/tags/tags-router";
import { entryPointsRouter } from "./routers/entry-points/entry-points-router";
import { flowsRouter } from "./routers/flows/flows-router";
import { importsRouter } from "./routers/imports/imports-router";
import { settingsRouter } from "./routers/settings/settings-router";
import { simulatorRouter } from "./routers/simulator/simulator-router";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  flows: flowsRouter,
  imports: importsRouter,
  entryPoints: entryPointsRouter,
  channels: channelsRouter,
  contacts: contactsRouter,
  tags: tagsRouter,
  fields: fieldsRouter,
  segments: segmentsRouter,
  settings: settingsRouter,
  simulator: simulatorRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
