import type { PlatformDescriptor } from "../types.js";
import { awsLambda } from "./aws-lambda.js";

/**
 * DigitalOcean Functions (Apache OpenWhisk underneath): `exports.main = async (args) => …` or
 * `export function main(args)`, the request's parameters in `args`. The container is paused once the
 * activation returns (OpenWhisk's pause between activations), so work left after the return stalls as on a
 * frozen Lambda: the handler flushes before it returns.
 */
export const digitalOceanFunctions = {
  ...awsLambda,
  id: "digitalocean-functions",
  name: "DigitalOcean Functions",
  initPlace: "module level, outside main: a warm container reuses it for later activations",
} as const satisfies PlatformDescriptor;

/**
 * How a file is a DigitalOcean Function: it lies in `packages/<package>/` (a function is a single file there, or a
 * folder `packages/<package>/<function>/`) of a project whose root, the folder holding `packages/`, has the
 * `project.yml` that configures it; the runtime calls its export `main` ("Projects contain functions that are
 * grouped into packages and configured by a project.yml file": docs.digitalocean.com/products/functions/how-to/structure-projects,
 * …/reference/project-configuration; checked with the search tool 2026-12-07).
 */
export const DIGITALOCEAN_FUNCTIONS_PROJECT = {
  config: "project.yml",
  packagesFolder: "packages",
  exportName: "main",
} as const;
