/** The data-quality report as JSON, for tools and for diffs between releases: a finding, a rule, a disagreement per line. */
import { loadSiteData } from '../lib/site-data.ts';
import { siteLanguages } from '../lib/i18n/languages.ts';
import { qualityJson } from '../lib/present/quality-page.ts';
import { recordLines } from '../lib/publish/record-lines.ts';

export function GET() {
  return new Response(recordLines(qualityJson(loadSiteData(), siteLanguages().map((l) => l.code)), ['disagreements', 'rules', 'findings']));
}
