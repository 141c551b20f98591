/**
 * Time from declarations alone: a copy of data/ gains one vintage of two tables (rows only, no
 * schema, metric or page change), and the site draws trends: the ward page shows its value at both
 * dates and the change, the comparison page every ward's change, and the earlier figures stay
 * reachable. The 2016 figures below are test fixtures, not published data.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'vintage-'));
const data = join(work, 'data');
const out = join(work, 'site');

beforeAll(() => {
  cpSync('data', data, { recursive: true });
  // One more year: every ward as in 2015, except 鶴見区 (14101) with 25 clinics and 283,000 people.
  const add = (file: string, from: string, to: string, edit: (cells: string[]) => string[]) => {
    const text = readFileSync(join(data, file), 'utf8');
    const rows = text.trim().split('\n').slice(1).filter((l) => l.split(',')[1] === from && /^141(0[1-9]|1[0-8])$/.test(l.split(',')[0]!));
    writeFileSync(join(data, file), text + rows.map((l) => edit(l.split(',')).join(',').replace(from, to)).join('\n') + '\n');
  };
  add('population.csv', '2015-01-01', '2016-01-01', (c) => (c[0] === '14101' ? [c[0], c[1]!, '283000', c[3]!, c[4]!] : c));
  add('home_care_facilities.csv', '2015-10-31', '2016-10-31', (c) => (c[0] === '14101' ? [c[0], c[1]!, '25', ...c.slice(3)] : c));
  const r = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, DATA_DIR: data, OUT_DIR: out }, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const doc = (path: string) => parseHTML(readFileSync(join(out, path, 'index.html'), 'utf8')).document;

describe('a vintage added by rows only', () => {
  it('gives the ward page its value at both dates and the change', () => {
    const section = doc('wards/14101').querySelector('section[aria-labelledby="trends"]')!;
    expect(section).not.toBeNull();
    // 2015: 21 / 282,084 × 10,000 = 0.74 (over January 2015, as before: a later population does not
    // change it); 2016: 25 / 283,000 × 10,000 = 0.88; +0.14, +18.7 % of 0.7445.
    const rows = [...section.querySelectorAll('figure details tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows[0]!.slice(0, 2)).toEqual(['2015年10月31日', '0.74か所']);
    expect(rows[1]!.slice(0, 2)).toEqual(['2016年10月31日', '0.88か所']);
    expect(section.querySelector('figure h3')!.textContent).toBe('鶴見区の在宅療養支援診療所（人口1万人あたり）は、2015年10月31日の0.74か所から2016年10月31日の0.88か所へ増えました（+0.14（+18.7%））');
    const change = [...section.querySelectorAll(':scope > .table-wrap tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '在宅療養支援診療所（人口1万人あたり）')!;
    expect([...change.querySelectorAll('td')].map((c) => c.textContent)).toEqual(['0.74か所（2015年10月31日）', '0.88か所（2016年10月31日）', '+0.14（+18.7%）', '12 → 9']); // 0.88 passes 保土ケ谷 0.83, 金沢 0.79 and 旭 0.77, below 港北 0.91
  });
  it('gives the comparison page every ward’s change and keeps the earlier figures reachable', () => {
    const page = doc('compare/14100/support_clinics_per_10k_population');
    const section = page.querySelector('section[aria-labelledby="trend"]')!;
    const names = [...section.querySelectorAll('figure details tbody tr th')].map((th) => th.textContent);
    expect(names).toHaveLength(18);
    expect(names[0]).toBe('鶴見区'); // the only ward that changed, and it rose
    const earlier = section.querySelector('details#support-clinics-per-10k-population-20151031')!;
    expect(earlier.querySelector('summary')!.textContent).toBe('2015年10月31日時点');
    expect(earlier.querySelectorAll('tbody tr')).toHaveLength(19);
    // The ranked bars show the latest date.
    expect(page.body.textContent).toContain('時点：在宅療養支援診療所 2016年10月31日、人口 2016年1月1日');
  });
  it('draws no trend where a metric has one vintage', () => {
    expect(doc('compare/14100/hub_new_clients_per_month').querySelector('section[aria-labelledby="trend"]')).toBeNull();
  });
});
