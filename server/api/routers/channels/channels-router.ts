import { createTRPCRouter, workspaceProcedure } from "../../trpc";
import { channelEvents, channelEventsInput } from "./channel-events";
import { channelIdInput, createChannelInput, updateChannelInput } from "./channel-inputs";
import { listChannelTypes } from "./channel-types";
import { createChannel } from "./create-channel";
import { getChannel } from "./get-channel";
import { listChannels } from "./list-channels";
import { deleteChannel, disableChannel, enableChannel } from "./manage-channel";
import { setOutsideWindow, setOutsideWindowInput } from "./set-outside-window";
import { updateChannel } from "./update-channel";

export const channelsRouter = createTRPCRouter({
  list: workspaceProcedure.query(listChannels),
  types: workspaceProcedure.query(listChannelTypes),
  get: workspaceProcedure.input(channelIdInput).query(getChannel),
  create: workspaceProcedure.input(createChannelInput).mutation(createChannel),
  update: workspaceProcedure.input(updateChannelInput).mutation(updateChannel),
  setOutsideWindow: workspaceProcedure.input(setOutsideWindowInput).mutation(setOutsideWindow),
  disable: workspaceProcedure.input(channelIdInput).mutation(disableChannel),
  enable: workspaceProcedure.input(channelIdInput).mutation(enableChannel),
  delete: workspaceProcedure.input(channelIdInput).mutation(deleteChannel),
  events: workspaceProcedure.input(channelEventsInput).query(channelEvents),
});
