import { describe, expect, it } from 'vitest';
import { sourceText } from '../../../src/lib/present/sources.ts';
import { loadSiteData } from '../../../src/lib/site-data.ts';
import { frozenData } from '../../fixtures/frozen-data.ts';

const { tables } = loadSiteData(frozenData);

describe('sourceText', () => {
  it('names a document once, with every date the figures use, oldest first', () => {
    // Clinics (as of 2015-10-31) per population (as of 2015-01-01): both from the hub report.
    const ja = sourceText(tables, ['home_care_facilities', 'population'], 'ja');
    const titles = ja.match(/「[^」]+」/g) ?? [];
    expect(titles.length).toBeGreaterThan(0);
    expect(new Set(titles).size).toBe(titles.length);
    expect(ja).toMatch(/^[^「]+「[^」]+」（2015年1月1日・2015年10月31日時点）、/);
    const en = sourceText(tables, ['home_care_facilities', 'population'], 'en');
    expect(en).toMatch(/^[^“]+“[^”]+” \(as of 1 Jan 2015 and 31 Oct 2015\); /);
  });

  it('keeps only the dates asked for', () => {
    expect(sourceText(tables, ['home_care_facilities', 'population'], 'ja', ['2015-01-01'])).toMatch(/^[^「]+「[^」]+」（2015年1月1日時点）/);
  });
});
