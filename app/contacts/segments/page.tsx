import { SegmentsPage } from "@/components/contacts/segments-page";

export default function Page() {
  return <SegmentsPage />;
}
