import { ChannelsPage } from "@/components/channels/channels-page";

export default function Page() {
  return <ChannelsPage />;
}
