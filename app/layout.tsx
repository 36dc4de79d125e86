import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TrpcProvider } from "@/components/trpc/trpc-provider";
import { AppNav } from "@/components/ui/app-nav";
import "./globals.css";

export const metadata: Metadata = {
  title: "Kaiwa",
  description: "Visual chatbot and flow automation for business messaging",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TrpcProvider>
          <div className="flex min-h-screen">
            <aside className="w-56 shrink-0 border-r border-slate-200 bg-white p-4">
              <div className="mb-6 px-3 text-lg font-bold tracking-tight">Kaiwa</div>
              <AppNav />
            </aside>
            <main className="min-w-0 flex-1">{children}</main>
          </div>
        </TrpcProvider>
      </body>
    </html>
  );
}
