"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["channels"];
export type ChannelListItem = Outputs["list"][number];
export type ChannelDetail = Outputs["get"];
export type ChannelTypeInfo = Outputs["types"][number];
export type ChannelFieldInfo = ChannelTypeInfo["fields"][number];
export type ChannelEvent = Outputs["events"][number];

// Last webhook and counts change while the page is open: refresh every 15 s.
export function useChannelList() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.channels.list.queryOptions(), refetchInterval: 15_000 });
}

export function useChannelTypes() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.channels.types.queryOptions(), staleTime: 5 * 60_000 });
}
