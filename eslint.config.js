// ESLint config of this repository, two jobs in one file:
// 1. The bundled fixtures (and sample apps) are linted with the plugin as built into dist/ (`npm run
//    build`), exactly as a user's project would load it. `npm run demo` runs this part; the "before"
//    files are the anti-patterns, so findings there are the point.
// 2. The repository's own sources are linted with typescript-eslint, and the rules additionally with
//    eslint-plugin-eslint-plugin (dogfooding: `npm run lint`, part of `npm test`).
import eslintPlugin from "eslint-plugin-eslint-plugin";
import tseslint from "typescript-eslint";
import honeyhive from "./dist/esm/rules/index.js";

const sourceExtensions = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

export default [
  {
    name: "repository/ignores",
    // Built output, installed and downloaded code, and the 1.x fixtures (`migrate --from 1`: the case
    // pairs and the sample 1.x app), which are not rule cases: their "before" is 1.x code, not a 2.x
    // anti-pattern (codemods/sample-app-1x.test.ts lints the app's output).
    ignores: ["dist/", "**/node_modules/", "bench/.cache/", "coverage/", "fixtures/migrate-1x/", "fixtures/sample-app-1x*/"],
  },
  {
    ...honeyhive.configs.recommended,
    name: "repository/fixtures",
    // before.* / after.* of every case, the sample app, and the simulated paths (meta.json
    // `filename`, e.g. app/api/chat/route.ts) that `npm run demo` lints a case's text under.
    files: [`fixtures/**/*.${sourceExtensions}`],
    ignores: ["fixtures/index.ts", "fixtures/**/*.test.ts"],
    languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" },
  },
  ...tseslint.configs.recommended.map((config) => ({
    ...config,
    files: [`{analysis,codemods,rules,sdk,scripts,bench}/**/*.${sourceExtensions}`, `fixtures/*.ts`, `*.${sourceExtensions}`],
  })),
  {
    name: "repository/sources",
    files: [`{analysis,codemods,rules,sdk,scripts,bench}/**/*.${sourceExtensions}`, `fixtures/*.ts`, `*.${sourceExtensions}`],
    rules: {
      // `_`-prefixed names are deliberately unused (a callback's position, a destructured rest).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true }],
      // `import x = require(…)` is deliberate: it compiles to require() (createRequire in the ESM build),
      // so Node does not lex big CommonJS packages for named exports (codemods/engine/parse.ts).
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
      // An object literal's getter that must read the enclosing instance names it `self`.
      "@typescript-eslint/no-this-alias": ["error", { allowedNames: ["self"] }],
    },
  },
  {
    name: "repository/commonjs",
    files: ["**/*.cjs", "**/*.cts"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    ...eslintPlugin.configs.recommended,
    name: "repository/rules",
    files: ["rules/*.ts"],
    ignores: ["rules/*.test.ts"],
  },
];
