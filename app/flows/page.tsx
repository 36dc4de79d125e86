import { FlowList } from "@/components/flows/flow-list";

export default function FlowsPage() {
  return (
    <section className="mx-auto max-w-5xl p-8">
      <h1 className="mb-6 text-2xl font-semibold">Flows</h1>
      <FlowList />
    </section>
  );
}
