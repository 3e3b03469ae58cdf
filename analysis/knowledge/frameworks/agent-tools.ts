import type { FrameworkDescriptor } from "../types.js";

/**
 * Tools of LLM agent frameworks: the function a tool runs is called once per tool call, many times per request
 * (an agent loop calls its tools step after step, and the AI SDK runs one step's tool calls concurrently) and
 * concurrently across requests. A tracer made there is one per call; `sessionStart()` there overwrites the shared
 * tracer's session under another call's feet. Found by blind-13 (rules/blind-cases-13.test.ts, second batch).
 *
 * - the Vercel AI SDK's `tool({ description, parameters | inputSchema, execute })` of `ai` (ai-sdk.dev, "Tool calling");
 * - Mastra's `createTool({ id, description, inputSchema, execute })` of `@mastra/core/tools` (mastra.ai/reference/tools/
 *   create-tool: `execute` "contains the tool's logic"; also re-exported by `@mastra/core`);
 * - the OpenAI Agents SDK's `tool({ name, description, parameters, execute })` of `@openai/agents` (and the
 *   `@openai/agents-core` it re-exports);
 * - LangChain.js's `tool(func, { name, description, schema })` of `@langchain/core/tools` (its `tools_exports`; the
 *   function is the first argument).
 *
 * What a tool receives is what the model chose, not what a client sent: no `requestInputs`. A tool runs inside the
 * request or job that drives the agent, so no `platform` either: the entry point that runs the agent is the one to flush.
 */
export const agentTools = {
  id: "agent-tools",
  name: "agent tool",
  unit: "tool call",
  modules: ["ai", "@mastra/core", "@mastra/core/tools", "@openai/agents", "@openai/agents-core", "@langchain/core/tools"],
  calls: [
    { callee: { package: "ai", name: "tool" }, arguments: [], options: ["execute"] },
    { callee: { package: ["@mastra/core", "@mastra/core/tools"], name: "createTool" }, arguments: [], options: ["execute"] },
    { callee: { package: ["@openai/agents", "@openai/agents-core"], name: "tool" }, arguments: [], options: ["execute"] },
    { callee: { package: "@langchain/core/tools", name: "tool" }, arguments: [0] },
  ],
} as const satisfies FrameworkDescriptor;

/**
 * LangGraph.js graph nodes: `new StateGraph(annotation).addNode(name, fn)` of `@langchain/langgraph`, or many at once
 * (`addNode({ name: fn })`, `addNode([[name, fn]])`) (chained with
 * `addEdge`, `addConditionalEdges`, … as its docs write it); each node function runs once per step of every run of
 * the compiled graph, runs of one graph overlapping across requests. The state a node receives is the graph's own.
 */
export const langGraph = {
  id: "langgraph",
  name: "LangGraph node",
  unit: "step",
  modules: ["@langchain/langgraph"],
  objects: {
    stateGraph: {
      createdBy: [{ value: { package: "@langchain/langgraph", name: "StateGraph" }, new: true }],
      types: [{ package: "@langchain/langgraph", name: "StateGraph" }],
      // `addNode(name, fn)`; `addNode({ plan: fn, act: fn })` (a map, methodMaps); `addNode([["plan", fn], …])` (a list
      // of [name, fn] pairs: functions in arrays): StateGraph#addNode's overloads in @langchain/langgraph
      // (libs/langgraph/src/graph/state.ts: `addNode(nodes: Record<string, NodeAction> | [string, NodeAction][])`).
      methods: { addNode: { arguments: [0, 1], methodMaps: [0] } },
      chainable: ["addNode", "addEdge", "addConditionalEdges", "addSequence", "setEntryPoint", "setFinishPoint"],
    },
  },
} as const satisfies FrameworkDescriptor;
