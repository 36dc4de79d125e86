import { ContactsPage } from "@/components/contacts/contacts-page";

export default async function Page({ searchParams }: { searchParams: Promise<{ segment?: string }> }) {
  const { segment } = await searchParams;
  return <ContactsPage initialSegmentId={segment} />;
}
