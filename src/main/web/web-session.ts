import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * Browser mode's address kept across restarts (`<config>/web-session.json`, readable by its owner only): a page
 * left open while the server restarts reconnects to the same port with the same token, and resends what it could
 * not save, instead of being locked out by a new address. `--new-session` draws a new token and port.
 */
const webSessionSchema = z.object({ port: z.number().int().min(1).max(65_535), token: z.string().regex(/^[A-Za-z0-9_-]{20,}$/) }).strict();
export type WebSession = z.infer<typeof webSessionSchema>;

const FILE_NAME = 'web-session.json';

/** The last run's port and token, or null when there is none or the file is not ours. */
export function readWebSession(configDir: string): WebSession | null {
  try {
    const parsed = webSessionSchema.safeParse(JSON.parse(readFileSync(join(configDir, FILE_NAME), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps this run's port and token for the next (written aside and renamed into place, mode 0600). */
export function writeWebSession(configDir: string, session: WebSession): void {
  const target = join(configDir, FILE_NAME);
  const aside = `${target}.${process.pid}.tmp`;
  writeFileSync(aside, `${JSON.stringify(session)}\n`, { mode: 0o600 });
  chmodSync(aside, 0o600);
  renameSync(aside, target);
}
