import { EntryPointsPage } from "@/components/entry-points/entry-points-page";

export default function Page() {
  return <EntryPointsPage />;
}
