/**
 * Where a municipality stands among its peers: for each peer group (the other designated cities,
 * similar areas), its position and value on the metrics its page leads with, against the group's
 * own value (Σ numerator / Σ denominator over the peers at the same date).
 */
import type { PeerGroup } from '../derive/peers.ts';
import { formatNumber, roundPeople } from '../format.ts';
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { areaName, metricView, MUNICIPAL_GROUP } from './groups.ts';
import { memo } from './views.ts';
import { formatValue } from './metric-text.ts';
import { translator, translate } from '../i18n/translate.ts';

/** 「同じ規模で高齢化が同程度の市町村（人口10万～20万人、75歳以上の割合が中位の3分の1）」 */
export function peerGroupName(group: PeerGroup, lang: Lang): string {
  return memo(group, `name|${lang}`, () => nameOfGroup(group, lang));
}

function nameOfGroup(group: PeerGroup, lang: Lang): string {
  if (group.kind === 'designated') return translate(lang, 'peers.otherDesignatedCities');
  const b = group.band!;
  const n = (v: number) => roundPeople(lang, v);
  const size = b.max === null ? translate(lang, 'peers.populationOrMore', { min: n(b.min) }) : b.min === 0 ? translate(lang, 'peers.populationUnder', { max: n(b.max) }) : translate(lang, 'peers.populationBetween', { min: n(b.min), max: n(b.max) });
  const third = translate(lang, `peers.third${b.third}`);
  return translate(lang, 'peers.similarMunicipalitiesThirdShare', { size, third });
}

export function peerStanding(site: SiteData, code: string, metricIds: readonly string[], lang: Lang) {
  const t = translator(lang);
  const groups = site.derived.peerGroups.get(code) ?? [];
  const rows: string[][] = [];
  for (const group of groups)
    for (const id of metricIds) {
      const stats = peerStats(site, group, id);
      const mine = stats?.byArea.get(code);
      if (!stats || !mine) continue;
      const { spec } = stats;
      const rank = mine.unstable ? null : stats.ranked.filter((v) => v > stats.shown(mine.value!)).length + 1;
      rows.push([
        peerGroupName(group, lang),
        pick(lang, spec.label),
        formatValue(mine.value, spec, lang),
        rank === null ? t('common.notRanked') : t('peers.rankAmong', { length: stats.ranked.length, rank }),
        `${formatValue(stats.whole, spec, lang)}${spec.denominator ? '' : t('peers.mean')}`,
      ]);
    }
  if (rows.length === 0) return null;
  const name = areaName(site.tables, code, lang);
  return {
    caption: t('peers.amongComparableAreas', { name }),
    head: [t('peers.compared'), t('common.measure'), t('common.thisArea'), t('common.rank'), t('peers.group')],
    rows,
    numeric: [false, false, true, true, true],
    groups: groups.map((g) => ({ name: peerGroupName(g, lang), members: memo(site.derived, `peer-names|${g.id}|${lang}`, () => g.members.map((m) => areaName(site.tables, m, lang))) })),
  };
}

/**
 * One peer group's figures for one metric, computed once per build: every member of a similar-areas
 * group shares them, and a national build has thousands of members.
 */
function peerStats(site: SiteData, group: PeerGroup, metricId: string) {
  return memo(site.derived, `peer-stats|${group.id}|${metricId}`, () => {
    const view = metricView(site, metricId, site.config.languages[0] as Lang, MUNICIPAL_GROUP);
    if (!view) return null;
    // The same rules as every comparison: the group's date, stable values only, equal displays tie.
    const peers = group.members.flatMap((m) => {
      const a = view.byArea.get(m);
      return a && !a.off_vintage && a.value !== null ? [a] : [];
    });
    if (peers.length < 2) return null;
    const shown = (v: number) => Number(v.toFixed(view.spec.digits));
    const ranked = peers.filter((a) => !a.unstable).map((a) => shown(a.value!));
    const num = peers.reduce((s, a) => s + (a.numerator ?? 0), 0);
    const den = view.spec.denominator ? peers.reduce((s, a) => s + (a.denominator ?? 0), 0) : peers.length;
    const whole = den > 0 ? (num / den) * (view.spec.denominator ? view.spec.scale : 1) : null;
    return { spec: view.spec, byArea: new Map(peers.map((a) => [a.area_code, a])), ranked, shown, whole };
  });
}
