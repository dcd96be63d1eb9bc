import { RULES } from './rules';

/**
 * The rule list as a Markdown table, in RULES order: what docs/checks.md shows between its
 * "rules:begin" and "rules:end" markers (a unit test keeps the two equal).
 */
export function rulesMarkdownTable(): string {
  const escape = (text: string) => text.replaceAll('|', '\\|');
  const rows = RULES.map((rule) => {
    const scope = rule.scope === 'workbook' ? 'workbook' : `line: ${rule.collection}`;
    return `| \`${rule.id}\` | ${rule.severity} | ${scope} | \`${rule.messageKey}\` | ${escape(rule.description)} |`;
  });
  return ['| id | severity | scope | message | what it checks |', '|---|---|---|---|---|', ...rows].join('\n');
}
