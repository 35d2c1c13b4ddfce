// The command lines a Markdown file documents in its fenced shell blocks
// (```sh, ```bash, ```shell), split into words as a POSIX shell would, so a
// test can run README.md's examples as written.

export interface DocumentedCommand {
  /** The program: `beacon` (written `npx beacon`, `beacon` or `node dist/cli.js`), `curl`, `npm`, … */
  readonly program: string;
  /** The words after the program, quotes removed. */
  readonly args: readonly string[];
  /** The line as written (continuations joined, a trailing comment dropped). */
  readonly text: string;
  /** Environment variables an earlier `export` line of the same block set. */
  readonly exported: readonly string[];
  /** Set when the words hold shell syntax a plain argument list cannot carry (`$VAR`, `|`, `>`, `&&`, `;`, backticks). */
  readonly shellSyntax: boolean;
}

const SHELL_FENCE = /^(\s*)```(sh|bash|shell)\s*$/;
const FENCE = /^\s*```/;
const BEACON = [['npx', 'beacon'], ['beacon'], ['node', 'dist/cli.js']];

/**
 * Every command of the Markdown's shell blocks, in order.
 * @example documentedCommands('```sh\nnpx beacon metrics   # the catalog\n```')
 *   // [{ program: 'beacon', args: ['metrics'], text: 'npx beacon metrics', exported: [], shellSyntax: false }]
 */
export function documentedCommands(markdown: string): DocumentedCommand[] {
  const commands: DocumentedCommand[] = [];
  for (const block of shellBlocks(markdown)) {
    const exported: string[] = [];
    for (const line of logicalLines(block)) {
      const { words, shellSyntax, text } = splitWords(line);
      if (words.length === 0) continue;
      if (words[0] === 'export') {
        exported.push(...words.slice(1).map((w) => w.split('=')[0]));
        continue;
      }
      const prefix = BEACON.find((p) => p.every((word, i) => words[i] === word));
      const program = prefix ? 'beacon' : words[0];
      commands.push({ program, args: words.slice(prefix ? prefix.length : 1), text, exported: [...exported], shellSyntax });
    }
  }
  return commands;
}

/** The lines inside each shell fence, without the fence's own indentation. */
function shellBlocks(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] | undefined;
  let indent = 0;
  let inOtherFence = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (current !== undefined) {
      if (FENCE.test(line)) {
        blocks.push(current);
        current = undefined;
      } else current.push(line.slice(Math.min(indent, line.length - line.trimStart().length)));
      continue;
    }
    const open = SHELL_FENCE.exec(line);
    if (open && !inOtherFence) {
      current = [];
      indent = open[1].length;
    } else if (FENCE.test(line)) inOtherFence = !inOtherFence;
  }
  return blocks;
}

/** Joins `\` continuations and lines inside an open quote into one command line. */
function logicalLines(lines: readonly string[]): string[] {
  const result: string[] = [];
  let pending = '';
  for (const line of lines) {
    pending = pending === '' ? line : `${pending}\n${line}`;
    if (pending.endsWith('\\') && !openQuote(pending)) pending = pending.slice(0, -1);
    else if (!openQuote(pending)) {
      result.push(pending);
      pending = '';
    }
  }
  if (pending !== '') result.push(pending);
  return result;
}

function openQuote(text: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === undefined && c === '\\') i++;
    else if (quote === undefined && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = undefined;
  }
  return quote !== undefined;
}

/** Shell words: single quotes keep everything, double quotes keep all but `\"`, and `#` at a word's start begins a comment. */
export function splitWords(line: string): { words: string[]; shellSyntax: boolean; text: string } {
  const words: string[] = [];
  let word: string | undefined;
  let shellSyntax = false;
  let end = line.length;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const close = findClose(line, i + 1, c);
      const inner = line.slice(i + 1, close);
      if (c === '"' && /\$|`/.test(inner)) shellSyntax = true;
      word = (word ?? '') + (c === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner);
      i = close;
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      end = i;
      break;
    } else {
      if ('$|&;<>`()'.includes(c)) shellSyntax = true;
      if (c === '\\' && i + 1 < line.length) word = (word ?? '') + line[++i];
      else word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, shellSyntax, text: line.slice(0, end).replace(/\s+/g, ' ').trim() };
}

function findClose(line: string, from: number, quote: string): number {
  for (let i = from; i < line.length; i++) {
    if (quote === '"' && line[i] === '\\') i++;
    else if (line[i] === quote) return i;
  }
  throw new Error(`unclosed ${quote} in: ${line}`);
}
