/**
 * consistency.json against the tables it reads: a rule naming a table or column the folder lacks,
 * a column of the wrong type, or a relation by area or vintage between tables that do not declare
 * one, is an error at its line and column; a rule that checks nothing is a warning there.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, sortProblems } from '../../../src/lib/problems.ts';
import { runGate } from '../../../src/lib/pipeline.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const work = mkdtempSync(join(tmpdir(), 'rules-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Rule = Record<string, Record<string, unknown> & { table?: string; column?: string }>;
/** A copy of the frozen data with its rules edited; returns the problems and the rules file's text. */
function withRules(name: string, edit: (checks: { id: string; rules: Rule[] }[]) => void) {
  const dir = join(work, name, 'data');
  cpSync(frozenData, dir, { recursive: true });
  const checks = JSON.parse(readFileSync(join(dir, 'consistency.json'), 'utf8'));
  edit(checks);
  const text = JSON.stringify(checks, null, 2);
  writeFileSync(join(dir, 'consistency.json'), text);
  return { problems: sortProblems(runGate(dir, join(dir, '..')).problems).map(formatProblem), text };
}
/** Line and column (1-based) of `needle` in `text`, after each of `after` in turn: found here by searching the text. */
function placeOf(text: string, needle: string, ...after: string[]): string {
  let at = 0;
  for (const a of [...after, needle]) {
    at = text.indexOf(a, at);
    expect(at, a).toBeGreaterThanOrEqual(0);
  }
  const before = text.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

describe('rules naming what the tables do not have', () => {
  const { problems, text } = withRules('names', (checks) => {
    checks[0]!.rules[0]!.parts!.table = 'home_care_facility';
    checks[0]!.rules[1]!.parts!.column = 'support_hospital';
    checks[1]!.rules[0]!.numerator!.column = 'source_document';
    checks[10]!.rules[0]!.parts!.areas = 'wards';
    checks[15]!.rules[2]!.value!.vintage = 'same';
  });
  it('says where each is, in Japanese and English', () => {
    expect(problems).toEqual([
      `data/consistency.json:${placeOf(text, '"table": "home_care_facility"')}: error: /0/rules/0/parts/table: 表「home_care_facility」がありません / /0/rules/0/parts/table: there is no table "home_care_facility"`,
      `data/consistency.json:${placeOf(text, '"column": "support_hospital"')}: error: /0/rules/1/parts/column: 表「home_care_facilities」に列「support_hospital」がありません / /0/rules/1/parts/column: table "home_care_facilities" has no column "support_hospital"`,
      `data/consistency.json:${placeOf(text, '"column": "source_document"')}: error: /1/rules/0/numerator/column: home_care_facilitiesの列「source_document」は数値ではありません（文字列） / /1/rules/0/numerator/column: column "source_document" of home_care_facilities is not a number (string)`,
      `data/consistency.json:${placeOf(text, '"areas": "wards"', '"id": "budget-totals"')}: error: /10/rules/0/parts/areas: 表「budget_lines」に area_code 列がないため、地域で行を対応づけられません。"areas": "all" にしてください / /10/rules/0/parts/areas: table "budget_lines" has no area_code column, so rows cannot be related by area; write "areas": "all"`,
      `data/consistency.json:${placeOf(text, '"vintage": "same"', '"id": "yokosuka-surveys"', '"kind": "equals"')}: error: /15/rules/2/value/vintage: 表「survey_results」のスキーマに時点の列（vintage）がないため、時点で行を対応づけられません。"vintage": "all" にするか、スキーマに vintage を書いてください / /15/rules/2/value/vintage: table "survey_results" declares no vintage columns, so rows cannot be related by vintage; write "vintage": "all" or declare the schema's vintage`,
    ]);
  });
});

describe('a rule that matches no printed figure', () => {
  it('is a warning at the rule', () => {
    const { problems, text } = withRules('idle', (checks) => {
      checks[2]!.rules[0]!.printed!.where = { area_code: '99999' };
    });
    expect(problems).toEqual([
      // At the rule itself: the brace that opens it.
      `data/consistency.json:${placeOf(text, '{', '"id": "aged-75-share"', '"rules": [')}: warning: 検査「aged-75-share」の規則1は検査の対象がありません（当てはまる印字値がないか、比べる行がありません）。データ品質のページにもそう表示されます / rule 1 of check "aged-75-share" has nothing to check (no printed figure matches it, or none has rows to compare with); the data-quality page says so too`,
    ]);
  });
});
