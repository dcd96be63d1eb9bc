/**
 * A template as people read it: objects and arrays that fit on one line stay on one line (a row's cells,
 * a header cell, a measure), the rest indent by two. Same data as JSON.stringify, only shorter to scroll.
 */
export function formatTemplateJson(value: unknown, width = 120): string {
  return `${format(value, '', width)}\n`;
}

function format(value: unknown, indent: string, width: number): string {
  const flat = inline(value);
  if (typeof value !== 'object' || value === null || indent.length + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((item) => inner + format(item, inner, width)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${format(item, inner, width + 0)}`).join(',\n')}\n${indent}}`;
}

/** One line with a space after each comma and colon. */
function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
