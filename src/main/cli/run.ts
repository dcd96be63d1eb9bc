import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fromInterchange } from '../../core/interchange';
import { UserError } from '../../shared/api';
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
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
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

export function writeText(path: string, text: string) {
  writeFileSync(path, text, 'utf8');
}


