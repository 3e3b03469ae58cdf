// Stamps every span a tracer starts, its own and an instrumentor's, with the HoneyHive session,
// project, source and event type, so the backend can group spans into sessions. The session is the
// one in the parent context's baggage (request-scoped, from createSession/withSession or an incoming
// `baggage` header) and only otherwise the tracer instance's session.
import type { Context } from "@opentelemetry/api";
import type { ReadableSpan, Span, SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { ATTR_EVENT_TYPE, ATTR_PROJECT, ATTR_SESSION_ID, ATTR_SOURCE } from "./enrichment.js";
import { getSessionFromContext } from "./session-context.js";
import type { EventType } from "./types.js";

export interface SessionStampingOptions {
  project: string;
  source: string;
  /** The tracer instance's current session (startup session or the last sessionStart()). */
  instanceSessionId: () => string | undefined;
}

/** Attributes that GenAI instrumentations set at span start on model calls. */
const MODEL_SPAN_MARKERS = ["gen_ai.system", "gen_ai.operation.name", "llm.request.type"];

export class SessionStampingSpanProcessor implements SpanProcessor {
  readonly #options: SessionStampingOptions;

  constructor(options: SessionStampingOptions) {
    this.#options = options;
  }

  onStart(span: Span, parentContext: Context): void {
    try {
      const sessionId = getSessionFromContext(parentContext) ?? this.#options.instanceSessionId();
      if (sessionId) span.setAttribute(ATTR_SESSION_ID, sessionId);
      span.setAttribute(ATTR_PROJECT, this.#options.project);
      span.setAttribute(ATTR_SOURCE, this.#options.source);
      if (span.attributes[ATTR_EVENT_TYPE] === undefined) span.setAttribute(ATTR_EVENT_TYPE, inferEventType(span));
    } catch {
      // Stamping is best effort: a span without HoneyHive attributes is better than a failing request.
    }
  }

  onEnd(_span: ReadableSpan): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

function inferEventType(span: Span): EventType {
  const attributes = span.attributes;
  if (MODEL_SPAN_MARKERS.some((key) => attributes[key] !== undefined)) return "model";
  if (attributes["openinference.span.kind"] === "LLM") return "model";
  return "tool";
}
