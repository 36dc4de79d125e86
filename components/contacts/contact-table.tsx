"use client";

import Link from "next/link";
import { formatLastEdit } from "@/components/flows/format-last-edit";
import type { ContactListRow } from "@/server/contacts/list-contacts";
import { TagChip } from "./tag-chip";

export function ContactTable({ contacts, loading, error }: { contacts: ContactListRow[]; loading: boolean; error: string | null }) {
  const now = new Date();
  if (error) return <p role="alert" className="mt-4 rounded-md bg-rose-50 p-3 text-sm text-rose-700">Contacts could not be loaded: {error}</p>;
  return (
    <div className="mt-3 overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table data-testid="contacts-table" className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-2 font-semibold">Name</th>
            <th className="px-4 py-2 font-semibold">Phone</th>
            <th className="px-4 py-2 font-semibold">Email</th>
            <th className="px-4 py-2 font-semibold">Tags</th>
            <th className="px-4 py-2 font-semibold">Channels</th>
            <th className="px-4 py-2 font-semibold">Last activity</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {contacts.map((contact) => {
            const activity = formatLastEdit(contact.lastActivityAt, now);
            return (
              <tr key={contact.id} data-testid="contact-row" data-contact-id={contact.id} className="hover:bg-slate-50">
                <td className="px-4 py-2">
                  <Link href={`/contacts/${contact.id}`} data-testid="contact-name" className="font-medium text-indigo-700 hover:underline">
                    {contact.name}
                  </Link>
                </td>
                <td className="px-4 py-2 tabular-nums text-slate-700">{contact.phone ?? ""}</td>
                <td className="px-4 py-2 text-slate-700">{contact.email ?? ""}</td>
                <td className="px-4 py-2">
                  <div className="flex flex-wrap gap-1">
                    {contact.tags.map((tag) => (
                      <TagChip key={tag.id} name={tag.name} color={tag.color} />
                    ))}
                  </div>
                </td>
                <td className="px-4 py-2 text-xs text-slate-600">{contact.channelTypes.join(", ")}</td>
                <td className="px-4 py-2 text-slate-600" title={activity.title}>{activity.label}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!loading && contacts.length === 0 && (
        <p data-testid="contacts-empty" className="p-6 text-center text-sm text-slate-500">No contacts match. Clear a filter or import a CSV.</p>
      )}
      {loading && <p className="p-6 text-center text-sm text-slate-500">Loading contacts…</p>}
    </div>
  );
}
