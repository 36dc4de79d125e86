import { channelTypes, type ChannelType } from "@/flows-runtime";

const channelNames: Record<ChannelType, string> = {
  whatsapp: "WhatsApp",
  messenger: "Messenger",
  instagram: "Instagram",
  telegram: "Telegram",
  line: "LINE",
  viber: "Viber",
  wechat: "WeChat",
  sms: "SMS",
  webchat: "Web chat",
};

const SHOWN = 3;

// The channels a flow runs on, short: "All channels", or the first few and "+N".
export function FlowChannels({ channels }: { channels: string[] }) {
  if (channels.length === 0) return <span className="text-slate-400">None</span>;
  const names = channels.map((channel) => channelNames[channel as ChannelType] ?? channel);
  if (channelTypes.every((channel) => channels.includes(channel))) {
    return (
      <span className="text-slate-700" title={names.join(", ")}>
        All channels
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-1" title={names.join(", ")}>
      {names.slice(0, SHOWN).map((name) => (
        <span key={name} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
          {name}
        </span>
      ))}
      {names.length > SHOWN && <span className="px-1 py-0.5 text-xs text-slate-500">+{names.length - SHOWN}</span>}
    </span>
  );
}
