// The serverless platforms the flush rule knows, in registry order (a module of its own so that the engine
// modules that read platforms only, such as analysis/background-work.ts, do not load every framework descriptor).
import type { PlatformDescriptor } from "../types.js";
import { awsLambda as awsLambdaPlatform } from "./aws-lambda.js";
import { azureFunctions } from "./azure-functions.js";
import { cloudflarePages } from "./cloudflare-pages.js";
import { convexActions, convexInternalActions } from "./convex.js";
import { cloudflareWorkers } from "./cloudflare-workers.js";
import { digitalOceanFunctions } from "./digitalocean-functions.js";
import { gcpFunctions } from "./gcp-functions.js";
import { alibabaCloudFc, tencentScf } from "./lambda-compatible.js";
import { netlify } from "./netlify.js";
import { nextjsPagesApiServerless, nextjsServerless } from "./nextjs-serverless.js";
import { supabaseEdgeFunctions } from "./supabase-edge-functions.js";
import { twilioFunctions } from "./twilio-functions.js";
import { vercel as vercelPlatform } from "./vercel.js";

export const PLATFORMS: readonly PlatformDescriptor[] = [
  awsLambdaPlatform,
  gcpFunctions,
  azureFunctions,
  netlify,
  vercelPlatform,
  cloudflareWorkers,
  cloudflarePages,
  nextjsServerless,
  nextjsPagesApiServerless,
  supabaseEdgeFunctions,
  twilioFunctions,
  alibabaCloudFc,
  tencentScf,
  digitalOceanFunctions,
  convexActions,
  convexInternalActions,
];

