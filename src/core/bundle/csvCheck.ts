// Reading a bundle's CSV members: they must be exactly the view of manifest.json they claim to be
// (the same header and rows, cell by cell), and no cell may start like a spreadsheet formula.
// A spreadsheet user opens the CSV, not the manifest; what they see must be what was verified.
import { cellText, isFormulaLike, isPlainNumber, type CsvTable, type CsvValue } from './csv';
import { reject } from './types';

const show = (s: string) => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/**
 * RFC 4180 with LF line ends, strictly: a quote only around a whole cell (doubled inside), no CR
 * outside quotes. Iterative, and stops as soon as there are more rows or columns than expected.
 */
function parseCsv(text: string, member: string, maxRows: number, maxCols: number): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const n = text.length;
  const noFormula = (cell: string) => {
    if (isFormulaLike(cell))
      reject(
        'CSV_FORMULA',
        `Row ${records.length + 1}, column ${record.length + 1} starts like a spreadsheet formula (${show(cell)}); a bundle's CSV cells must not.`,
        member,
      );
  };
  const endField = (cell: string) => {
    const row = records.length + 1;
    noFormula(cell);
    record.push(cell);
    if (record.length > maxCols)
      reject(
        'CSV_MISMATCH',
        `Row ${row} has more columns than the manifest's results give (${maxCols}).`,
        member,
      );
  };
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === 0x22) {
      let out = '';
      let run = ++i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0)
          reject(
            'CSV_MALFORMED',
            `A quoted cell in row ${records.length + 1} is not closed.`,
            member,
          );
        if (text.charCodeAt(q + 1) === 0x22) {
          out += text.slice(run, q + 1);
          i = run = q + 2;
          continue;
        }
        cell = out + text.slice(run, q);
        i = q + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== 0x2c && next !== 0x0a)
        reject(
          'CSV_MALFORMED',
          `Row ${records.length + 1} has text after a closing quote; quotes must surround a whole cell.`,
          member,
        );
    } else {
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x2c || c === 0x0a) break;
        if (c === 0x22 || c === 0x0d) {
          noFormula(text.slice(start, i)); // the worse of the two, where a cell is both
          reject(
            'CSV_MALFORMED',
            c === 0x22
              ? `Row ${records.length + 1} has a quote inside an unquoted cell.`
              : `Row ${records.length + 1} has a carriage return outside quotes; lines must end with LF only.`,
            member,
          );
        }
        i++;
      }
      cell = text.slice(start, i);
    }
    endField(cell);
    if (i >= n || text.charCodeAt(i) === 0x0a) {
      records.push(record);
      record = [];
      if (records.length > maxRows)
        reject(
          'CSV_MISMATCH',
          `The CSV has more rows than the manifest's results (${maxRows - 1}).`,
          member,
        );
      i++;
    } else {
      i++; // the comma
      if (i >= n) endField(''); // "a,b," ends with an empty cell
    }
  }
  if (record.length > 0) records.push(record);
  return records;
}

function matches(cell: string, expected: CsvValue): boolean {
  if (typeof expected === 'number' && Number.isFinite(expected))
    return isPlainNumber(cell) && Number(cell) === expected;
  return cell === cellText(expected);
}

/**
 * Check one CSV member against the table the manifest's results give: header and every row,
 * cell by cell (text exactly as the writer neutralises it; numbers as the same double).
 */
export function checkCsvMember(member: string, bytes: Uint8Array, table: CsvTable): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return reject('CSV_MALFORMED', 'The CSV is not valid UTF-8.', member);
  }
  const width = table.header.length;
  const records = parseCsv(text, member, table.rows.length + 1, width);
  const header = records[0] ?? [];
  for (let c = 0; c < Math.max(width, header.length); c++) {
    if (header[c] !== cellText(table.header[c]))
      reject(
        'CSV_MISMATCH',
        `The header differs from the manifest's results at column ${c + 1}: ${show(header[c] ?? '(none)')} where ${show(cellText(table.header[c]) || '(none)')} was expected.`,
        member,
      );
  }
  if (records.length !== table.rows.length + 1)
    reject(
      'CSV_MISMATCH',
      `The CSV has ${records.length - 1} rows; the manifest's results give ${table.rows.length}.`,
      member,
    );
  table.rows.forEach((expected, r) => {
    const row = records[r + 1];
    if (row.length !== width)
      reject(
        'CSV_MISMATCH',
        `Row ${r + 2} has ${row.length} columns; the header has ${width}.`,
        member,
      );
    for (let c = 0; c < width; c++)
      if (!matches(row[c], expected[c]))
        reject(
          'CSV_MISMATCH',
          `Row ${r + 2}, column ${show(table.header[c])} says ${show(row[c])} where the manifest says ${show(cellText(expected[c]) || '(empty)')}.`,
          member,
        );
  });
}
