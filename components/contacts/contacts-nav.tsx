import Link from "next/link";

const tabs = [
  { href: "/contacts", label: "Contacts", key: "contacts" },
  { href: "/contacts/segments", label: "Segments", key: "segments" },
  { href: "/contacts/tags", label: "Tags", key: "tags" },
  { href: "/contacts/fields", label: "Fields", key: "fields" },
  { href: "/contacts/import", label: "Import", key: "import" },
] as const;

export function ContactsNav({ current }: { current: (typeof tabs)[number]["key"] }) {
  return (
    <nav aria-label="Contacts sections" className="mb-6 flex gap-1 border-b border-slate-200">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          data-testid={`contacts-tab-${tab.key}`}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab.key === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
