// Parses custom-metric formulas such as "cost / leads" into a small syntax
// tree, and evaluates, prints, validates and expands them. Pure: a real
// recursive-descent parser, never JS eval or SQL text.
import { didYouMean } from '../core/closest.js';

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'metric'; id: string }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

type Op = '+' | '-' | '*' | '/';

export class FormulaError extends Error {
  constructor(message: string, readonly position: number) {
    super(message);
    this.name = 'FormulaError';
  }
}

const MAX_LENGTH = 500;
const MAX_DEPTH = 50;
const OPERAND = 'a metric id, a number or "("';
const OPERATORS: Record<string, Op> = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '/': '/', '÷': '/' };
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENT = /[a-z_][a-z0-9_]*/y;

// ---- tokenizer ----
interface Token {
  kind: 'number' | 'metric' | 'op' | '(' | ')' | 'end';
  text: string;
  pos: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (Object.hasOwn(OPERATORS, ch) || ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' || ch === ')' ? ch : 'op', text: ch, pos: i++ });
      continue;
    }
    const kind = /[0-9.]/.test(ch) ? 'number' : 'metric';
    const pattern = kind === 'number' ? NUMBER : IDENT;
    pattern.lastIndex = i;
    const match = pattern.exec(text);
    if (!match) {
      const char = String.fromCodePoint(text.codePointAt(i)!);
      const hint = /[A-Z]/.test(char) ? ' — metric ids are lower-case' : '';
      throw new FormulaError(`unknown character "${char}" at position ${i}${hint}`, i);
    }
    tokens.push({ kind, text: match[0], pos: i });
    i += match[0].length;
  }
  tokens.push({ kind: 'end', text: '', pos: text.length });
  return tokens;
}

function unexpected(token: Token, expected: string): FormulaError {
  const what = token.kind === 'end' ? 'unexpected end of formula' : `unexpected "${token.text}" at position ${token.pos}`;
  return new FormulaError(`${what} — expected ${expected}`, token.pos);
}

// ---- parser: sum := product (("+"|"-") product)*; product := unary (("*"|"/") unary)*;
//              unary := "-" unary | primary; primary := number | metric | "(" sum ")" ----
class Parser {
  private next = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  formula(): FormulaNode {
    const node = this.sum();
    if (this.peek().kind !== 'end') throw unexpected(this.peek(), 'an operator');
    return node;
  }

  private peek(): Token {
    return this.tokens[this.next];
  }

  private takeOp(ops: readonly Op[]): Op | null {
    const token = this.peek();
    if (token.kind !== 'op' || !ops.includes(OPERATORS[token.text])) return null;
    this.next++;
    return OPERATORS[token.text];
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_DEPTH) {
      throw new FormulaError(`formula is nested too deeply at position ${token.pos} (max depth ${MAX_DEPTH})`, token.pos);
    }
  }

  private sum(): FormulaNode {
    let left = this.product();
    for (let op = this.takeOp(['+', '-']); op; op = this.takeOp(['+', '-'])) {
      left = { kind: 'binary', op, left, right: this.product() };
    }
    return left;
  }

  private product(): FormulaNode {
    let left = this.unary();
    for (let op = this.takeOp(['*', '/']); op; op = this.takeOp(['*', '/'])) {
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): FormulaNode {
    const token = this.peek();
    if (!this.takeOp(['-'])) return this.primary();
    this.enter(token);
    const operand = this.unary();
    this.depth--;
    return { kind: 'negate', operand };
  }

  private primary(): FormulaNode {
    const token = this.tokens[this.next++];
    if (token.kind === 'number') {
      const value = Number(token.text);
      if (!Number.isFinite(value)) throw new FormulaError(`number "${token.text}" at position ${token.pos} is out of range`, token.pos);
      return { kind: 'number', value };
    }
    if (token.kind === 'metric') return { kind: 'metric', id: token.text };
    if (token.kind !== '(') throw unexpected(token, OPERAND);
    this.enter(token);
    const inner = this.sum();
    const close = this.tokens[this.next++];
    if (close.kind === 'end') throw unexpected(close, `")" to close "(" at position ${token.pos}`);
    if (close.kind !== ')') throw unexpected(close, 'an operator or ")"');
    this.depth--;
    return inner;
  }
}

export function parseFormula(text: string): FormulaNode {
  if (text.length > MAX_LENGTH) {
    throw new FormulaError(`formula is too long: ${text.length} characters (max ${MAX_LENGTH})`, MAX_LENGTH);
  }
  const tokens = tokenize(text);
  if (tokens[0].kind === 'end') throw new FormulaError('empty formula', 0);
  return new Parser(tokens).formula();
}

// ---- using a parsed formula ----
export function formulaMetricIds(node: FormulaNode): string[] {
  const ids = new Set<string>();
  const walk = (n: FormulaNode): void => {
    if (n.kind === 'metric') ids.add(n.id);
    else if (n.kind === 'negate') walk(n.operand);
    else if (n.kind === 'binary') {
      walk(n.left);
      walk(n.right);
    }
  };
  walk(node);
  return [...ids];
}

