"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>["settings"];
export type WorkspaceSettingsView = Outputs["get"];
export type ScheduleView = WorkspaceSettingsView["schedules"][number];
export type WeeklyInterval = ScheduleView["weekly"][number];
export type HolidayView = ScheduleView["holidays"][number];
export type TimeZoneOption = Outputs["timeZones"][number];

export function useWorkspaceSettings() {
  const trpc = useTRPC();
  return useQuery(trpc.settings.get.queryOptions());
}

// ~420 zones that never change while the page is open.
export function useTimeZones() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.settings.timeZones.queryOptions(), staleTime: Infinity });
}

