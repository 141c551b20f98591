/**
 * The maintainer's guide shows real things: its validator output is what the validator prints for
 * the breakage it describes, and its worked indicator (source row, CSV, schema, metric
 * declaration) passes validation and yields a value for every ward.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMetricSpecs } from '../../src/lib/schema/metric-spec.ts';
import { deriveWardMetrics } from '../../src/lib/derive/ward-metrics.ts';
import { formatProblem, sortProblems } from '../../src/lib/problems.ts';
import { runGate } from '../../src/lib/pipeline.ts';
import { contactsSection } from '../../src/lib/present/contacts.ts';
import { loadSiteData } from '../../src/lib/site-data.ts';

const guide = readFileSync('docs/maintainer-guide.md', 'utf8');
/** The fenced block that follows `<!-- example: name -->`. */
const example = (name: string) => {
  const m = new RegExp(`<!-- example: ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(guide);
  if (!m) throw new Error(`no example "${name}" in the guide`);
  return m[1]!;
};

const work = mkdtempSync(join(tmpdir(), 'guide-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const copyOfData = (name: string) => {
  const root = join(work, name);
  cpSync('data', join(root, 'data'), { recursive: true });
  return root;
};

describe('docs/maintainer-guide.md', () => {
  it('shows the validator output of the breakage it describes', () => {
    const root = copyOfData('broken');
    const population = join(root, 'data', 'population.csv');
    // Saved by Excel as "CSV UTF-8": a byte-order mark and CRLF line ends, then the row as described.
    const text = readFileSync(population, 'utf8').replace('14103,2015-01-01,97711,9234,9.5', '14103,2015/1/1,"97,711",9234人,9.5');
    writeFileSync(population, '\uFEFF' + text.replace(/\n/g, '\r\n'));
    const care = join(root, 'data', 'care_need_certified.csv');
    writeFileSync(care, readFileSync(care, 'utf8').replace('14103,2015-01-01,3797', '14199,2015-01-01,3797'));

    const shown = sortProblems(runGate(join(root, 'data'), root).problems).map(formatProblem);
    // The summary line counts the tables of the day; the problem lines must match exactly.
    const documented = example('validate-output').split('\n').filter((l) => !l.startsWith('data: '));
    expect(shown).toEqual(documented);
  });

  it('has a worked indicator that validates and gives every ward a value', () => {
    const root = copyOfData('indicator');
    const data = join(root, 'data');
    writeFileSync(join(data, 'sources.csv'), readFileSync(join(data, 'sources.csv'), 'utf8') + example('data/sources.csv') + '\n');
    writeFileSync(join(data, 'care_manager_offices.csv'), example('data/care_manager_offices.csv') + '\n');
    writeFileSync(join(data, 'care_manager_offices.schema.json'), example('data/care_manager_offices.schema.json'));
    const declared = JSON.parse(example('data/metrics.json entry'));
    const metrics = [...JSON.parse(readFileSync(join(data, 'metrics.json'), 'utf8')), declared];
    writeFileSync(join(data, 'metrics.json'), JSON.stringify(metrics, null, 2));

    const result = runGate(data, root);
    expect(result.problems.map(formatProblem)).toEqual([]);
    const specs = parseMetricSpecs(metrics);
    const spec = specs.find((s) => s.id === 'care_manager_offices_per_10k_aged_75')!;
    const wards = deriveWardMetrics(result.tables, [spec]).wards;
    expect(wards).toHaveLength(18);
    expect(wards.every((w) => w.value !== null && w.rank !== null)).toBe(true);
    // 鶴見区: 95 offices / 24,460 aged 75+ × 10,000 = 38.84.
    expect(wards.find((w) => w.area_code === '14101')!.value).toBeCloseTo((95 / 24460) * 10000, 10);
  });

  it('adds a city’s contact rows that validate and appear on its wards’ pages, and shows what a badly written phone number gives', () => {
    const root = join(work, 'contacts');
    const data = join(root, 'data');
    cpSync('test/fixtures/city-shiomi', data, { recursive: true });
    cpSync('data/contacts.schema.json', join(data, 'contacts.schema.json'));
    writeFileSync(join(data, 'sources.csv'), readFileSync(join(data, 'sources.csv'), 'utf8') + example('contacts sources.csv') + '\n');
    const header = readFileSync('data/contacts.csv', 'utf8').split('\n')[0]!;
    const rows = example('data/contacts.csv rows');
    writeFileSync(join(data, 'contacts.csv'), `${header}\n${rows}\n`);
    expect(runGate(data, root).problems.map(formatProblem)).toEqual([]);
    const site = loadSiteData(data);
    const hamakita = contactsSection(site, '47101', 'ja')!;
    expect(hamakita.entries).toHaveLength(1);
    expect(hamakita.entries[0]!.facts.map((f) => f.kind)).toEqual(['address', 'phone', 'hours']);
    // The second row gives no details: its page says which are missing.
    expect(contactsSection(site, '47102', 'ja')!.missing).toContain('電話番号');

    writeFileSync(join(data, 'contacts.csv'), `${header}\n${rows.replace('000-0000-0001', '000 0000 0001')}\n`);
    const shown = sortProblems(runGate(data, root).problems).map(formatProblem);
    expect(shown).toEqual(example('contacts validate-output').split('\n'));
  });

  it('has a worked consistency rule that checks the printed total, and finds it wrong when it is', () => {
    const root = copyOfData('rule');
    const data = join(root, 'data');
    const write = (total: string) => {
      writeFileSync(join(data, 'sources.csv'), readFileSync(join('data', 'sources.csv'), 'utf8') + example('data/sources.csv') + '\n');
      writeFileSync(join(data, 'care_manager_offices.csv'), example('data/care_manager_offices.csv') + '\n');
      writeFileSync(join(data, 'care_manager_offices.schema.json'), example('data/care_manager_offices.schema.json'));
      writeFileSync(join(data, 'document_figures.csv'), readFileSync(join('data', 'document_figures.csv'), 'utf8') + example('data/document_figures.csv').replace(',1235,', `,${total},`) + '\n');
      const rules = [...JSON.parse(readFileSync(join('data', 'consistency.json'), 'utf8')), JSON.parse(example('data/consistency.json entry'))];
      writeFileSync(join(data, 'consistency.json'), JSON.stringify(rules, null, 2));
      return runGate(data, root);
    };
    const right = write('1235');
    expect(right.problems.map(formatProblem)).toEqual([]);
    const check = right.quality!.checks.at(-1)!;
    // The 18 wards of the example add up to 1,235.
    expect(check.findings.map((f) => [f.area, f.printed, f.recomputed, f.agrees])).toEqual([['14100', 1235, 1235, true]]);
    const wrong = write('1253').quality!.checks.at(-1)!;
    expect(wrong.findings.map((f) => [f.printed, f.recomputed, f.agrees])).toEqual([[1253, 1235, false]]);
  });

  it('names the commands that exist', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    for (const [, name] of guide.matchAll(/npm run (\w[\w:-]*)/g)) expect(scripts, name).toHaveProperty(name!);
  });
});
