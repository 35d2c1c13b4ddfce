// Reading cells of an exported row by header name: export headers vary in
// case and spacing between tool versions, so a row is looked up loosely, the
// first listed name present winning.

/** One row with its keys normalised once (trimmed, spaces collapsed, lower case). */
export class ExportRow {
  private readonly cells = new Map<string, { header: string; value: string }>();

  constructor(raw: Readonly<Record<string, unknown>>) {
    for (const [header, value] of Object.entries(raw)) {
      if (value === undefined || value === null) continue;
      const text = String(value).trim();
      if (text === '' || text === '--') continue;
      const key = normalizeHeader(header);
      if (!this.cells.has(key)) this.cells.set(key, { header: header.trim(), value: text });
    }
  }

  /**
   * The first non-empty cell among the names, with the header it was read from.
   * @example new ExportRow({ 'E-mail ': 'a@b.c' }).find(['Email', 'e-mail'])?.value // 'a@b.c'
   */
  find(names: readonly string[]): { header: string; value: string } | undefined {
    for (const name of names) {
      const cell = this.cells.get(normalizeHeader(name));
      if (cell !== undefined) return cell;
    }
    return undefined;
  }

  /** The first non-empty cell among the names. */
  get(names: readonly string[]): string | undefined {
    return this.find(names)?.value;
  }

  /** Every non-empty cell as [header as written, value]. */
  entries(): { header: string; value: string }[] {
    return [...this.cells.values()];
  }
}

/** @example normalizeHeader('  Became a  Lead Date') // 'became a lead date' */
export function normalizeHeader(header: string): string {
  return header.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * True when the cells name at least two of the headers: the header row of an
 * export, as opposed to a title line above it.
 */
export function namesKnownHeaders(cells: readonly string[], headers: readonly string[]): boolean {
  const known = new Set(headers.map(normalizeHeader));
  let found = 0;
  for (const cell of cells) if (known.has(normalizeHeader(cell)) && ++found >= 2) return true;
  return false;
}
