import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RecentFile {
  path: string;
  departmentName: string;
  year: number;
  /** ISO timestamp of the last open. */
  openedAt: string;
}

export const RECENT_FILES_NAME = 'recent-files.json';
const MAX_RECENT = 10;

/**
 * The list of recently opened workbooks, most recent first, kept as a small JSON file in the
 * app's config folder. Files that no longer exist are dropped whenever the list is read. A
 * damaged list file is treated as empty: losing the list must never stop the app from starting.
 */
export class RecentFiles {
  readonly file: string;

  constructor(configDir: string) {
    this.file = join(configDir, RECENT_FILES_NAME);
  }

  list(): RecentFile[] {
    const stored = this.read();
    const present = stored.filter((entry) => existsSync(entry.path));
    if (present.length !== stored.length) this.write(present);
    return present;
  }

  /** Puts `entry` at the top of the list (replacing an older entry for the same path). */
  remember(entry: Omit<RecentFile, 'openedAt'>, openedAt: Date = new Date()): void {
    const others = this.read().filter((existing) => existing.path !== entry.path);
    this.write([{ ...entry, openedAt: openedAt.toISOString() }, ...others].slice(0, MAX_RECENT));
  }

  /** Updates the name/year shown for `path` without changing its place or time. */
  update(path: string, details: Pick<RecentFile, 'departmentName' | 'year'>): void {
    const stored = this.read();
    const index = stored.findIndex((entry) => entry.path === path);
    const current = stored[index];
    if (!current || (current.departmentName === details.departmentName && current.year === details.year)) return;
    stored[index] = { ...current, ...details };
    this.write(stored);
  }

  private read(): RecentFile[] {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return [];
    }
    try {
      const parsed: unknown = JSON.parse(text);
      const files = (parsed as { files?: unknown }).files;
      return Array.isArray(files) ? files.filter(isRecentFile) : [];
    } catch {
      return [];
    }
  }

  /** Best effort: a read-only config folder costs the list, never the open or edit that updates it. */
  private write(files: RecentFile[]): void {
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify({ version: 1, files }, null, 2)}\n`);
      renameSync(temporary, this.file);
    } catch (error) {
      process.stderr.write(`[recent-files] cannot write ${this.file}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
}

function isRecentFile(value: unknown): value is RecentFile {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.path === 'string' &&
    typeof entry.departmentName === 'string' &&
    typeof entry.year === 'number' &&
    Number.isInteger(entry.year) &&
    typeof entry.openedAt === 'string'
  );
}
