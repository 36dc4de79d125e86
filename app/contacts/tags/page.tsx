import { TagsPage } from "@/components/contacts/tags-page";

export default function Page() {
  return <TagsPage />;
}
