/** Metric declarations against what the site generates from them: ids it would shadow, values it could not print. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { metricSpec, type MetricSpec } from '../../../src/lib/schema/metric-spec.ts';
import { checkMetricIds, checkMetricRange } from '../../../src/lib/validate/validate-metrics.ts';

const label = { ja: 'ラベル', en: 'label' };
const spec = (id: string, more: Partial<Record<string, unknown>> = {}): MetricSpec =>
  metricSpec.parse({ id, group: 'resources', label, definition: label, unit: label, higherMeans: label, numerator: { table: 't', column: 'n', label }, ...more });
const at = (path: (string | number)[]) => ({ line: 10 * Number(path[0]), column: path[1] === 'scale' ? 5 : 3 });

describe('checkMetricIds', () => {
  it("refuses an id that is a comparison group's name or a family's generated count", () => {
    const specs = [spec('rate_a', { family: 'clinics' }), spec('municipalities'), spec('clinics_count'), spec('nurses_count')];
    expect(checkMetricIds('metrics.json', specs, ['municipalities'], at).map(formatProblem)).toEqual([
      'metrics.json:10:3: error: /1/id: 指標ID「municipalities」は比較グループの名前と同じです（compare/municipalities/ のページが重なります）。別のIDにしてください / /1/id: the metric id "municipalities" is the name of a comparison group (its page compare/municipalities/ would be hidden); choose another id',
      'metrics.json:20:3: error: /2/id: 指標ID「clinics_count」は系列「clinics」の件数の指標として自動で作られるIDと同じです。別のIDにしてください / /2/id: the metric id "clinics_count" is the id made for the count of the family "clinics"; choose another id',
    ]);
  });
});

describe('checkMetricRange', () => {
  it('refuses a value that cannot be printed exactly to its declared places, once per metric', () => {
    // 2^53 = 9007199254740992: 1e13 at 2 places is 1e15, exact; 1e14 at 2 places is 1e16, not.
    const specs = [spec('fine'), spec('huge'), spec('endless', { digits: 0 })];
    const values = [
      { metric_id: 'fine', city_code: '14100', area_code: '14101', value: 1e13 },
      { metric_id: 'huge', city_code: '14100', area_code: '14101', value: 12 },
      { metric_id: 'huge', city_code: '14100', area_code: '14102', value: 1e14 },
      { metric_id: 'huge', city_code: '14100', area_code: '14103', value: 2e14 },
      { metric_id: 'endless', city_code: 'municipalities', value: Infinity },
    ];
    expect(checkMetricRange('metrics.json', specs, values, at).map(formatProblem)).toEqual([
      'metrics.json:10:5: error: 指標「huge」の14102の値（100000000000000）は、小数2桁まで正確に表せる大きさを超えています。scale と分母を確かめてください / metric "huge" has a value for 14102 (100000000000000) too large to be shown exactly to 2 decimal places; check its scale and denominator',
      'metrics.json:20:5: error: 指標「endless」のmunicipalitiesの値（Infinity）は、小数0桁まで正確に表せる大きさを超えています。scale と分母を確かめてください / metric "endless" has a value for municipalities (Infinity) too large to be shown exactly to 0 decimal places; check its scale and denominator',
    ]);
  });
});