const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function evaluateFormula(node: FormulaNode, values: (id: string) => number | null): number | null {
  switch (node.kind) {
    case 'number':
      return finite(node.value);
    case 'metric': {
      const value = values(node.id);
      return value === null ? null : finite(value);
    }
    case 'negate': {
      const value = evaluateFormula(node.operand, values);
      return value === null ? null : -value;
    }
    case 'binary': {
      const left = evaluateFormula(node.left, values);
      const right = left === null ? null : evaluateFormula(node.right, values);
      if (left === null || right === null) return null;
      if (node.op === '/') return right === 0 ? null : finite(left / right);
      return finite(node.op === '+' ? left + right : node.op === '-' ? left - right : left * right);
    }
  }
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };
const precedence = (node: FormulaNode): number => (node.kind === 'binary' ? PRECEDENCE[node.op] : 3);
const wrap = (node: FormulaNode, parens: boolean): string => (parens ? `(${formatFormula(node)})` : formatFormula(node));

export function formatFormula(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'metric':
      return node.id;
    case 'negate':
      return `-${wrap(node.operand, node.operand.kind === 'binary')}`;
    case 'binary': {
      const p = PRECEDENCE[node.op];
      // Left-associative: a right operand of equal precedence needs parentheses.
      return `${wrap(node.left, precedence(node.left) < p)} ${node.op} ${wrap(node.right, precedence(node.right) <= p)}`;
    }
  }
}

// ---- validating and expanding a set of custom metrics ----
export interface CustomMetricDraft {
  id: string;
  formula: string;
}

export interface FormulaProblem {
  id: string;
  message: string;
}

const CUSTOM_ID = /^[a-z][a-z0-9_]{0,63}$/;

const EVERY_METRIC = '(beacon metrics, or GET /v1/catalog, lists every metric)';

export function checkCustomMetrics(drafts: readonly CustomMetricDraft[], catalogIds: ReadonlySet<string>): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const draftIds = new Set(drafts.map((draft) => draft.id));
  const references = new Map<string, string[]>(); // custom id → custom ids its formula uses
  const seen = new Set<string>();
  for (const { id, formula } of drafts) {
    if (!CUSTOM_ID.test(id)) {
      problems.push({ id, message: `invalid metric id "${id}": use 1–64 lower-case letters, digits or "_", starting with a letter` });
    }
    if (catalogIds.has(id)) problems.push({ id, message: `"${id}" is already a catalog metric` });
    const duplicate = seen.has(id);
    if (duplicate) problems.push({ id, message: `duplicate metric id "${id}"` });
    seen.add(id);
    let node: FormulaNode;
    try {
      node = parseFormula(formula);
    } catch (error) {
      if (!(error instanceof FormulaError)) throw error;
      problems.push({ id, message: `formula does not parse: ${error.message}` });
      continue;
    }
    const ids = formulaMetricIds(node);
    for (const ref of ids) {
      if (!catalogIds.has(ref) && !draftIds.has(ref)) {
        problems.push({ id, message: `unknown metric "${ref}"${didYouMean(ref, catalogIds)} ${EVERY_METRIC}` });
      }
    }
    if (!duplicate && !catalogIds.has(id)) references.set(id, ids.filter((ref) => draftIds.has(ref) && !catalogIds.has(ref)));
  }
  return [...problems, ...findCycles(references)];
}

function findCycles(references: ReadonlyMap<string, string[]>): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const state = new Map<string, 'active' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 'active');
    path.push(id);
    for (const ref of references.get(id) ?? []) {
      if (state.get(ref) === 'active') {
        const cycle = [...path.slice(path.indexOf(ref)), ref];
        problems.push({ id: ref, message: `circular definition: ${cycle.join(' → ')}` });
      } else if (!state.has(ref) && references.has(ref)) {
        visit(ref);
      }
    }
    path.pop();
    state.set(id, 'done');
  };
  for (const id of references.keys()) if (!state.has(id)) visit(id);
  return problems;
}

export function expandFormula(id: string, drafts: ReadonlyMap<string, FormulaNode>): FormulaNode {
  const expanded = new Map<string, FormulaNode>();
  const active = new Set<string>();
  const expandId = (ref: string): FormulaNode => {
    const done = expanded.get(ref);
    if (done) return done;
    const node = drafts.get(ref);
    if (!node) throw new Error(`unknown custom metric "${ref}"`);
    if (active.has(ref)) throw new Error(`circular definition through "${ref}"`);
    active.add(ref);
    const result = expand(node);
    active.delete(ref);
    expanded.set(ref, result);
    return result;
  };
  const expand = (node: FormulaNode): FormulaNode => {
    switch (node.kind) {
      case 'number':
        return node;
      case 'metric':
        return drafts.has(node.id) ? expandId(node.id) : node;
      case 'negate':
        return { kind: 'negate', operand: expand(node.operand) };
      case 'binary':
        return { kind: 'binary', op: node.op, left: expand(node.left), right: expand(node.right) };
    }
  };
  return expandId(id);
}

/**
 * Nodes of the formula written out as a tree, a part used twice counted twice,
 * without writing it out (a part shared by identity is measured once).
 *
 * @example treeSize(parseFormula('a + a * 2')) // → 5
 */
export function treeSize(node: FormulaNode, measured = new Map<FormulaNode, number>()): number {
  const known = measured.get(node);
  if (known !== undefined) return known;
  const size =
    node.kind === 'negate' ? 1 + treeSize(node.operand, measured)
    : node.kind === 'binary' ? 1 + treeSize(node.left, measured) + treeSize(node.right, measured)
    : 1;
  measured.set(node, size);
  return size;
}
