"use client";

import { BusinessHoursSection } from "./business-hours-section";
import { useWorkspaceSettings } from "./use-settings";
import { WorkspaceSection } from "./workspace-section";

export function SettingsPage() {
  const settings = useWorkspaceSettings();
  return (
    <section className="mx-auto max-w-6xl space-y-8 px-8 py-8" data-testid="settings-page">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Settings</h1>
        <p className="mt-1 text-sm text-slate-600">Your workspace, and the hours your flows treat as open.</p>
      </header>
      {settings.isPending && <p className="text-sm text-slate-500">Loading settings…</p>}
      {settings.isError && (
        <p role="alert" className="text-sm text-rose-700">
          Could not load the settings: {settings.error.message}
        </p>
      )}
      {settings.data && (
        <>
          <WorkspaceSection settings={settings.data} />
          <BusinessHoursSection settings={settings.data} />
        </>
      )}
    </section>
  );
}
