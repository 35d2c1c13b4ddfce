// Text Beacon stores from a request (settings, metric labels, goals, benchmark
// bands…) must be text every store can hold: no lone UTF-16 surrogate (a JSON
// escape such as "\ud800" makes one; UTF-8 cannot encode it) and no NUL. One
// check guards every such field, keys of nested objects included.

const NUL = '\u0000';

/**
 * The path of the first string (or object key) in `value` that cannot be
 * stored, with the reason; undefined when all can. Paths are written as users
 * write fields: `channel_rules[2].source`.
 *
 * @example unstorableText({ label: 'a\ud800' }) // → { field: 'label', message: 'holds a lone surrogate …' }
 */
export function unstorableText(value: unknown, path = ''): { field: string; message: string } | undefined {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const stack: [unknown, string][] = [[value, path]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === 'string') {
      const problem = textProblem(v);
      if (problem) return { field: at || '(body)', message: problem };
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${at}[${i}]`]);
    } else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        const field = at ? `${at}.${key}` : key;
        const problem = textProblem(key);
        if (problem) return { field, message: `has a name that ${problem}` };
        stack.push([(v as Record<string, unknown>)[key], field]);
      }
    }
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (!(text as unknown as { isWellFormed(): boolean }).isWellFormed()) return 'holds a lone surrogate (e.g. "\\ud800"), which is not valid Unicode text';
  if (text.includes(NUL)) return 'holds a NUL character';
  return undefined;
}
