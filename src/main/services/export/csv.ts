/** UTF-8 byte order mark: Excel opens a CSV as UTF-8 only when it starts with one. */
export const BOM = '\uFEFF';

/**
 * RFC 4180 CSV with CRLF line ends and a BOM. Text that a spreadsheet would run as a formula
 * (starting with = + @) is prefixed with an apostrophe; numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = /^[=+@]/.test(value) || /^-[^\d.]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
