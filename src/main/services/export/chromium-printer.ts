import { existsSync } from 'node:fs';
import { UserError } from '../../../shared/api';
import type { PdfPrinter, PdfPrintOptions } from './pdf-printer';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;

/**
 * A PdfPrinter on a headless Chromium driven by Playwright, launched once and reused: launch costs
 * about a second, a print far less. Close it when done. The browser is the system's
 * (BUDGET_DESK_CHROMIUM or /usr/bin/chromium); nothing is downloaded.
 */
export class ChromiumPdfPrinter implements PdfPrinter {
  private constructor(private readonly browser: Browser) {}

  static async launch(executablePath = process.env.BUDGET_DESK_CHROMIUM || DEFAULT_CHROMIUM): Promise<ChromiumPdfPrinter> {
    if (!existsSync(executablePath)) throw new UserError('export:browserMissing', { path: executablePath });
    // Loaded on demand and left out of bundles: only the CLI and browser mode print with Playwright
    // (the desktop app injects Electron's printer), so the Electron build need not carry it.
    const specifier = 'playwright-core';
    const { chromium } = (await import(/* @vite-ignore */ specifier)) as typeof import('playwright-core');
    const browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
    return new ChromiumPdfPrinter(browser);
  }

  async print(html: string, options: PdfPrintOptions): Promise<Uint8Array> {
    const page = await this.browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: options.footerTemplate,
        outline: true,
        tagged: true,
      });
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
