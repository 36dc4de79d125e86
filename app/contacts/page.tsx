import { ComingLater } from "@/components/ui/coming-later";

export default function ContactsPage() {
  return <ComingLater title="Contacts" what="Contact profiles, tags, fields, segments and CSV import" />;
}
