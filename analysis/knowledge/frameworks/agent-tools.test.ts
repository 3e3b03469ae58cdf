// The descriptors of LLM agent tools and LangGraph nodes (agent-tools.ts): the functions each finds, and the
// look-alikes it must not find (another package's `tool`, a local `createTool`, a method `addNode` of another object).
import { describe, expect, it } from "vitest";
import { handlersOf } from "../../test-utils/handlers-of.js";

describe("agent tools (AI SDK, Mastra, OpenAI Agents SDK, LangChain)", () => {
  it("finds the function each tool runs, inline or by name", () => {
    const code = `
      import { tool as aiTool } from "ai";
      import { createTool } from "@mastra/core/tools";
      import { tool as agentsTool } from "@openai/agents";
      import { tool } from "@langchain/core/tools";
      async function lookUp({ term }) { return term; }
      export const a = aiTool({ description: "a", parameters: schema, execute: async ({ city }) => city });
      export const b = createTool({ id: "b", description: "b", inputSchema: schema, execute: async ({ context }) => context });
      export const c = agentsTool({ name: "c", description: "c", parameters: schema, execute: lookUp });
      export const d = tool(async ({ query }) => query, { name: "d", description: "d", schema });
    `;
    // In source order: the named function is declared first.
    expect(handlersOf(code)).toEqual([
      "agent-tools: async function lookUp({ term }) { return term; }",
      "agent-tools: async ({ city }) => city",
      "agent-tools: async ({ context }) => context",
      "agent-tools: async ({ query }) => query",
    ]);
  });

  it("does not take another package's tool(), a local createTool or a tool's other options for a tool's function", () => {
    expect(handlersOf(`import { tool } from "./registry";\ntool({ execute: async () => 1 });`)).toEqual([]);
    expect(handlersOf(`function createTool(o: { execute: () => void }) { return o; }\ncreateTool({ execute: async () => {} });`)).toEqual([]);
    expect(handlersOf(`import { tool } from "ai";\ntool({ description: "x", parameters: schema, experimental_toToolResultContent: (r) => [r] });`)).toEqual([]);
  });
});

describe("LangGraph nodes", () => {
  it("finds the node functions of a StateGraph, in a chain and on a variable", () => {
    const code = `
      import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
      export const graph = new StateGraph(MessagesAnnotation)
        .addNode("plan", async (state) => ({ messages: [] }))
        .addEdge("__start__", "plan")
        .addNode("act", async function act(state) { return state; })
        .compile();
      const builder = new StateGraph(MessagesAnnotation);
      builder.addNode("review", (state) => state);
    `;
    expect(handlersOf(code)).toEqual([
      "langgraph: async (state) => ({ messages: [] })",
      "langgraph: async function act(state) { return state; }",
      "langgraph: (state) => state",
    ]);
  });

  it("finds the node functions of addNode's object and list forms", () => {
    const code = `
      import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
      async function review(state) { return state; }
      export const graph = new StateGraph(MessagesAnnotation)
        .addNode({ plan: async (state) => ({ messages: [] }), review })
        .addNode([["act", async (state) => state]])
        .compile();
    `;
    expect(handlersOf(code)).toEqual([
      "langgraph: async function review(state) { return state; }",
      "langgraph: async (state) => ({ messages: [] })",
      "langgraph: async (state) => state",
    ]);
  });

  it("does not take addNode of another object for a graph node", () => {
    expect(handlersOf(`const tree = { addNode(name: string, fn: () => void) {} };\ntree.addNode("x", () => {});`)).toEqual([]);
  });
});
