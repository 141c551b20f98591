/**
 * The generator promise: a new indicator is a CSV, its schema and one metric declaration. Added to
 * a copy of data/ with no page code changed, it appears on its comparison page and on every ward
 * page. The figures below are test fixtures, not published data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'indicator-'));
const data = join(work, 'data');
const out = join(work, 'site');
const wards = Array.from({ length: 18 }, (_, i) => String(14101 + i));

beforeAll(() => {
  cpSync('data', data, { recursive: true });
  writeFileSync(join(data, 'dental_clinics.csv'), ['area_code,as_of,home_visit_dental_clinics', ...wards.map((w, i) => `${w},2015-10-31,${10 + i}`)].join('\n') + '\n');
  writeFileSync(
    join(data, 'dental_clinics.schema.json'),
    JSON.stringify({
      name: 'dental_clinics',
      title: { ja: '訪問歯科診療を行う歯科診療所', en: 'Dental clinics making home visits' },
      description: { ja: 'テスト用の指標', en: 'A test indicator' },
      sources: [{ document: 'yokohama-hub-report-2016', section: 'test fixture', asOf: '2015-10-31' }],
      vintage: ['as_of'],
      primaryKey: ['area_code', 'as_of'],
      foreignKeys: [{ fields: ['area_code'], reference: { resource: 'areas', fields: ['area_code'] } }],
      fields: [
        { name: 'area_code', type: 'string', title: { ja: '地域コード', en: 'Area code' }, constraints: { required: true, pattern: '[0-9]{5}' } },
        { name: 'as_of', type: 'date', title: { ja: '時点', en: 'As of' }, constraints: { required: true } },
        { name: 'home_visit_dental_clinics', type: 'integer', title: { ja: '訪問歯科診療所', en: 'Home-visit dental clinics' }, unit: { ja: 'か所', en: 'clinics' }, constraints: { minimum: 0 } },
      ],
    }),
  );
  const metrics = JSON.parse(readFileSync(join(data, 'metrics.json'), 'utf8'));
  metrics.push({
    id: 'dental_clinics_per_10k_aged_75',
    group: 'resources',
    label: { ja: '訪問歯科診療所（75歳以上人口1万人あたり）', en: 'Home-visit dental clinics per 10,000 aged 75+' },
    definition: { ja: '訪問歯科診療を行う歯科診療所の数を75歳以上人口で割り、1万をかけた値。', en: 'Dental clinics making home visits per 10,000 people aged 75+.' },
    numerator: { table: 'dental_clinics', column: 'home_visit_dental_clinics', label: { ja: '訪問歯科診療所', en: 'home-visit dental clinics' } },
    denominator: { table: 'population', column: 'aged_75_plus', label: { ja: '75歳以上人口', en: 'population aged 75+' } },
    unit: { ja: 'か所/75歳以上人口1万人', en: 'clinics per 10,000 aged 75+' },
    higherMeans: { ja: '訪問歯科の担い手が多い', en: 'more home-visit dentists' },
  });
  writeFileSync(join(data, 'metrics.json'), JSON.stringify(metrics, null, 2));
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: out }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const doc = (path: string) => parseHTML(readFileSync(join(out, path, 'index.html'), 'utf8')).document;

describe('an indicator added by declaration only', () => {
  it('gets its comparison page, ranked, with the city value', () => {
    const page = doc('compare/14100/dental_clinics_per_10k_aged_75');
    expect(page.querySelector('h1')!.textContent).toBe('訪問歯科診療所（75歳以上人口1万人あたり）（横浜市全体）');
    // 都筑区 (14118) has 27 clinics for 15,266 people aged 75+: 17.69, the highest.
    expect(page.querySelector('figure h2')!.textContent).toContain('最も多いのは都筑区の17.69か所');
    expect(doc('en/compare/14100/dental_clinics_per_10k_aged_75').querySelector('h1')!.textContent).toBe('Home-visit dental clinics per 10,000 aged 75+ (Yokohama City)');
  });
  it('appears on every ward page with its rank', () => {
    for (const ward of wards) {
      const row = [...doc(`wards/${ward}`).querySelectorAll('section[aria-labelledby="metrics"] tbody tr')].find((r) => r.querySelector('th')!.textContent === '訪問歯科診療所（75歳以上人口1万人あたり）');
      expect(row, ward).toBeDefined();
      expect(row!.querySelectorAll('td')[2]!.textContent, ward).toMatch(/^\d+\/18$/);
    }
  });
  it('is listed on the comparison index and the methodology page', () => {
    expect(doc('compare').body.textContent).toContain('訪問歯科診療所');
    expect(doc('methodology').body.textContent).toContain('訪問歯科診療所（75歳以上人口1万人あたり）');
  });
});
