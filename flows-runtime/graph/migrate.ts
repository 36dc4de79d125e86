import { editorDocumentSchema, type EditorDocument } from "./editor-doc";

export const CURRENT_SCHEMA_VERSION = 1;

// Brings a saved editor document of any known version up to the current one, then validates it.
// Each step is a pure function from version N to N+1, tested on a real document of version N.
export function migrateDocument(raw: unknown): EditorDocument {
  if (!isRecord(raw)) {
    throw new DocumentMigrationError("This flow document is not a JSON object, so it cannot be opened.");
  }
  let doc: Record<string, unknown> = raw;
  let version = versionOf(doc);
  while (version < CURRENT_SCHEMA_VERSION) {
    const upgrade = steps[version];
    if (!upgrade) throw new DocumentMigrationError(`No migration from flow document version ${version}.`);
    doc = upgrade(doc);
    version = versionOf(doc);
  }
  if (version !== CURRENT_SCHEMA_VERSION) {
    throw new DocumentMigrationError(
      `This flow was saved by a newer version of Kaiwa (document version ${version}); this version reads up to ${CURRENT_SCHEMA_VERSION}.`,
    );
  }
  return editorDocumentSchema.parse(doc);
}

export class DocumentMigrationError extends Error {
  override name = "DocumentMigrationError";
}

type MigrationStep = (doc: Record<string, unknown>) => Record<string, unknown>;

// Indexed by the version a step upgrades from.
const steps: Record<number, MigrationStep> = {
  0: v0ToV1,
};

// v0 was the React Flow export the first builder saved as-is: nodes as an array with `type`, edges
// with `sourceHandle` (null for a node's only output), variables as bare names, name and channels at
// the top level, and the wait node counted plain `seconds`.
export function v0ToV1(doc: Record<string, unknown>): Record<string, unknown> {
  const nodes: Record<string, unknown> = {};
  for (const node of arrayOf(doc.nodes)) {
    if (!isRecord(node) || typeof node.id !== "string") continue;
    const kind = typeof node.type === "string" ? node.type : typeof node.kind === "string" ? node.kind : "unknown";
    nodes[node.id] = {
      id: node.id,
      kind,
      data: upgradeV0Data(kind, node.data),
      position: isRecord(node.position) ? node.position : { x: 0, y: 0 },
    };
  }
  const edges = arrayOf(doc.edges)
    .filter(isRecord)
    .map((edge) => {
      const sourcePort = typeof edge.sourceHandle === "string" && edge.sourceHandle !== "" ? edge.sourceHandle : "next";
      return {
        id: typeof edge.id === "string" && edge.id !== "" ? edge.id : `${String(edge.source)}:${sourcePort}->${String(edge.target)}`,
        source: edge.source,
        sourcePort,
        target: edge.target,
      };
    });
  const variables = arrayOf(doc.variables).map((variable) =>
    typeof variable === "string" ? { key: variable, label: variable } : variable,
  );
  const settings: Record<string, unknown> = {};
  if (typeof doc.name === "string") settings.name = doc.name;
  if (Array.isArray(doc.channels)) settings.channels = doc.channels;
  return {
    schemaVersion: 1,
    id: doc.id,
    nodes,
    edges,
    variables,
    fields: arrayOf(doc.fields),
    ...(isRecord(doc.viewport) ? { viewport: doc.viewport } : {}),
    settings,
  };
}

function upgradeV0Data(kind: string, data: unknown): unknown {
  const upgrade = v0DataUpgrades[kind];
  return upgrade && isRecord(data) ? upgrade(data) : data;
}

// Per-kind data changes between v0 and v1 (a frozen table of history, not engine logic).
const v0DataUpgrades: Record<string, (data: Record<string, unknown>) => unknown> = {
  wait: (data) => {
    if (typeof data.seconds !== "number") return data;
    const { seconds, ...rest } = data;
    return { ...rest, amount: seconds, unit: "seconds" };
  },
};

function versionOf(doc: Record<string, unknown>): number {
  const version = doc.schemaVersion;
  if (version === undefined) return 0;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) {
    throw new DocumentMigrationError(`Unknown flow document version ${JSON.stringify(version)}.`);
  }
  return version;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
