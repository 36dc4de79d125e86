// Shared looks of the Settings page's forms, matching the Channels forms.
export const inputClass =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:ring-inset disabled:bg-slate-50";
export const smallInputClass =
  "w-20 rounded-md border-0 px-2 py-1 text-center font-mono text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:ring-inset";
export const cardClass = "rounded-lg border border-slate-200 bg-white shadow-sm";
export const errorClass = "rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200";
