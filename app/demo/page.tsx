import type { Metadata } from "next";
import Link from "next/link";
import { DEMO_WEBCHAT_KEY } from "@/server/channels/webchat/demo-webchat-key";
import { EmbedWidget } from "./embed-widget";

export const metadata: Metadata = { title: "Sakura Coffee Roasters · Kaiwa web chat demo" };

const beans = [
  { name: "Yoshino Morning", notes: "Cherry blossom honey, milk chocolate, soft citrus", origin: "Ethiopia · Guji", price: "¥1,800 / 200 g" },
  { name: "Kyoto Dusk", notes: "Dark cocoa, roasted hazelnut, brown sugar", origin: "Brazil · Cerrado", price: "¥1,600 / 200 g" },
  { name: "Hanami Decaf", notes: "Red apple, caramel, gentle and round", origin: "Colombia · Huila", price: "¥1,700 / 200 g" },
];

// A small business's landing page with Kaiwa's web chat on it, as a new user's first conversation:
// the widget talks to the demo workspace's published flow with no outside account.
export default function DemoPage() {
  return (
    <div className="min-h-screen bg-[#fdf8f4] text-stone-800">
      <div className="border-b border-rose-200 bg-rose-50 px-6 py-3 text-sm text-rose-900" data-testid="demo-note">
        This page embeds Kaiwa&apos;s web chat: talk to the published <strong>Onboarding survey</strong> flow with the chat
        button in the corner. Replies come from the flow published in the demo workspace; edit and publish it in{" "}
        <Link href="/flows" className="font-medium underline">Flows</Link> to change what it says.
      </div>

      <header className="mx-auto flex max-w-5xl items-center justify-between px-6 py-6">
        <div className="flex items-center gap-3">
          <span aria-hidden className="flex h-10 w-10 items-center justify-center rounded-full bg-rose-700 text-lg font-bold text-white">S</span>
          <span className="text-xl font-semibold tracking-tight">Sakura Coffee Roasters</span>
        </div>
        <nav aria-label="Shop" className="hidden gap-6 text-sm text-stone-600 sm:flex">
          <span>Beans</span>
          <span>Subscriptions</span>
          <span>Café</span>
          <span>About</span>
        </nav>
      </header>

      <section className="mx-auto grid max-w-5xl gap-10 px-6 py-12 md:grid-cols-2 md:items-center">
        <div>
          <h1 className="text-4xl font-bold leading-tight tracking-tight text-stone-900">Small-batch coffee, roasted every Tuesday in Kyoto.</h1>
          <p className="mt-4 text-lg text-stone-600">
            Single-origin beans from farms we know by name, roasted light to medium and shipped within 48 hours. Questions about
            grind size, subscriptions or wholesale? Ask us in the chat.
          </p>
          <div className="mt-6 flex gap-3">
            <span className="rounded-full bg-rose-700 px-5 py-2.5 text-sm font-semibold text-white">Shop beans</span>
            <span className="rounded-full border border-stone-300 px-5 py-2.5 text-sm font-semibold">Start a subscription</span>
          </div>
        </div>
        <div aria-hidden className="h-64 rounded-3xl bg-gradient-to-br from-rose-200 via-amber-100 to-stone-200 shadow-inner" />
      </section>

      <section className="mx-auto max-w-5xl px-6 pb-16">
        <h2 className="text-2xl font-semibold text-stone-900">This week&apos;s roasts</h2>
        <ul className="mt-6 grid gap-6 md:grid-cols-3">
          {beans.map((bean) => (
            <li key={bean.name} className="rounded-2xl border border-stone-200 bg-white p-5 shadow-sm">
              <div className="text-xs uppercase tracking-wide text-rose-700">{bean.origin}</div>
              <div className="mt-1 text-lg font-semibold">{bean.name}</div>
              <p className="mt-2 text-sm text-stone-600">{bean.notes}</p>
              <div className="mt-4 text-sm font-medium">{bean.price}</div>
            </li>
          ))}
        </ul>
      </section>

      <section className="mx-auto max-w-5xl px-6 pb-24">
        <h2 className="text-lg font-semibold text-stone-900">Add this chat to your own site</h2>
        <p className="mt-1 text-sm text-stone-600">One tag with the channel&apos;s public key (Channels → Website chat):</p>
        <pre className="mt-3 overflow-x-auto rounded-lg bg-stone-900 p-4 text-sm text-stone-100">
          {`<script src="<your Kaiwa address>/kaiwa-widget.js" data-kaiwa-key="${DEMO_WEBCHAT_KEY}" async></script>`}
        </pre>
      </section>

      <EmbedWidget publicKey={DEMO_WEBCHAT_KEY} title="Sakura Coffee Roasters" color="#be123c" />
    </div>
  );
}
