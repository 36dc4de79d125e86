import type { AdapterChannel } from "../channel-adapter";

// api.weixin.qq.com unless the channel points at a fake or a proxy (regional hosts: api2, sh.api...).
export function wechatApiBase(channel: AdapterChannel<unknown>): string {
  return (channel.apiBaseUrl ?? "https://api.weixin.qq.com").replace(/\/+$/, "");
}
