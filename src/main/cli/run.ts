import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromInterchange } from '../../core/interchange';
import { UserError } from '../../shared/api';
import { fileError, readRegularFile } from '../services/store/file-header';
import { createI18n, languageFromEnv } from '../../shared/i18n';
import { COMMANDS, type CommandContext } from './commands';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes: 0 done, 1 a check found errors, 2 the command failed or was misused. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const i18n = createI18n(languageFromEnv(io.env));
  const [name, ...rest] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`${i18n.t('cli:usage', { commands: Object.keys(COMMANDS).join(', ') })}\n`);
    return 2;
  }
  const context: CommandContext = {
    io,
    resolvePath: (path) => resolve(io.cwd, path),
    printJson: (value) => io.stdout(`${JSON.stringify(value, null, 2)}\n`),
  };
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run(parsed.positionals, parsed.values as Record<string, string | boolean | undefined>, context);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`${i18n.t(error.code, error.params)}\n`);
      return 2;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${i18n.t('cli:badArguments', { detail: error.message, usage: command.usage })}\n`);
      return 2;
    }
    io.stderr(`${i18n.t('errors:internal')}\n`);
    if (io.env.BUDGET_DESK_DEBUG) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
    return 2;
  }
}

/** Helpers shared by the commands. */
export function readInterchangeFile(path: string) {
  if (!existsSync(path)) throw new UserError('cli:fileNotFound', { path });
  let bytes: Buffer;
  try {
    bytes = readRegularFile(path);
  } catch (error) {
    throw fileError(path, error);
  }
  const text = decodeUtf8(bytes, path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError('cli:notJson', { path, detail: error instanceof Error ? error.message : String(error) });
  }
  const parsed = fromInterchange(value);
  if (!parsed.ok) {
    const detail = parsed.issues.slice(0, 20).map((issue) => `${issue.path}: ${issue.message}`).join('\n');
    throw new UserError('cli:invalidInterchange', { path, count: parsed.issues.length, detail });
  }
  return parsed.workbook;
}

/**
 * The interchange format is UTF-8 (docs/interchange.md). A byte-order mark (as Windows Notepad
 * writes one) is skipped; anything else that is not UTF-8 is refused, naming the encoding it looks
 * like (UTF-16, GB18030) — never read as mojibake or with U+FFFD put in silently.
 */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0xef, 0xbb, 0xbf)) bytes = bytes.subarray(3);
  else if (starts(0xff, 0xfe) || starts(0xfe, 0xff) || looksLikeUtf16(bytes)) throw new UserError('cli:notUtf8', { path, encoding: 'UTF-16' });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      throw new UserError('cli:notUtf8', { path, encoding: 'GB18030 (GBK)' });
    } catch (error) {
      if (error instanceof UserError) throw error;
    }
    throw new UserError('cli:notUtf8', { path, context: 'unknown', offset });
  }
}

/** UTF-16 without a mark: ASCII-heavy text (as JSON is) has a zero byte in every other place. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 1024);
  if (sample.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index += 1) {
    if (sample[index] !== 0) continue;
    if (index % 2 === 0) evenZeros += 1;
    else oddZeros += 1;
  }
  return Math.max(evenZeros, oddZeros) >= sample.length / 4;
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence (for the message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return index;
}

export function writeText(path: string, text: string) {
  writeFileSync(path, text, 'utf8');
}


