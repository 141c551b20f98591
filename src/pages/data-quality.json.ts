/** The data-quality report as JSON, for tools and for diffs between releases. */
import { loadSiteData } from '../lib/site-data.ts';
import { siteLanguages } from '../lib/i18n/languages.ts';
import { qualityJson } from '../lib/present/quality-page.ts';

export function GET() {
  return new Response(JSON.stringify(qualityJson(loadSiteData(), siteLanguages().map((l) => l.code)), null, 2));
}
