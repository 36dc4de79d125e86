import { z } from "zod";
import type { AdapterChannel } from "../channels/channel-adapter";
import type { WechatCredentials } from "../channels/wechat/credentials";
import type { Database } from "../db/client";
import { DomainError } from "../domain-errors";
import { deepLink } from "./deep-link";
import { entryPointChannel } from "./entry-point-channel";
import { refProblem } from "./ref-rules";
import { createWechatSceneQr, type SceneQrResult } from "./wechat-scene-qr";

export const createEntryPointInput = z.object({
  channelId: z.string().uuid(),
  name: z.string().trim().min(1, "Give the entry point a name").max(120),
  ref: z.string().trim().min(1, "Enter a ref").max(250),
  flowId: z.string().uuid().nullish(),
  prefilledText: z.string().trim().max(500).nullish(),
  // The channel's handle when its credentials do not hold it (see channelHandle).
  target: z.string().trim().max(300).nullish(),
});
export type CreateEntryPointInput = z.infer<typeof createEntryPointInput>;

// Checks the ref for the channel and that a working link can be built before storing anything; for
// WeChat it asks WeChat for the parametric QR code first and refuses with WeChat's reason if that fails.
export async function createEntryPoint(
  database: Database,
  workspaceId: string,
  input: CreateEntryPointInput,
  options: { wechatQr?: (channel: AdapterChannel<WechatCredentials>, ref: string) => Promise<SceneQrResult> } = {},
): Promise<{ id: string }> {
  const channel = await entryPointChannel(database, workspaceId, input.channelId);
  const problem = refProblem(channel.type, input.ref);
  if (problem) throw new DomainError("invalid", problem, { field: "ref" });
  if (input.flowId) {
    const [flow] = await database.query("select id from flows where id = $1 and workspace_id = $2", [input.flowId, workspaceId]);
    if (!flow) throw new DomainError("invalid", "That flow does not exist in this workspace.", { field: "flowId" });
  }
  const [taken] = await database.query<{ name: string }>("select name from entry_points where channel_id = $1 and ref = $2", [channel.id, input.ref]);
  if (taken) throw new DomainError("conflict", `The ref "${input.ref}" is already used by "${taken.name}" on this channel.`, { field: "ref" });

  const target = input.target?.trim() || channel.handle.known;
  let qrUrl: string | null = null;
  if (channel.type === "wechat") {
    if (!channel.loaded.channel) throw new DomainError("invalid", `The WeChat channel's credentials cannot be used: ${channel.loaded.credentialsProblem}.`);
    const make = options.wechatQr ?? ((c, ref) => createWechatSceneQr(c, ref));
    const qr = await make(channel.loaded.channel as AdapterChannel<WechatCredentials>, input.ref);
    if (!qr.ok) throw new DomainError("invalid", qr.error);
    qrUrl = qr.url;
  }
  const link = deepLink({ channelType: channel.type, ref: input.ref, target, prefilledText: input.prefilledText, refConfig: channel.refConfig, qrUrl });
  if (!link.ok) throw new DomainError("invalid", link.error, { field: link.error.startsWith("The ref") ? "ref" : "target" });

  const rows = await database.query<{ id: string }>(
    `insert into entry_points (workspace_id, channel_id, name, ref, flow_id, prefilled_text, target, qr_url)
     values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (channel_id, ref) do nothing returning id`,
    [workspaceId, channel.id, input.name, input.ref, input.flowId ?? null, input.prefilledText || null, input.target?.trim() || null, qrUrl],
  );
  if (!rows[0]) throw new DomainError("conflict", `The ref "${input.ref}" is already used on this channel.`, { field: "ref" });
  return { id: rows[0].id };
}
