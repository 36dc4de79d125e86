import { z } from "zod";
import { channelTypes } from "../channels/channel-type";
import { editorDocumentSchema, type EditorDocument } from "../graph/editor-doc";
import type { FlowEdge } from "../graph/flow-edge";
import type { FlowGraph } from "../graph/flow-graph";
import type { FlowVariable } from "../graph/flow-variable";
import { rememberGraphHash } from "../graph/graph-hash";
import { compareStrings } from "../graph/queries";
import type { DiagnoseContext, DiagnosticDraft } from "../nodes/define-node-kind";
import type { AnyNodeKindDefinition } from "../nodes/find-node-kind";
import { analyseNodes } from "./analyse-nodes";
import { checkGraphShape } from "./check-graph-shape";
import { checkMessages } from "./check-messages";
import { checkReadBeforeSet } from "./check-read-before-set";
import { checkFieldTypes, type KnownField } from "./check-field-types";
import { checkReferences } from "./check-references";
import type { CompiledNode } from "./compiled-node";
import type { Diagnostic } from "./diagnostic";
import { DiagnosticList } from "./diagnostic-list";
import { graphContentHash } from "./graph-content-hash";
import { sortedEdges } from "./sorted-edges";

export type CompileOptions = {
  // Custom contact fields of the workspace: keys, or { key, type, options } to also check that what a
  // question or set_field saves fits the field's type. Undefined: do not check fields at all.
  knownFields?: readonly (string | KnownField)[];
  // Flows a jump may target. Undefined: do not check jump targets.
  knownFlowIds?: readonly string[];
};

// Nodes are validated one by one (analyseNode), so a damaged node is reported on itself and an
// unchanged node is not parsed again; edges once per edges array (sortedEdges).
const documentShellSchema = editorDocumentSchema.extend({ nodes: z.unknown(), edges: z.unknown() });
const nodesSchema = z.record(z.string(), z.unknown());
// The shell with its edges and nodes: what names the first problem of a document that cannot be read.
const documentCheckSchema = editorDocumentSchema.extend({ nodes: nodesSchema });

export type CompileResult = { graph: FlowGraph | null; diagnostics: Diagnostic[]; hash: string };

// Profile fields every contact has, whatever the workspace defines.
export const BUILT_IN_CONTACT_FIELDS = ["first_name", "last_name", "name", "phone", "email", "locale", "timezone"] as const;

// Editor document -> runnable graph, plus every problem found, on the node that causes it. Deterministic:
// the same document gives the same graph and hash whatever order its keys, nodes and edges were saved in.
// The graph comes back even with errors (the simulator can run it); publishing refuses on hasErrors().
export function compile(doc: EditorDocument, options: CompileOptions = {}): CompileResult {
  const parsed = documentShellSchema.safeParse(doc);
  const inputNodes = parsed.success ? nodeRecord(parsed.data.nodes) : undefined;
  const inputEdges = parsed.success ? sortedEdges(parsed.data.edges) : undefined;
  if (!parsed.success || !inputNodes || !inputEdges) return unreadable(doc);
  const input = { ...parsed.data, nodes: inputNodes };
  const diagnostics = new DiagnosticList();

  const compiled = analyseNodes(input.nodes);
  for (const node of compiled) {
    if (node.problem) diagnostics.add({ code: node.problem.code, severity: "error", nodeId: node.id, message: node.problem.message });
  }
  const byId = new Map(compiled.map((node) => [node.id, node]));
  const edges = compileEdges(inputEdges, byId, diagnostics);
  const channels = channelTypes.filter((channel) => input.settings.channels.includes(channel));

  const declaredVariables = new Set(input.variables.map((variable) => variable.key));
  const writtenVariables = new Set<string>();
  const usedFields = new Set<string>(input.fields);
  for (const { usage } of compiled) {
    for (const key of usage.writesVariables) writtenVariables.add(key);
    for (const key of usage.readsFields) usedFields.add(key);
    for (const key of usage.writesFields) usedFields.add(key);
  }
  const knownVariables = new Set([...declaredVariables, ...writtenVariables]);
  // `tags` reads the contact's tags in templates; it is not a field.
  usedFields.delete("tags");
  const knownFieldKeys = options.knownFields?.map((field) => (typeof field === "string" ? field : field.key));
  const checkedFields = knownFieldKeys ? new Set<string>([...BUILT_IN_CONTACT_FIELDS, ...knownFieldKeys, "tags"]) : undefined;

  const graph: FlowGraph = {
    schemaVersion: 1,
    id: input.id,
    name: input.settings.name,
    nodes: Object.fromEntries(compiled.map((node) => [node.id, node.graphNode])),
    edges,
    variables: graphVariables(input.variables, knownVariables),
    fields: [...usedFields].sort(compareStrings),
    channels,
  };

  const diagnoseContext: Omit<DiagnoseContext, "nodeId"> = {
    knownFields: checkedFields ?? new Set([...BUILT_IN_CONTACT_FIELDS, ...usedFields, "tags"]),
    knownVariables,
    ...(options.knownFlowIds ? { knownFlowIds: new Set(options.knownFlowIds) } : {}),
    channels,
  };
  const contextKey = diagnoseContextKey(diagnoseContext);
  for (const node of compiled) runDiagnose(node, diagnoseContext, contextKey, diagnostics);

  const reachable = checkGraphShape(graph, compiled, diagnostics);
  checkReferences(compiled, checkedFields, knownVariables, diagnostics);
  checkFieldTypes(compiled, (options.knownFields ?? []).filter((field): field is KnownField => typeof field !== "string"), diagnostics);
  checkReadBeforeSet(graph, compiled, reachable, declaredVariables, diagnostics);
  checkMessages(compiled, channels, diagnostics);

  const hash = graphContentHash(graph, compiled);
  rememberGraphHash(graph, hash);
  return { graph, diagnostics: diagnostics.sorted(), hash };
}

