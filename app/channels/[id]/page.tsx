import { ChannelDetails } from "@/components/channels/channel-details";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ChannelDetails channelId={id} />;
}
