/**
 * Addresses the site once published that now lead elsewhere: the moves the site configuration
 * declares (`redirects`), and each metric's comparison from before pages were grouped by city
 * (`compare/<metric>/`, now the first group's `compare/<group>/<metric>/`, as the stub page at
 * the old address says). A citation of an old address is followed through this list.
 */
import { pick, type Lang } from '../i18n.ts';
import type { SiteData } from '../site-data.ts';
import { translate } from '../i18n/translate.ts';
import { groupInfo, groupsOf } from './groups.ts';

export interface MovedPage {
  /** Old and new path inside the site, without the language prefix. */
  from: string;
  to: string;
  /** What is at the new address, where the move says. */
  label: string | null;
}

export function movedPages(site: SiteData, lang: Lang): MovedPage[] {
  const declared = site.config.redirects.map((r) => ({ from: r.from, to: r.to, label: null }));
  const first = groupsOf(site)[0];
  if (!first) return declared;
  const whole = groupInfo(site, first, lang).wholeName;
  const grouped = site.derived.specs.map((spec) => ({
    from: `compare/${spec.id}/`,
    to: `compare/${first}/${spec.id}/`,
    label: translate(lang, 'moved.comparingLabel', { label: pick(lang, spec.label), whole }),
  }));
  return [...declared, ...grouped];
}
