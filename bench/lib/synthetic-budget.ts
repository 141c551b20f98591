/**
 * Budget rows for the fiscal years the real budget tables lack: lines scaled from the nearest real
 * year, funding in the statutory split, and a budget (and settlement) row in the history, each
 * year's total equal to the sum of its parts and each printed change equal to the difference from
 * the year before, as the tables' declared totals require.
 */
import type { Cell } from './csv-writer.ts';
import { stream } from './random.ts';
import { numberOf, type RealRecord, type RealTable } from './real-tables.ts';

export const SYNTHETIC_SOURCE = '合成データ（性能測定用） / synthetic data for benchmarks';

// Community-support programme split (national 38.5%, prefecture 19.25%, premiums 23%); the city's
// general funds take the rest so that the parts add up to the total exactly.
const STATUTORY: Record<string, number> = { national: 0.385, prefecture: 0.1925, care_insurance_premium: 0.23, city_bond: 0 };

type Row = Record<string, Cell>;

export interface SyntheticBudget {
  lines: Row[];
  funding: Row[];
  history: Row[];
}

const byYear = (table: RealTable | null) => {
  const out = new Map<number, RealRecord[]>();
  for (const r of table?.records ?? []) {
    const fy = Number(r.fiscal_year);
    out.set(fy, [...(out.get(fy) ?? []), r]);
  }
  return out;
};

const nearest = (years: number[], y: number) => [...years].sort((a, b) => Math.abs(a - y) - Math.abs(b - y) || a - b)[0]!;

