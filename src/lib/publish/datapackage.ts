/**
 * The Frictionless Data Package descriptor (datapackage.json) for the published downloads: every
 * resource with its schema (types, units, keys), source, dates, license and the release.
 */
import { select } from '../dataset.ts';
import type { SiteData } from '../site-data.ts';
import { currentRelease, downloadTables } from './downloads.ts';

export function dataPackage(site: SiteData) {
  const release = currentRelease(site);
  const docs = new Map(select(site.tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  const license = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };
  return {
    profile: 'tabular-data-package',
    name: 'zaitaku-iryo-kaigo-renkei',
    title: '在宅医療・介護連携の統計（横浜市18区・横須賀市） / Home-care statistics (Yokohama wards and Yokosuka)',
    version: release.version,
    created: `${release.released_on}T00:00:00Z`,
    licenses: [license],
    sources: [...docs.values()].map((d) => ({ title: `${String(d.publisher_ja)}「${String(d.title_ja)}」 / ${String(d.title_en)}` })),
    resources: downloadTables(site).map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name.replace(/_/g, '-'),
      path: `${t.kind === 'derived' ? 'derived/' : ''}${t.name}.csv`,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8-sig',
      title: `${t.title.ja} / ${t.title.en}`,
      description: `${t.description.ja}\n${t.description.en}`,
      licenses: [license],
      // The specification wants a non-empty list or none at all.
      ...(t.sources.length
        ? {
            sources: t.sources.map((s) => {
              const d = docs.get(s.document);
              return { title: `${d ? String(d.title_ja) : s.document}: ${s.section}${s.asOf ? ` (as of ${s.asOf})` : ''}` };
            }),
          }
        : {}),
      dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
      schema: {
        fields: t.fields.map((f) => ({
          name: f.name,
          type: f.type,
          title: f.title.ja,
          description: f.title.en,
          ...(f.unit ? { unit: f.unit } : {}),
          ...(f.constraints ? { constraints: f.constraints } : {}),
        })),
        missingValues: [''],
        ...(t.primaryKey ? { primaryKey: t.primaryKey } : {}),
        ...(t.foreignKeys?.length
          ? { foreignKeys: t.foreignKeys.map((fk) => ({ fields: fk.fields, reference: { resource: fk.reference.resource === t.name ? '' : fk.reference.resource.replace(/_/g, '-'), fields: fk.reference.fields } })) }
          : {}),
      },
    })),
  };
}
