// The public surface of the pure flow engine: what the builder, the simulator and the runtime host use.

// Graph and editor document
export { flowGraphSchema, flowNodeSchema, type FlowGraph, type FlowNode } from "./graph/flow-graph";
export { flowEdgeSchema, type FlowEdge } from "./graph/flow-edge";
export { flowVariableSchema, type FlowVariable } from "./graph/flow-variable";
export {
  editorDocumentSchema,
  editorNodeSchema,
  editorSettingsSchema,
  positionSchema,
  viewportSchema,
  type EditorDocument,
  type EditorDocumentInput,
  type EditorNode,
  type EditorSettings,
  type Viewport,
} from "./graph/editor-doc";
export { migrateDocument, DocumentMigrationError, CURRENT_SCHEMA_VERSION } from "./graph/migrate";
export { graphHash } from "./graph/graph-hash";
export { nextNodeId, outgoingEdges, reachableFrom, triggerNodeIds, type GraphLike } from "./graph/queries";

// Compiler
export { compile, BUILT_IN_CONTACT_FIELDS, type CompileOptions, type CompileResult } from "./compile/compile";
export type { ContactFieldType, KnownField } from "./compile/check-field-types";
export { diagnosticSchema, hasErrors, type Diagnostic } from "./compile/diagnostic";
export { sha256Hex } from "./compile/sha256";
export { canonicalJson } from "./compile/canonical-json";

// Engine
export { step, newSession, ENGINE_STEP_CAP, type StepResult } from "./engine/step";
export { traceEntrySchema, type TraceEntry } from "./engine/trace-entry";
export { sessionSchema, sessionStatusSchema, waitingSchema, type Session, type SessionStatus, type Waiting } from "./engine/session";
export {
  engineEventSchema,
  httpResultSchema,
  inboundMessageSchema,
  startReasonSchema,
  type EngineEvent,
  type HttpResult,
  type InboundMessage,
  type StartReason,
} from "./engine/events";
export { actionSchema, httpRequestSchema, type Action, type HttpRequest } from "./engine/actions";
export {
  businessHoursScheduleSchema,
  contactSnapshotSchema,
  weeklyIntervalSchema,
  workspaceSettingsSchema,
  type BusinessHoursSchedule,
  type ContactSnapshot,
  type StepContext,
  type WorkspaceSettings,
} from "./engine/context";

// Node kinds
export { nodeKinds, type NodeKind, type NodeKindOf } from "./nodes/registry";
export { findNodeKind, type AnyNodeKindDefinition } from "./nodes/find-node-kind";
export {
  defineNodeKind,
  type DiagnoseContext,
  type DiagnosticDraft,
  type DiagnosticSeverity,
  type NodeKindDefinition,
  type NodeReferences,
  type NodeResult,
  type NodeRunContext,
} from "./nodes/define-node-kind";
export { matchTrigger, TRIGGER_PRIORITY, type TriggerInput, type TriggerMatch } from "./nodes/trigger/trigger";

// Channels: capabilities, render(), reply resolution
export * from "./channels";

// Libraries the nodes are built from, for the builder's inspector and previews
export { normaliseText } from "./text/normalise";
export { keywordRuleSchema, matchesKeyword, regexProblem, type KeywordRule } from "./text/keyword-match";
export { parseTemplate, renderTemplate, type TemplateParseResult, type TemplateReference, type TemplateScope } from "./template/template";
export { templateScopeFor } from "./template/template-scope";
export {
  parseAnswer,
  answerTypeSchema,
  type AnswerType,
  type AnswerOptions,
  type AnswerParseResult,
  type AnswerFailureReason,
} from "./answers/parse-answer";
export { matchChoice } from "./answers/match-choice";
export { answerHint } from "./answers/answer-hints";
export { bestFaqMatch, DEFAULT_FAQ_THRESHOLD, type FaqEntry } from "./faq/faq-match";
export { isWithinBusinessHours, isValidTimeZone, localTimeParts, type LocalTimeParts } from "./schedule/business-hours";
export { describeScheduleAt, type ScheduleDescription } from "./schedule/describe-schedule";

// Starter templates a new flow can begin from
export { starterTemplates, type StarterTemplate } from "./templates";
