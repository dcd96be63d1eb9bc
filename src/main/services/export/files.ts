import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../../../shared/api';

/** Writes a file whole or not at all: a temporary sibling renamed over the target. */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const folder = dirname(path);
  mkdirOrFail(folder);
  const temporary = join(folder, `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError('export:writeFailed', { path, detail: error instanceof Error ? error.message : String(error) });
  }
}

export function mkdirOrFail(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UserError('export:writeFailed', { path: folder, detail: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * Where an export goes, from what the clerk typed: "~/" is the home folder, a relative path lives in
 * the data folder, and a name without the right extension gets it. With `confineTo` (browser mode,
 * where the page cannot show a save dialog), a path outside that folder is refused (see confinedPath).
 */
export function resolveExportPath(input: string, dataDir: string | null, extension: string, confineTo: string | null = null): string {
  let text = input.trim();
  if (text === '~' || text.startsWith('~/')) text = homedir() + text.slice(1);
  const absolute = isAbsolute(text) ? resolve(text) : resolve(dataDir ?? process.cwd(), text);
  const target = extname(absolute).toLowerCase() === extension ? absolute : absolute + extension;
  return confineTo === null ? target : confinedPath(target, confineTo);
}

/**
 * `path` if it lies inside `folder`, else `errors:outsideDataFolder`. Links are followed: the
 * nearest part of the path that exists is resolved to where it really is, so neither "../", an
 * absolute path nor a link in the data folder pointing elsewhere gets out.
 */
export function confinedPath(path: string, folder: string): string {
  const root = realOrSelf(resolve(folder));
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    rest.unshift(basename(existing));
    existing = parent;
  }
  const real = join(realOrSelf(existing), ...rest);
  const inside = relative(root, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) throw new UserError('errors:outsideDataFolder', { path, dataDir: folder });
  return path;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
