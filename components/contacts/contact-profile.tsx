"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ContactIdentities } from "./contact-identities";
import { ContactTagsEditor } from "./contact-tags-editor";
import { ContactTimeline } from "./contact-timeline";
import { FieldEditor } from "./field-editor";

const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function ContactProfilePage({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const profile = useQuery(trpc.contacts.get.queryOptions({ id: contactId }));
  if (profile.isPending) return <p className="p-8 text-sm text-slate-500">Loading contact…</p>;
  if (profile.error) {
    return (
      <section className="mx-auto max-w-3xl p-8">
        <p role="alert" className="rounded-md bg-rose-50 p-4 text-sm text-rose-700">{profile.error.message}</p>
        <Link href="/contacts" className="mt-4 inline-block text-sm text-indigo-700 hover:underline">← All contacts</Link>
      </section>
    );
  }
  const contact = profile.data;
  const now = new Date();
  return (
    <section data-testid="contact-profile" className="mx-auto max-w-6xl px-8 py-8">
      <Link href="/contacts" className="text-sm text-indigo-700 hover:underline">← All contacts</Link>
      <header className="mb-6 mt-2">
        <h1 data-testid="profile-name" className="text-2xl font-semibold tracking-tight text-slate-900">{contact.name}</h1>
        <p className="text-sm text-slate-500">Added {dateTime.format(new Date(contact.createdAt))} · last activity {dateTime.format(new Date(contact.lastActivityAt))}</p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <Card title="Channels">
            <ContactIdentities identities={contact.identities} now={now} />
          </Card>
          <Card title="Tags">
            <ContactTagsEditor contactId={contact.id} tags={contact.tags} />
          </Card>
          <Card title="Fields">
            <div className="divide-y divide-slate-100">
              {contact.fields.map((field) => (
                <FieldEditor key={`${field.key}:${JSON.stringify(field.value)}`} contactId={contact.id} field={field} />
              ))}
            </div>
            {contact.otherFields.length > 0 && (
              <dl className="mt-3 border-t border-slate-100 pt-3 text-sm">
                {contact.otherFields.map((field) => (
                  <div key={field.key} className="grid grid-cols-[10rem_1fr] gap-3 py-1">
                    <dt className="font-mono text-xs text-slate-500">{field.key}</dt>
                    <dd className="text-slate-700">{JSON.stringify(field.value)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </Card>
          <Card title="Flows">
            {contact.sessions.length === 0 ? (
              <p className="text-sm text-slate-500">Not in any flow.</p>
            ) : (
              <table className="w-full text-left text-sm">
                <thead className="text-xs uppercase text-slate-500">
                  <tr><th className="py-1">Flow</th><th>Version</th><th>Status</th><th>Waiting at</th><th>Started</th><th>Updated</th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {contact.sessions.map((session) => (
                    <tr key={session.id} data-testid="session-row">
                      <td className="py-1"><Link href={`/flows/${session.flowId}`} className="text-indigo-700 hover:underline">{session.flowName}</Link></td>
                      <td>{session.version === null ? "draft" : `v${session.version}`}</td>
                      <td>{session.status}</td>
                      <td className="font-mono text-xs">{session.status === "waiting" ? (session.nodeId ?? "") : ""}</td>
                      <td className="text-xs">{dateTime.format(new Date(session.startedAt))}</td>
                      <td className="text-xs">{dateTime.format(new Date(session.updatedAt))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Card>
        </div>
        <Card title="Conversation">
          <ContactTimeline contactId={contact.id} />
        </Card>
      </div>
    </section>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}
