// Every keyboard and mouse shortcut of the canvas, as the help popover lists them. "Mod" is Ctrl, or ⌘ on a Mac.
export type Shortcut = { action: string; keys: string[][] };

export const shortcutList: { group: string; shortcuts: Shortcut[] }[] = [
  {
    group: "Edit",
    shortcuts: [
      { action: "Undo", keys: [["Mod", "Z"]] },
      { action: "Redo", keys: [["Mod", "Shift", "Z"], ["Mod", "Y"]] },
      { action: "Copy", keys: [["Mod", "C"]] },
      { action: "Cut", keys: [["Mod", "X"]] },
      { action: "Paste at the centre of the view", keys: [["Mod", "V"]] },
      { action: "Duplicate", keys: [["Mod", "D"]] },
      { action: "Delete", keys: [["Delete"], ["Backspace"]] },
    ],
  },
  {
    group: "Select",
    shortcuts: [
      { action: "Select all", keys: [["Mod", "A"]] },
      { action: "Add to or remove from selection", keys: [["Shift", "Click"]] },
      { action: "Select with a box", keys: [["Shift", "Drag"]] },
      { action: "Clear selection", keys: [["Esc"]] },
    ],
  },
  {
    group: "View",
    shortcuts: [
      { action: "Auto-layout", keys: [["Shift", "L"]] },
      { action: "Zoom to fit", keys: [["Shift", "F"]] },
      { action: "Move around", keys: [["Drag background"], ["Space", "Drag"]] },
      { action: "Zoom", keys: [["Scroll"], ["Pinch"]] },
      { action: "Show shortcuts", keys: [["?"]] },
    ],
  },
];

export function isMacPlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
