import { resolve } from 'node:path';
import { callServer } from './serve-process';

/**
 * Where specs put their pictures: BUDGET_DESK_SCREENSHOTS=1 refreshes the committed ones in
 * docs/screenshots; ordinary runs write under test-results so the suite leaves the work tree clean.
 */
export const screenshotsDir = resolve(
  import.meta.dirname,
  process.env.BUDGET_DESK_SCREENSHOTS === '1' ? '../../docs/screenshots' : '../../test-results/screenshots',
);

/** The browser-mode page (with its token) that global-setup.ts started for this run. */
export function e2eUrl(): string {
  const url = process.env.BUDGET_DESK_E2E_URL;
  if (!url) throw new Error('BUDGET_DESK_E2E_URL is not set: run through playwright.config.ts');
  return url;
}

/** The data folder of this run's server (global-setup.ts). */
export function e2eDataDir(): string {
  const dir = process.env.BUDGET_DESK_E2E_DATA_DIR;
  if (!dir) throw new Error('BUDGET_DESK_E2E_DATA_DIR is not set: run through playwright.config.ts');
  return dir;
}

/** Calls the browser-mode API from a test, with the run's token, as the page does; a refusal throws. */
export async function e2eApi(method: string, args: unknown): Promise<unknown> {
  const url = new URL(e2eUrl());
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)?.[1] ?? '';
  return callServer({ url: url.href, origin: url.origin, token, port: Number(url.port), dataDir: e2eDataDir() }, method, args);
}