// The document's nodes as z.record(z.string(), z.unknown()) reads them. A plain object without symbol keys
// or an own "__proto__" is read as it is (keys and values unchanged), which spares copying 5,000 entries.
function nodeRecord(nodes: unknown): Record<string, unknown> | undefined {
  const plain =
    typeof nodes === "object" &&
    nodes !== null &&
    Object.getPrototypeOf(nodes) === Object.prototype &&
    !Object.hasOwn(nodes, "__proto__") &&
    Object.getOwnPropertySymbols(nodes).length === 0;
  if (plain) return nodes as Record<string, unknown>;
  const parsed = nodesSchema.safeParse(nodes);
  return parsed.success ? parsed.data : undefined;
}

// Parsed whole again, so the problem named is the first one a single parse of the document finds.
function unreadable(doc: unknown): CompileResult {
  const issue = documentCheckSchema.safeParse(doc).error?.issues[0];
  const where = issue?.path.map(String).join(".") || "document";
  return {
    graph: null,
    diagnostics: [{ code: "invalid_document", severity: "error", message: `This flow document cannot be read (${where}: ${issue?.message ?? "invalid"}).` }],
    hash: "",
  };
}

// `edges` come sorted (sortedEdges), so what is kept is too. When every edge is kept the graph shares the
// (frozen) array, and with it the edge index and canonical text computed for it.
function compileEdges(edges: readonly FlowEdge[], byId: ReadonlyMap<string, CompiledNode>, diagnostics: DiagnosticList): FlowEdge[] {
  const kept: FlowEdge[] = [];
  for (const edge of edges) {
    const source = byId.get(edge.source);
    if (!source || !byId.has(edge.target)) {
      diagnostics.add({
        code: "dangling_edge",
        severity: "warning",
        ...(source ? { nodeId: source.id, port: edge.sourcePort } : {}),
        message: "A connection points to a step that no longer exists; it has been ignored.",
      });
      continue;
    }
    // Ports of a node whose data did not parse are unknown: keep its edges so the canvas round-trips.
    if (source.definition && !source.ports.includes(edge.sourcePort)) {
      diagnostics.add({
        code: "unknown_port",
        severity: "warning",
        nodeId: source.id,
        port: edge.sourcePort,
        message: `A connection leaves this step from an output "${edge.sourcePort}" it no longer has (a deleted choice or rule?); it has been ignored.`,
      });
      continue;
    }
    kept.push(edge);
  }
  // Frozen: a caller that tried to change the graph's edges would throw rather than corrupt the cache.
  return (kept.length === edges.length ? edges : kept) as FlowEdge[];
}

function graphVariables(declared: readonly FlowVariable[], known: ReadonlySet<string>): FlowVariable[] {
  const labels = new Map<string, string>();
  for (const variable of declared) if (!labels.has(variable.key)) labels.set(variable.key, variable.label);
  return [...known].sort(compareStrings).map((key) => ({ key, label: labels.get(key) ?? key }));
}

// diagnose() is a pure function of the node's data and the context (its nodeId is the analysis' own), so
// its outcome is kept on the analysis for the last context it ran in: an edit elsewhere that leaves the
// known fields, variables, flows and channels as they were does not run it again.
function runDiagnose(node: CompiledNode, context: Omit<DiagnoseContext, "nodeId">, contextKey: string, diagnostics: DiagnosticList): void {
  if (!hasDiagnose(node)) return;
  if (node.diagnosed?.contextKey !== contextKey) node.diagnosed = { contextKey, ...diagnosed(node, { ...context, nodeId: node.id }) };
  for (const draft of node.diagnosed.drafts) diagnostics.add({ ...draft, nodeId: node.id }, true);
  if (node.diagnosed.failure !== undefined) {
    diagnostics.add({ code: "internal_error", severity: "error", nodeId: node.id, message: `This step could not be checked (${node.diagnosed.failure}).` });
  }
}

function diagnosed(node: Diagnosable, context: DiagnoseContext): { drafts: readonly DiagnosticDraft[]; failure?: string } {
  const drafts: DiagnosticDraft[] = [];
  try {
    for (const draft of node.definition.diagnose(node.data, context)) drafts.push(draft);
    return { drafts };
  } catch (error) {
    return { drafts, failure: error instanceof Error ? error.message : String(error) };
  }
}

// A node whose kind has a diagnose().
type Diagnosable = CompiledNode & { definition: { diagnose: NonNullable<AnyNodeKindDefinition["diagnose"]> } };

function hasDiagnose(node: CompiledNode): node is Diagnosable {
  return node.definition?.diagnose !== undefined;
}

// Everything diagnose() is given but the node id, in order. Interned, so each node compares it by identity.
function diagnoseContextKey(context: Omit<DiagnoseContext, "nodeId">): string {
  const key = JSON.stringify([[...context.knownFields], [...context.knownVariables], context.knownFlowIds ? [...context.knownFlowIds] : null, context.channels]);
  let interned = contextKeys.get(key);
  if (interned === undefined) {
    if (contextKeys.size >= 16) contextKeys.clear();
    contextKeys.set(key, (interned = key));
  }
  return interned;
}
const contextKeys = new Map<string, string>();
