// The lowest Viber client API level that can show a message. Viber refuses or hides a message for
// clients below `min_api_version`, so it is set no higher than the features used need (keyboard
// levels from developers.viber.com/docs/tools/keyboards; rich media needs 2).
export function viberMinApiVersion(payload: Record<string, unknown>): number | undefined {
  const keyboard = payload.keyboard as Record<string, unknown> | undefined;
  let level = payload.type === "rich_media" ? 2 : undefined;
  if (keyboard && typeof keyboard === "object") {
    const has = (...fields: string[]) => fields.some((field) => keyboard[field] !== undefined);
    const needed = has("FavoritesMetadata") ? 6 : has("ButtonsGroupColumns", "ButtonsGroupRows", "InputFieldState") ? 4 : has("CustomDefaultHeight", "HeightScale") ? 3 : 1;
    level = Math.max(level ?? 1, needed);
  }
  return level;
}
