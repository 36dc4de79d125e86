import { ContactProfilePage } from "@/components/contacts/contact-profile";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ContactProfilePage contactId={id} />;
}