/** Synthetic budget rows for every year of `years` that the real tables do not have. */
export function syntheticBudget(
  seed: number,
  years: readonly number[],
  real: { lines: RealTable | null; funding: RealTable | null; history: RealTable | null },
): SyntheticBudget {
  const out: SyntheticBudget = { lines: [], funding: [], history: [] };
  const realLines = byYear(real.lines);
  const realYears = [...realLines.keys()].sort((a, b) => a - b);
  if (realYears.length === 0) return out;
  const targets = years.filter((y) => !realLines.has(y)).sort((a, b) => a - b);

  // Line amounts of every year, real and synthetic, for the printed changes.
  const amounts = new Map<number, Map<string, number>>();
  for (const [fy, rows] of realLines) amounts.set(fy, new Map(rows.map((r) => [r.line_id!, numberOf(r, 'budget_thousand_yen') ?? 0])));
  const historyRows = real.history?.records ?? [];
  const historyTotal = (fy: number, kind: string) => numberOf(historyRows.find((r) => Number(r.fiscal_year) === fy && r.kind === kind), 'total_thousand_yen');

  // Totals known from the real tables: the lines' own and the history's budgets.
  const known = new Map<number, number>();
  for (const h of historyRows) if (h.kind === 'budget') known.set(Number(h.fiscal_year), numberOf(h, 'total_thousand_yen') ?? 0);
  for (const [fy, values] of amounts) known.set(fy, values.get('total') ?? [...values.values()].reduce((a, b) => a + b, 0));

  for (const fy of targets) {
    const r = stream(seed, `budget|${fy}`);
    const base = nearest(realYears, fy);
    const baseAmounts = amounts.get(base)!;
    const baseTotal = known.get(base)!;
    const near = nearest([...known.keys()], fy);
    const total = known.get(fy) ?? Math.round(known.get(near)! * 1.015 ** (fy - near) * (1 + r.normal(0, 0.03)));
    const parts = realLines.get(base)!.filter((t) => t.line_id !== 'total');
    const largest = parts.reduce((a, b) => ((baseAmounts.get(b.line_id!) ?? 0) > (baseAmounts.get(a.line_id!) ?? 0) ? b : a));
    const scaled = (noise: boolean) => {
      const values = new Map(parts.map((p) => [p.line_id!, Math.max(0, Math.round((baseAmounts.get(p.line_id!) ?? 0) * (total / baseTotal) * (noise ? 1 + r.normal(0, 0.03) : 1)))]));
      const others = [...values].filter(([id]) => id !== largest.line_id).reduce((a, [, v]) => a + v, 0);
      values.set(largest.line_id!, total - others);
      return values;
    };
    let values = scaled(true);
    if (values.get(largest.line_id!)! < 0) values = scaled(false);
    values.set('total', total);
    amounts.set(fy, values);
  }

  for (const fy of targets) {
    const values = amounts.get(fy)!;
    const before = amounts.get(fy - 1);
    const complete = before && [...values.keys()].every((id) => before.has(id));
    for (const t of realLines.get(nearest(realYears, fy))!)
      out.lines.push({
        ...t,
        fiscal_year: fy,
        budget_thousand_yen: values.get(t.line_id!),
        change_printed_thousand_yen: complete ? values.get(t.line_id!)! - before.get(t.line_id!)! : null,
        change_reason_ja: null,
        change_reason_en: null,
      });
  }

  // Funding for every year that has lines but no real funding rows, except a year whose real
  // history prints its general funds: the statutory split would contradict that printed figure.
  const realFunding = byYear(real.funding);
  const fundingYears = [...realFunding.keys()].sort((a, b) => a - b);
  const funds = new Map<number, Map<string, number>>();
  for (const [fy, rows] of realFunding) funds.set(fy, new Map(rows.map((r) => [r.funding_source!, numberOf(r, 'amount_thousand_yen') ?? 0])));
  const printedGeneral = (fy: number) => numberOf(historyRows.find((r) => Number(r.fiscal_year) === fy && r.kind === 'budget'), 'general_fund_and_bond_thousand_yen');
  const fundTargets = fundingYears.length ? targets.filter((fy) => !realFunding.has(fy) && printedGeneral(fy) === null) : [];
  for (const fy of fundTargets) {
    const total = amounts.get(fy)!.get('total')!;
    const template = realFunding.get(nearest(fundingYears, fy))!;
    const split = new Map<string, number>();
    for (const t of template) if (t.funding_source !== 'total') split.set(t.funding_source!, Math.round(total * (STATUTORY[t.funding_source!] ?? 0)));
    const others = [...split].filter(([k]) => k !== 'general_fund').reduce((a, [, v]) => a + v, 0);
    split.set('general_fund', total - others);
    split.set('total', total);
    funds.set(fy, split);
  }
  for (const fy of fundTargets) {
    const split = funds.get(fy)!;
    const before = funds.get(fy - 1);
    const complete = before && [...split.keys()].every((k) => before.has(k));
    for (const t of realFunding.get(nearest(fundingYears, fy))!)
      out.funding.push({
        ...t,
        fiscal_year: fy,
        amount_thousand_yen: split.get(t.funding_source!),
        change_printed_thousand_yen: complete ? split.get(t.funding_source!)! - before.get(t.funding_source!)! : null,
      });
  }

  // History: the budget of each synthetic year, and a settlement for each year already closed.
  const last = Math.max(...years);
  for (const fy of targets) {
    const total = amounts.get(fy)!.get('total')!;
    const split = funds.get(fy);
    const general = split ? (split.get('general_fund') ?? 0) + (split.get('city_bond') ?? 0) : null;
    if (historyTotal(fy, 'budget') === null)
      out.history.push({ fiscal_year: fy, kind: 'budget', total_thousand_yen: total, general_fund_and_bond_thousand_yen: general, source_location: SYNTHETIC_SOURCE });
    if (fy < last && historyTotal(fy, 'settlement') === null) {
      const settled = Math.round(total * stream(seed, `settlement|${fy}`).uniform(0.85, 0.93));
      out.history.push({ fiscal_year: fy, kind: 'settlement', total_thousand_yen: settled, general_fund_and_bond_thousand_yen: Math.round(settled * 0.1925), source_location: SYNTHETIC_SOURCE });
    }
  }
  return out;
}
