/**
 * RFC 4180 CSV, UTF-8 without a byte order mark (a BOM becomes part of the first column's name in Data
 * Package readers), CRLF line ends. Text that a spreadsheet would run as a formula (starting with = + @) is
 * prefixed with an apostrophe; numbers are written as they are.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

function field(value: string): string {
  const safe = /^[=+@]/.test(value) || /^-[^\d.]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
