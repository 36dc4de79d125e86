import type { ChannelType } from "../channel-type";
import type { ChannelRenderer } from "./channel-renderer";
import { renderInstagram } from "./instagram";
import { renderLine } from "./line";
import { renderMessenger } from "./messenger";
import { renderSms } from "./sms";
import { renderTelegram } from "./telegram";
import { renderViber } from "./viber";
import { renderWebchat } from "./webchat";
import { renderWechat } from "./wechat";
import { renderWhatsapp } from "./whatsapp";

// A new ChannelType fails tsc here until it has a renderer.
export const channelRenderers = {
  whatsapp: renderWhatsapp,
  messenger: renderMessenger,
  instagram: renderInstagram,
  telegram: renderTelegram,
  line: renderLine,
  viber: renderViber,
  wechat: renderWechat,
  sms: renderSms,
  webchat: renderWebchat,
} satisfies Record<ChannelType, ChannelRenderer>;
