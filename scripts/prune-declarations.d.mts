export function typeEntryPoints(manifest: unknown): string[];
export function pruneDeclarations(distDirectory: string, entries: readonly string[]): number;
