import { ComingLater } from "@/components/ui/coming-later";

export default function SettingsPage() {
  return <ComingLater title="Settings" what="Workspace settings and business hours" />;
}
