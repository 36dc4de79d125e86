"use client";

import { useState } from "react";

type Uploaded = { importId: string; headers: string[]; total: number };

// Sends the file's raw bytes to POST /api/imports; a malformed file is refused there with the reason.
export function UploadStep({ onUploaded }: { onUploaded: (uploaded: Uploaded) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(file: File) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/imports?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "content-type": "text/csv" },
        body: file,
      });
      const body = (await response.json()) as Uploaded & { error?: string };
      if (!response.ok) setError(body.error ?? `Upload failed (${response.status}).`);
      else onUploaded(body);
    } catch (cause) {
      setError(`Upload failed: ${(cause as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <p className="mb-3 text-sm text-slate-600">
        A CSV file in UTF-8 (Excel: “CSV UTF-8”) with a header row. Contacts are matched by phone or email: existing ones are updated, not duplicated.
      </p>
      <label className="inline-flex cursor-pointer items-center gap-2 rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-indigo-500">
        {busy ? "Checking the file…" : "Choose a CSV file"}
        <input
          type="file"
          accept=".csv,.tsv,.txt,text/csv"
          className="sr-only"
          data-testid="import-file-input"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
            event.target.value = "";
          }}
        />
      </label>
      {error && (
        <p role="alert" data-testid="import-upload-error" className="mt-4 rounded-md bg-rose-50 px-3 py-2 text-left text-sm text-rose-800">
          {error}
        </p>
      )}
    </div>
  );
}
