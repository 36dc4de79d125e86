import { FlowsPage } from "@/components/flows/flows-page";

export default function Page() {
  return <FlowsPage />;
}
