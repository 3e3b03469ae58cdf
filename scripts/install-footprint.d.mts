export interface InstallFootprint {
  /** Installed package names, one per copy in node_modules, sorted. */
  readonly packages: string[];
  /** node_modules on disk, in 4 KiB blocks per file and folder. */
  readonly diskBytes: number;
  /** Bytes in the files of node_modules. */
  readonly apparentBytes: number;
}
export function npmEnvironment(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function packTarball(packageDir: string, destination: string): string;
export function installFootprint(projectDir: string): InstallFootprint;
