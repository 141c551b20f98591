/** The data-quality report as JSON, for tools and for diffs between releases. */
import { loadSiteData } from '../lib/site-data.ts';

export function GET() {
  return new Response(JSON.stringify(loadSiteData().quality, null, 2));
}
