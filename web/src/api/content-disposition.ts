// The file name a download's Content-Disposition header gives (RFC 6266):
// filename*= (percent-encoded, UTF-8) before filename=, quoted or not; any
// folder part dropped, so the name is only ever a name.

/** The name from `header`, or `fallback` when the header is missing or names nothing usable. */
export function fileNameFrom(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (extended) {
    const value = extended[1].trim().replace(/^"(.*)"$/, '$1');
    const encoded = value.replace(/^[A-Za-z0-9_-]*'[^']*'/, '');
    try {
      const name = baseName(decodeURIComponent(encoded));
      if (name) return name;
    } catch {
      // A malformed escape: fall through to the plain parameter.
    }
  }
  const plain = /(?:^|;)\s*filename\s*=\s*("((?:[^"\\]|\\.)*)"|[^;]*)/i.exec(header);
  if (plain) {
    const value = plain[2] !== undefined ? plain[2].replace(/\\(.)/g, '$1') : plain[1].trim();
    const name = baseName(value);
    if (name) return name;
  }
  return fallback;
}

function baseName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last === '.' || last === '..' ? '' : last.trim();
}
