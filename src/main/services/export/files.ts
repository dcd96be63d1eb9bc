import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
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
 * the data folder, and a name without the right extension gets it.
 */
export function resolveExportPath(input: string, dataDir: string | null, extension: string): string {
  let text = input.trim();
  if (text === '~' || text.startsWith('~/')) text = homedir() + text.slice(1);
  const absolute = isAbsolute(text) ? resolve(text) : resolve(dataDir ?? process.cwd(), text);
  return extname(absolute).toLowerCase() === extension ? absolute : absolute + extension;
}
