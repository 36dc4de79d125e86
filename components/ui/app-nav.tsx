"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const sections = [
  { href: "/flows", label: "Flows" },
  { href: "/contacts", label: "Contacts" },
  { href: "/channels", label: "Channels" },
  { href: "/entry-points", label: "Entry points" },
  { href: "/inbox", label: "Inbox" },
  { href: "/settings", label: "Settings" },
  { href: "/demo", label: "Demo chat" },
] as const;

export function AppNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {sections.map((section) => {
        const active = pathname === section.href || pathname.startsWith(`${section.href}/`);
        return (
          <Link
            key={section.href}
            href={section.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${
              active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"
            }`}
          >
            {section.label}
          </Link>
        );
      })}
    </nav>
  );
}
