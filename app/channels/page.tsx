import { ComingLater } from "@/components/ui/coming-later";

export default function ChannelsPage() {
  return <ComingLater title="Channels" what="Connecting WhatsApp, Messenger, Instagram, Telegram, LINE, Viber, WeChat, SMS and web chat" />;
}
