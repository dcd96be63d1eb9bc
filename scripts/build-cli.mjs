// Bundles the CLI (src/main/cli/index.ts and everything of ours it imports) into out/cli/index.mjs
// with esbuild, so `npm run cli` starts without compiling TypeScript (tsx took ~1 s per command).
// Packages in node_modules stay external: they are plain JavaScript already, and better-sqlite3 is native.
// Run by `npm run build`, and by scripts/cli.mjs whenever a source is newer than the bundle.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const bundlePath = join(root, 'out', 'cli', 'index.mjs');
const SOURCE_DIRS = ['src/core', 'src/main', 'src/shared', 'resources'].map((dir) => join(root, dir));
const SOURCE_FILES = [join(root, 'package.json'), join(root, 'scripts', 'build-cli.mjs')];

function newestIn(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when the bundle is missing or any source it is made from changed after it was written. */
export function bundleIsStale() {
  let built;
  try {
    built = statSync(bundlePath).mtimeMs;
  } catch {
    return true;
  }
  const newest = Math.max(...SOURCE_DIRS.map(newestIn), ...SOURCE_FILES.map((file) => statSync(file).mtimeMs));
  return newest > built;
}

/**
 * CommonJS packages only some commands need (exceljs alone costs ~0.25 s to load) are required on
 * first use instead of at start: the import becomes a stand-in whose first property read loads the package.
 */
const LAZY_PACKAGES = ['exceljs'];

function lazyPackages(names) {
  const filter = new RegExp(`^(${names.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
  return {
    name: 'lazy-packages',
    setup(build) {
      build.onResolve({ filter }, (args) => (args.pluginData?.real ? undefined : { path: args.path, namespace: 'lazy-package' }));
      build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => ({
        resolveDir: root,
        contents: [
          "import { createRequire } from 'node:module';",
          'let loaded;',
          `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(args.path)}));`,
          'export default new Proxy({}, {',
          '  get: (_target, key) => load()[key],',
          '  has: (_target, key) => key in load(),',
          '  ownKeys: () => Reflect.ownKeys(load()),',
          '  getOwnPropertyDescriptor: (_target, key) => ({ ...Reflect.getOwnPropertyDescriptor(load(), key), configurable: true }),',
          '});',
        ].join('\n'),
      }));
    },
  };
}

export async function buildCli() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    write: false,
    entryPoints: [join(root, 'src', 'main', 'cli', 'index.ts')],
    outfile: bundlePath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    plugins: [lazyPackages(LAZY_PACKAGES)],
    // Node built-ins only; JSON (locales, package.json) is inlined.
    logLevel: 'warning',
    legalComments: 'none',
  });
  // Written aside and renamed into place: a CLI started meanwhile (tests run several) never reads half a bundle.
  mkdirSync(dirname(bundlePath), { recursive: true });
  const aside = `${bundlePath}.${process.pid}.tmp`;
  writeFileSync(aside, result.outputFiles[0].contents);
  renameSync(aside, bundlePath);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
