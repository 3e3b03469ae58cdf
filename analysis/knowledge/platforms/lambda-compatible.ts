import type { PlatformDescriptor } from "../types.js";
import { awsLambda } from "./aws-lambda.js";

/**
 * Alibaba Cloud Function Compute: `exports.handler = async (event, context) => …` named `index.handler` by a
 * Serverless Devs `s.yaml` (`component: fc3`, FC 3.0; `fc` of 2.0) or a Funcraft `template.yml`
 * (`Type: Aliyun::Serverless::Function`). Lambda-shaped and ended the same way: an instance is frozen between
 * requests (FC's "instance freezing" once the request returns), so work left after the response is lost.
 */
export const alibabaCloudFc = {
  ...awsLambda,
  id: "alibaba-cloud-fc",
  name: "Alibaba Cloud Function Compute",
} as const satisfies PlatformDescriptor;

/**
 * Tencent Cloud SCF: `exports.main_handler = async (event, context) => …` named `index.main_handler` by a
 * Serverless Components `serverless.yml` (`component: scf`). Lambda-shaped; the instance is frozen after the
 * invocation returns, as on Lambda.
 */
export const tencentScf = {
  ...awsLambda,
  id: "tencent-scf",
  name: "Tencent Cloud SCF",
} as const satisfies PlatformDescriptor;

/**
 * The deployment configurations that make a configured Lambda-shaped handler (frameworks/lambda-functions-config.ts
 * reads its `handler:` entry) one of another platform: a text of the configuration matching `marker` names that
 * platform. Other configurations (serverless.yml of the Serverless Framework, SAM's template) stay AWS Lambda's.
 */
export const LAMBDA_COMPATIBLE_CONFIGS: readonly { readonly platform: PlatformDescriptor; readonly marker: RegExp }[] = [
  // Serverless Devs' s.yaml: `component: fc3` (FC 3.0) or `fc` / `devsapp/fc` (2.0), under each resource.
  { platform: alibabaCloudFc, marker: /^[ \t]*component[ \t]*:[ \t]*["']?(?:devsapp\/)?fc3?["']?[ \t]*(?:#.*)?$/m },
  // Funcraft (`fun`)'s template.yml: ROS resources of type Aliyun::Serverless::Function.
  { platform: alibabaCloudFc, marker: /^[ \t]*Type[ \t]*:[ \t]*["']?Aliyun::Serverless::Function["']?/m },
  // Serverless Components' serverless.yml for Tencent Cloud: `component: scf` (the older `@serverless/tencent-scf`).
  { platform: tencentScf, marker: /^component[ \t]*:[ \t]*["']?(?:@serverless\/tencent-)?scf["']?[ \t]*(?:#.*)?$/m },
];
