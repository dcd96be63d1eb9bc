import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The folder for the app's own small files (recent files, the bureau's templates): --config-dir, else
 * $BUDGET_DESK_CONFIG_DIR, else $XDG_CONFIG_HOME/budget-desk (~/.config/budget-desk). Electron uses its userData.
 */
export function defaultConfigDir(env: Record<string, string | undefined>, given?: string): string {
  return resolve(given ?? env.BUDGET_DESK_CONFIG_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'budget-desk'));
}
