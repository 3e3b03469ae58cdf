// The texts of `honeyhive --help` and `honeyhive migrate --help`.
import { TRANSFORMS, TRANSFORMS_1X } from "../transforms/ids.js";
import { DEFAULT_EXTENSIONS } from "./discover.js";

export const MAIN_HELP = `Usage: honeyhive <command> [options]

Commands:
  migrate [paths…]   Rewrite HoneyHive SDK usage to the recommended tracer patterns

Options:
  -h, --help         Show help (honeyhive migrate --help for the command's options)
  -v, --version      Print the version

Run "honeyhive migrate --help" for options and examples.
`;

export function migrateHelp(): string {
  const idWidth = Math.max(...[...TRANSFORMS, ...TRANSFORMS_1X].map((transform) => transform.id.length));
  const line = (transform: { readonly id: string; readonly title: string }) => `  ${transform.id.padEnd(idWidth)}  ${transform.title}`;
  const transforms = TRANSFORMS.map(line).join("\n");
  const transforms1x = TRANSFORMS_1X.map(line).join("\n");
  return `Usage: honeyhive migrate [paths…] [options]

Rewrites HoneyHive SDK usage in JavaScript and TypeScript files to the recommended tracer
patterns. Paths default to the current directory. Inside a git repository the files git tracks
or would track (.gitignore respected) are read; elsewhere the directories are walked, honouring
.gitignore files. node_modules, build output (dist, build, .next, out, coverage) and *.d.ts files
are skipped.

Transforms (run in this order):
${transforms}

With --from 1 (code written for honeyhive 1.x), first:
${transforms1x}

Options:
  -d, --dry                Write nothing; print a unified diff of every file that would change
  -p, --print              Write nothing; print the transformed source of every file that would change
      --check              Like --dry, and exit with 3 when a file would change or a review
                           marker remains (for CI)
      --from 1             The code is written for honeyhive 1.x: run the 1.x transforms, then
                           the ones above on their output (see docs/migrating-from-1x.md)
      --update-package     Also set the honeyhive range in ./package.json to this version
                           (the lock file is left to your package manager)
      --list               List the transforms; with paths, count the files each would change
  -t, --transforms <ids>   Run only these transforms (comma-separated, repeatable)
      --skip <ids>         Do not run these transforms (comma-separated, repeatable)
      --json               Print a machine-readable report (version 1) on stdout; human
                           output goes to stderr
      --allow-dirty        Write even when the git work tree has uncommitted changes (files
                           named as arguments only need to be staged or unchanged)
      --allow-outside-project
                           Accept paths that lead out of the project (the git top level, or
                           the current directory outside git): ../other, an absolute path or
                           a link to elsewhere; without it they are refused (exit 2)
      --extensions <list>  File extensions to read (default: ${DEFAULT_EXTENSIONS.join(",")})
      --ignore <glob>      Leave out files matching a gitignore-style glob, relative to the
                           current directory (repeatable)
      --modules <list>     Modules that re-export the SDK or a tracer, treated like "honeyhive"
                           (e.g. @/lib/tracing; comma-separated, repeatable), as the ESLint
                           plugin's settings.honeyhive.modules
      --lambda-handler-names <list>
                           Exported names that are AWS Lambda handlers besides "handler"
                           (settings.honeyhive.lambdaHandlerNames)
      --serverless, --no-serverless
                           Next.js route handlers and server actions do (or do not) run as
                           serverless functions that must flush; default: decided per file
                           from vercel.json, netlify.toml, open-next.config.* and the route's
                           maxDuration/runtime (settings.honeyhive.serverless)
      --sdk-version <1|2>  The honeyhive major the code is written against, when package.json
                           does not say it: fixes then speak that API (1: tracer.flush()); with
                           --from 1 it is 2 (settings.honeyhive.sdkVersion)
      --cpus <n>           Transform on n worker threads (default: cores - 1, and only for
                           more than 50 files that may use the SDK)
      --run-in-band        Transform in this process, without worker threads
      --verbose            Print every file and what happened to it
  -h, --help               Show this help
  -v, --version            Print the version

Exit codes:
  0  done (whether or not files changed)
  1  at least one file could not be parsed or transformed (listed as file:line:col; left
     untouched; the other files were processed)
  2  usage error, a path outside the project, or the git work tree has uncommitted changes
  3  --check found files to change or review markers (1 wins when a file failed)

Examples:
  npx honeyhive migrate --dry                 Preview every change as a diff
  npx honeyhive migrate --from 1 --update-package
                                              Move a honeyhive 1.x code base onto this version
  npx honeyhive migrate src                   Migrate src/ (commit or stash your changes first)
  npx honeyhive migrate src/chat.ts           After a pre-commit hook blocked a commit: rewrite
                                              the staged file, review with git diff, git add
  npx honeyhive migrate --transforms explicit-tracer,lambda-force-flush
  npx honeyhive migrate --skip evaluate-managed-tracer --ignore "**/*.test.ts"
  npx honeyhive migrate --list .              How many files each transform would change
  npx honeyhive migrate --check               In CI: fail while anything is left to migrate
  npx honeyhive migrate --json --dry > report.json
`;
}
