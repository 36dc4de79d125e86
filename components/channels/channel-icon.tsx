import type { ChannelType } from "@/flows-runtime";

// A brand-coloured badge per platform: recognisable at a glance without shipping logos.
const looks: Record<ChannelType, { glyph: string; className: string }> = {
  whatsapp: { glyph: "WA", className: "bg-emerald-500 text-white" },
  messenger: { glyph: "M", className: "bg-gradient-to-br from-sky-500 to-violet-500 text-white" },
  instagram: { glyph: "IG", className: "bg-gradient-to-br from-amber-400 via-pink-500 to-purple-600 text-white" },
  telegram: { glyph: "TG", className: "bg-sky-500 text-white" },
  line: { glyph: "LINE", className: "bg-green-500 text-white text-[0.55rem]" },
  viber: { glyph: "V", className: "bg-violet-600 text-white" },
  wechat: { glyph: "WC", className: "bg-green-600 text-white" },
  sms: { glyph: "SMS", className: "bg-rose-500 text-white text-[0.6rem]" },
  webchat: { glyph: "</>", className: "bg-slate-800 text-white" },
};

export function ChannelIcon({ type, size = "md" }: { type: ChannelType; size?: "md" | "lg" }) {
  const look = looks[type];
  return (
    <span
      aria-hidden
      className={`inline-flex shrink-0 items-center justify-center rounded-lg font-bold tracking-tight ${look.className} ${
        size === "lg" ? "size-11 text-sm" : "size-9 text-xs"
      }`}
    >
      {look.glyph}
    </span>
  );
}
