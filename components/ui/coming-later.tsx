export function ComingLater({ title, what }: { title: string; what: string }) {
  return (
    <section className="mx-auto max-w-3xl p-8">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {what} — coming in a later release.
      </p>
    </section>
  );
}
