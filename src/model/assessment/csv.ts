/**
 * CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break, quotes doubled), made safe to open in a spreadsheet. The two exports built on it
 * are csv-skills.ts and csv-key-results.ts (apart, so each page ships only its own).
 */

/**
 * Text a person typed could start with `=`, `+`, `-` or `@`, which spreadsheets run as a formula
 * ("CSV injection"); such cells get a leading apostrophe, which spreadsheets show as text.
 */
export function csvField(value: string, userText = false): string {
  const safe = userText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvDocument(header: string[], rows: { cells: string[]; userText: boolean[] }[]): string {
  const lines = [header.map((cell) => csvField(cell)), ...rows.map((row) => row.cells.map((cell, i) => csvField(cell, row.userText[i])))];
  return lines.map((cells) => `${cells.join(',')}\r\n`).join('');
}
