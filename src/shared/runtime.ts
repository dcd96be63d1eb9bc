/**
 * The Node.js major the app is built and tested for: the `node` devDependency that `npm run` uses, and the
 * Node inside the Electron we ship. Older runtimes fail in ways no one can read (the native SQLite binding
 * segfaults on Node 20), so every entry point checks first.
 */
export const PINNED_NODE_MAJOR = 24;

/** The running Node's major version from a `process.versions.node` string such as "24.21.0". */
export function nodeMajor(version: string): number {
  return Number.parseInt(version.split('.')[0] ?? '', 10);
}

/** Why this runtime cannot run the app, or null when it can. */
export function runtimeProblem(version: string): { found: string; required: number } | null {
  const major = nodeMajor(version);
  return Number.isFinite(major) && major >= PINNED_NODE_MAJOR ? null : { found: `v${version}`, required: PINNED_NODE_MAJOR };
}
