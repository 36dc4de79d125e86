import type { ChannelType } from "@/flows-runtime";
import type { ChannelAdapter } from "./channel-adapter";
import { instagramAdapter } from "./instagram/instagram-adapter";
import { lineAdapter } from "./line/line-adapter";
import { messengerAdapter } from "./messenger/messenger-adapter";
import { smsAdapter } from "./sms/sms-adapter";
import { telegramAdapter } from "./telegram/telegram-adapter";
import { viberAdapter } from "./viber/viber-adapter";
import { webchatAdapter } from "./webchat/webchat-adapter";
import { wechatAdapter } from "./wechat/wechat-adapter";
import { whatsappAdapter } from "./whatsapp/whatsapp-adapter";

// Every channel's adapter, keyed by type: the webhook route, the sender and the Channels page look
// adapters up here and nowhere else. A new ChannelType fails `tsc` until it has an adapter.
export const channelAdapters = {
  whatsapp: whatsappAdapter,
  messenger: messengerAdapter,
  instagram: instagramAdapter,
  telegram: telegramAdapter,
  line: lineAdapter,
  viber: viberAdapter,
  wechat: wechatAdapter,
  sms: smsAdapter,
  webchat: webchatAdapter,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
} satisfies Record<ChannelType, ChannelAdapter<any>>;

export function adapterFor(type: ChannelType): ChannelAdapter<unknown> | undefined {
  return channelAdapters[type] as ChannelAdapter<unknown> | undefined;
}
