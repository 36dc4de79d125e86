// The dataTransfer type a palette item is dragged with; the canvas accepts drops of this type only.
export const NODE_KIND_MIME = "application/x-kaiwa-node-kind";
