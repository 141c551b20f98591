/** The site's data files, for the check page to check a dropped file among (present/check-page.ts). */
import { buildContext } from '../../lib/build-context.ts';
import { checkReference } from '../../lib/present/check-page.ts';

export function GET() {
  return new Response(JSON.stringify(checkReference(buildContext().dataDir)));
}
