// The analysis core shared by the ESLint rules and the codemods. Each owner adds the line of their module.
export * from "./ast.js";
export * from "./input.js";
export * from "./parse-input.js";
export * from "./settings.js";
export * from "./sdk-model.js";
export * from "./evaluate.js";
export * from "./implicit-tracer.js";
export * from "./handlers.js";
export * from "./flush.js";
