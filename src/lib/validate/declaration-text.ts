/**
 * The checks of a JSON declaration file (a table schema, metrics.json, the site configuration) on
 * its bytes: parsed with positions kept (jsonc-parser, in strict JSON mode), checked for duplicate
 * keys that JSON.parse would silently resolve, and checked against a zod schema. Every problem
 * names the file, the line and column of the offending node, and its JSON pointer. Reading the
 * file is validate-declaration.ts's; this part reads nothing, so the browser runs it too.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import type { Problem } from '../problems.ts';
import { messages, type MessageCode } from './messages.ts';

export type JsonPath = (string | number)[];

export interface DeclarationResult<T> {
  /** The checked value, or null when the file is missing, unreadable or invalid. */
  value: T | null;
  problems: Problem[];
  /** Line and column (1-based) of the node at `path`, or of its nearest existing ancestor. */
  at(path: JsonPath): { line: number; column: number };
}

/** The checks on bytes already read (the data folder's, tests, snapshots from git, the browser). */
export function checkDeclarationText<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S): DeclarationResult<z.output<S>> {
  const problems: Problem[] = [];
  const report = <C extends MessageCode>(line: number, column: number, code: C, args: Parameters<(typeof messages)[C]>[0]) =>
    problems.push({ file, line, column, severity: 'error', code, ...(messages[code] as (a: typeof args) => { ja: string; en: string })(args) });

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    report(1, 0, 'json-encoding', {});
    return { value: null, problems, at: () => ({ line: 1, column: 0 }) };
  }
  const position = positionsOf(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const at = (path: JsonPath) => {
    for (let n = path.length; n >= 0; n--) {
      const node = tree && findNodeAtLocation(tree, path.slice(0, n));
      if (node) return position(node.parent?.type === 'property' && node.parent.children?.[1] === node ? node.parent.offset : node.offset);
    }
    return { line: 1, column: 1 };
  };
  if (errors.length > 0 || !tree) {
    // After the first slip the parser recovers by guessing, so later errors are mostly echoes.
    for (const err of errors.slice(0, 1)) {
      const { line, column } = position(err.offset);
      report(line, column, 'json-syntax', { detail: printParseErrorCode(err.error) });
    }
    if (errors.length === 0) report(1, 1, 'json-syntax', { detail: 'ValueExpected' });
    return { value: null, problems, at };
  }

  for (const dup of duplicateKeys(tree)) {
    const { line, column } = position(dup.offset);
    report(line, column, 'json-duplicate-key', { key: dup.key, pointer: pointerOf(dup.path) });
  }
  if (problems.length > 0) return { value: null, problems, at };

  const result = schema.safeParse(nodeValue(tree), { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      // An unknown key is placed at the key itself, not at the object holding it.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = keys.length > 0 ? [...issue.path, keys[0]!] : issue.path;
      const { line, column } = at(path as JsonPath);
      report(line, column, 'declaration-error', { pointer: pointerOf(path as JsonPath), ...issueText(issue) });
    }
    return { value: null, problems, at };
  }
  return { value: result.data, problems, at };
}

/** RFC 6901 pointer of a path: `/0/numerator/table`. */
export function pointerOf(path: readonly (string | number | symbol)[]): string {
  if (path.length === 0) return '/';
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** The value of a parsed tree, built here so duplicate keys and positions were seen first. */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0]!.value as string, p.children![1] ? nodeValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function duplicateKeys(root: Node): { key: string; offset: number; path: JsonPath }[] {
  const found: { key: string; offset: number; path: JsonPath }[] = [];
  const walk = (node: Node, path: JsonPath) => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const key = String(prop.children![0]!.value);
        if (seen.has(key)) found.push({ key, offset: prop.offset, path });
        seen.add(key);
        if (prop.children![1]) walk(prop.children![1], [...path, key]);
      }
    } else if (node.type === 'array') (node.children ?? []).forEach((child, i) => walk(child, [...path, i]));
  };
  walk(root, []);
  return found;
}

function positionsOf(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

const typeJa: Record<string, string> = {
  string: '文字列', number: '数値', boolean: '真偽値（true/false）', array: '配列（[…]）', object: 'オブジェクト（{…}）', int: '整数',
};

/** A zod issue as a maintainer reads it, in both languages. */
function issueText(issue: z.core.$ZodIssue): { ja: string; en: string } {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { ja: '必須の項目がありません', en: 'required but missing' };
      return { ja: `${typeJa[issue.expected] ?? issue.expected}でなければなりません`, en: `must be ${issue.expected === 'int' ? 'an integer' : /^[aeiou]/.test(issue.expected) ? `an ${issue.expected}` : `a ${issue.expected}`}` };
    }
    case 'unrecognized_keys':
      return { ja: `使えないキーです（${issue.keys.join(', ')}）`, en: `unknown key (${issue.keys.join(', ')})` };
    case 'too_small':
      if (issue.origin === 'array') return { ja: `少なくとも${String(issue.minimum)}個必要です`, en: `needs at least ${String(issue.minimum)} items` };
      if (issue.origin === 'string') return { ja: '空にできません', en: 'cannot be empty' };
      return { ja: `${String(issue.minimum)}${issue.inclusive ? '以上' : 'より大きく'}なければなりません`, en: `must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}` };
    case 'too_big':
      return { ja: `${String(issue.maximum)}${issue.inclusive ? '以下' : '未満'}でなければなりません`, en: `must be ${issue.inclusive ? 'at most' : 'less than'} ${String(issue.maximum)}` };
    case 'invalid_format':
      return { ja: `書き方が決められた形式に合いません（${issue.message}）`, en: `does not have the required form (${issue.message})` };
    case 'invalid_value':
      return { ja: `使える値は ${issue.values.map(String).join(', ')} です`, en: `must be one of ${issue.values.map(String).join(', ')}` };
    case 'custom': {
      const params = issue.params as { pattern?: string; reason?: string; duplicateOf?: number; ja?: string } | undefined;
      // A declaration's own rule gives its Japanese beside its English message.
      if (params?.ja) return { ja: params.ja, en: issue.message };
      if (params?.pattern !== undefined) return messages['pattern-invalid']({ pattern: params.pattern, reason: params.reason ?? '' });
      if (params?.duplicateOf !== undefined)
        return { ja: `IDが /${params.duplicateOf}/id と重複しています`, en: `duplicate id, same as /${params.duplicateOf}/id` };
      const unknown = /^unknown field "(.*)"$/.exec(issue.message);
      if (unknown) return { ja: `列「${unknown[1]}」はfieldsにありません`, en: issue.message };
      if (issue.message === 'duplicate field name') return { ja: '列名が重複しています', en: issue.message };
      return { ja: issue.message, en: issue.message };
    }
    default:
      return { ja: `値が正しくありません（${issue.message}）`, en: issue.message };
  }
}
