"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { primaryButton } from "@/components/flows/buttons";
import { errorClass, inputClass } from "@/components/settings/settings-styles";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { ChannelDetail } from "./use-channels";

type Policy = ChannelDetail["outsideWindow"];
type Mode = Policy["mode"];

const modeLabels: Record<Mode, string> = {
  fail: "Don't send: show the message as failed",
  template: "Send it as an approved template",
  tag: "Send it as a tagged message",
};

// What happens to a bot message once the contact's messaging window has closed (a long wait, a
// reminder): a visible failure by default, or the platform's sanctioned way round it.
export function OutsideWindowSettings({ channel }: { channel: ChannelDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = channel.outsideWindow;
  const [mode, setMode] = useState<Mode>(stored.mode);
  const [templateName, setTemplateName] = useState(stored.mode === "template" ? stored.templateName : "");
  const [languageCode, setLanguageCode] = useState(stored.mode === "template" ? stored.languageCode : "en");
  const [tag, setTag] = useState(stored.mode === "tag" ? stored.tag : (channel.outsideWindowOptions.tags[0] ?? "ACCOUNT_UPDATE"));
  const save = useMutation(
    trpc.channels.setOutsideWindow.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.channels.get.queryKey({ id: channel.id }) }) }),
  );
  const policy: Policy = mode === "template" ? { mode, templateName, languageCode } : mode === "tag" ? { mode, tag } : { mode: "fail" };

  return (
    <form
      data-testid="outside-window-settings"
      className="space-y-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ id: channel.id, policy });
      }}
    >
      <p className="text-slate-600">
        Free-form messages can reach a contact only within {channel.messagingWindowHours} hours of their last message. After that, a bot message
        (after a long wait, say):
      </p>
      <fieldset className="space-y-1.5">
        <legend className="sr-only">Outside the messaging window</legend>
        {channel.outsideWindowOptions.modes.map((option) => (
          <label key={option} className="flex items-center gap-2">
            <input type="radio" name="outside-window-mode" value={option} data-testid={`outside-window-${option}`} checked={mode === option} onChange={() => setMode(option)} />
            {modeLabels[option]}
          </label>
        ))}
      </fieldset>
      {mode === "template" && (
        <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,1fr)] gap-2">
          <label className="space-y-1">
            <span className="text-xs text-slate-500">Template name (its body has one variable, {"{{1}}"}, for the text)</span>
            <input data-testid="outside-window-template-name" className={`${inputClass} font-mono`} value={templateName} placeholder="follow_up" onChange={(event) => setTemplateName(event.target.value)} />
          </label>
          <label className="space-y-1">
            <span className="text-xs text-slate-500">Language</span>
            <input data-testid="outside-window-language" className={`${inputClass} font-mono`} value={languageCode} onChange={(event) => setLanguageCode(event.target.value)} />
          </label>
        </div>
      )}
      {mode === "tag" && (
        <label className="block space-y-1">
          <span className="text-xs text-slate-500">Message tag (HUMAN_AGENT works for 7 days after the contact&apos;s last message)</span>
          <select data-testid="outside-window-tag" className={inputClass} value={tag} onChange={(event) => setTag(event.target.value as typeof tag)}>
            {channel.outsideWindowOptions.tags.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
      )}
      {save.error && (
        <p role="alert" className={errorClass}>
          {/* A refused input's message is a JSON dump of zod issues; its field errors say it in words. */}
          {Object.values((save.error.data?.fieldErrors ?? {}) as Record<string, string[] | undefined>).flat()[0] ?? save.error.message}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button type="submit" data-testid="outside-window-save" className={primaryButton} disabled={save.isPending}>
          Save
        </button>
        {save.isSuccess && !save.isPending && <span className="text-emerald-700">Saved</span>}
      </div>
    </form>
  );
}
