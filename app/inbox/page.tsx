import { ComingLater } from "@/components/ui/coming-later";

export default function InboxPage() {
  return <ComingLater title="Inbox" what="The shared inbox for human handoff" />;
}
