/**
 * The Frictionless Data Package descriptor (datapackage.json) for the published downloads: every
 * resource with its schema (types, units, keys), size and hash, source, dates, license and the
 * release. Resources are UTF-8 without a BOM under their IANA name, as the specification asks,
 * so standard readers take them as published.
 */
import { select } from '../dataset.ts';
import type { SiteData } from '../site-data.ts';
import { booleanText } from './csv-safe.ts';
import { downloadTables } from './downloads.ts';
import { folderRelease } from '../release/folders.ts';
import { siteInfo } from './site-info.ts';
import { csvIntegrity, tableFile } from './table-files.ts';

export function dataPackage(site: SiteData) {
  const release = folderRelease(site);
  const info = siteInfo(site);
  const docs = new Map(select(site.tables, 'sources').map((r) => [String(r.row.document_id), r.row]));
  const license = { name: info.license.id, title: info.license.title, path: info.license.url };
  return {
    profile: 'tabular-data-package',
    name: 'zaitaku-iryo-kaigo-renkei',
    title: `${info.title.ja} / ${info.title.en}`,
    // Data changed since the release is that release plus unreleased edits: semver build metadata says so.
    version: release.released ? release.version : `${release.version}+unreleased`,
    ...(release.releasedOn ? { created: `${release.releasedOn}T00:00:00Z` } : {}),
    licenses: [license],
    sources: [...docs.values()].map((d) => ({ title: `${String(d.publisher_ja)}「${String(d.title_ja)}」 / ${String(d.title_en)}` })),
    resources: downloadTables(site).map((t) => ({
      profile: 'tabular-data-resource',
      name: t.name.replace(/_/g, '-'),
      path: tableFile(t, 'csv'),
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      ...csvIntegrity(t),
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
          ...(f.type === 'boolean' ? { trueValues: [booleanText.true], falseValues: [booleanText.false] } : {}),
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
