import type { ContactProfile } from "@/server/contacts/contact-profile";

const time = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hour12: false });
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

// Per channel: who the contact is there, whether they opted out, and whether a free-form message can go out.
export function ContactIdentities({ identities, now }: { identities: ContactProfile["identities"]; now: Date }) {
  if (identities.length === 0) return <p className="text-sm text-slate-500">Not reachable on any channel yet (added by hand or imported).</p>;
  return (
    <ul className="divide-y divide-slate-100">
      {identities.map((identity) => (
        <li key={identity.id} data-testid="identity-row" data-channel-type={identity.channelType} className="py-2 text-sm">
          <div className="flex items-baseline justify-between gap-2">
            <span className="font-medium text-slate-900">{identity.channelName} <span className="text-xs font-normal text-slate-500">({identity.channelType})</span></span>
            <span className="font-mono text-xs text-slate-500">{identity.externalId}</span>
          </div>
          {identity.profileName && <div className="text-slate-600">Profile name: {identity.profileName}</div>}
          <div className="mt-1 flex flex-wrap gap-2 text-xs">
            <span data-testid="identity-opt-in" className={`rounded px-1.5 py-0.5 ${identity.optIn.state === "opted_out" ? "bg-rose-50 text-rose-700" : identity.optIn.state === "opted_in" ? "bg-emerald-50 text-emerald-700" : "bg-slate-100 text-slate-600"}`}>
              {identity.optIn.state === "opted_out" ? `Opted out ${dateTime.format(new Date(identity.optIn.since))}` : identity.optIn.state === "opted_in" ? "Opted in" : "Opt-in unknown"}
            </span>
            <span data-testid="identity-window" className={`rounded px-1.5 py-0.5 ${identity.window.state === "closed" ? "bg-amber-50 text-amber-800" : "bg-slate-100 text-slate-600"}`}>
              {windowLabel(identity.window, now)}
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

function windowLabel(window: ContactProfile["identities"][number]["window"], now: Date): string {
  if (window.state === "none") return "No messaging window on this channel";
  if (window.state === "open") {
    const until = new Date(window.until);
    const sameDay = until.toDateString() === now.toDateString();
    return `Window open until ${sameDay ? time.format(until) : dateTime.format(until)}`;
  }
  return `Window closed: only templates (${window.hours} h after the contact's last message)`;
}
