// ESLint config of this repository: it lints the bundled fixtures (and sample app) with the plugin as
// built into dist/ (`npm run build`), exactly as a user's project would load it. `npm run demo` runs
// it; the "before" files are the anti-patterns, so findings there are the point.
import tsParser from "@typescript-eslint/parser";
import honeyhive from "./dist/esm/rules/index.js";

const sourceExtensions = "{ts,tsx,mts,cts,js,jsx,mjs,cjs}";

export default [
  {
    name: "repository/only-fixtures",
    // The SDK, rules and codemods are typechecked and tested, not linted by this demo config. The
    // 1.x fixtures (`migrate --from 1`: the case pairs and the sample 1.x app) are not rule cases: their
    // "before" is 1.x code, not a 2.x anti-pattern (codemods/sample-app-1x.test.ts lints the app's output).
    ignores: ["*", "!fixtures/", "fixtures/index.ts", "fixtures/migrate-1x/", "fixtures/sample-app-1x*/", "**/*.test.ts", "**/node_modules/"],
  },
  {
    ...honeyhive.configs.recommended,
    // before.* / after.* of every case, the sample app, and the simulated paths (meta.json
    // `filename`, e.g. app/api/chat/route.ts) that `npm run demo` lints a case's text under.
    files: [`fixtures/**/*.${sourceExtensions}`],
    languageOptions: { parser: tsParser, ecmaVersion: "latest", sourceType: "module" },
  },
];
