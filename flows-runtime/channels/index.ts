export { channelTypes, channelTypeSchema, type ChannelType } from "./channel-type";
export {
  outboundChoiceSchema,
  outboundMediaSchema,
  outboundMessageSchema,
  type OutboundChoice,
  type OutboundMedia,
  type OutboundMessage,
} from "./outbound-message";
export { channelCapabilities, channelCapabilitiesSchema, type ChannelCapabilities, type Limit } from "./channel-capabilities";
export { render, type Degradation, type RenderedMessage, type RenderedPart } from "./render";
export { countSmsSegments } from "./count-sms-segments";
export { truncateLabel } from "./truncate-label";
export { splitText } from "./split-text";
export { measureText, countUnitSchema, type CountUnit } from "./measure-text";
export { choiceToken } from "./choice-token";
export { resolveChoiceReply } from "./resolve-choice-reply";
export { telegramMethodFor } from "./renderers/telegram";
