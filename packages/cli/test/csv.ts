// A strict RFC 4180 reader for the tests: CRLF between records, fields quoted when they hold a comma, a
// quote, CR or LF, and quotes doubled inside. Anything else (a bare LF, a stray quote) throws, so a test
// reading the CLI's CSV also checks that it is well-formed.
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  if (!text.endsWith('\r\n')) {
    throw new Error('CSV must end with CRLF');
  }
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) {
          throw new Error('unterminated quoted field');
        }
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') {
          throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
        }
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`expected , or CRLF at ${i}`);
    }
  }
  return rows;
}

/** The rows after the header, as objects keyed by the header's names. */
export function csvObjects(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(text);
  if (!header) {
    throw new Error('no header row');
  }
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`a row of ${row.length} fields under a header of ${header.length}`);
    }
  }
  return { header, rows: rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]!]))) };
}
