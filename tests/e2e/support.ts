import { resolve } from 'node:path';

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
