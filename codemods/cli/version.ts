// The version `honeyhive migrate --version` prints and the toolchain hints name: the SDK owns it
// (sdk/version.ts, generated from package.json by the build).
import { PACKAGE_VERSION } from "../../sdk/version.js";

export function packageVersion(): string {
  return PACKAGE_VERSION;
}
