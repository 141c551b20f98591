/** The tables the site was built from, with their row counts: proof that no row was dropped. */
import { loadSiteData } from '../lib/site-data.ts';

export function GET() {
  const { tables } = loadSiteData();
  const list = [...tables.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((t) => ({ name: t.name, file: `data/${t.name}.csv`, rows: t.rows.length, columns: t.schema.fields.map((f) => f.name) }));
  return new Response(JSON.stringify({ tables: list }, null, 2));
}
