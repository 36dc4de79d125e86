"use client";

import { useViewedVersion, useViewVersion } from "./version-view";

// Shown above the canvas while a published version is open read-only.
export function ViewingBanner() {
  const viewed = useViewedVersion();
  const view = useViewVersion();
  if (!viewed) return null;
  return (
    <div data-testid="viewing-banner" role="status" className="flex items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <span>
        Viewing <strong>v{viewed.version}</strong> (read-only)
      </span>
      <button
        type="button"
        data-testid="back-to-draft"
        className="ml-auto rounded border border-amber-400 bg-white px-3 py-0.5 text-sm hover:bg-amber-100"
        onClick={() => void view(null)}
      >
        Back to draft
      </button>
    </div>
  );
}
