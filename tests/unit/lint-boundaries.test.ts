import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules must bite: each deliberate violation below is reported by `npm run lint`'s config. */
async function violations(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/core/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/core/bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['src/core/bad.ts', "import { apiMethods } from '../shared/api';\nexport const x = apiMethods;\n"],
    ['src/core/bad.ts', "import { useState } from 'react';\nexport const x = useState;\n"],
    ['src/core/bad.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    ['src/renderer/bad.ts', "import { WorkbookStore } from '../main/services/store';\nexport const x = WorkbookStore;\n"],
    ['src/main/services/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
  ])('%s: rejects %s', async (filePath, code) => {
    expect(await violations(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['src/core/ok.ts', "import { z } from 'zod';\nimport { FUND_TREE } from './funds';\nexport const x = [z, FUND_TREE];\n"],
    ['src/main/electron/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/preload/ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['src/renderer/ok.ts', "import { apiMethods } from '../shared/api';\nexport const x = apiMethods;\n"],
  ])('%s: allows %s', async (filePath, code) => {
    expect(await violations(filePath, code)).toEqual([]);
  });
});
