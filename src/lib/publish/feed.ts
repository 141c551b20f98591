/**
 * The Atom feed of data releases (RFC 4287): one entry per release with its note and a summary
 * of what changed, in Japanese and English, linking the update-history page. Readers that follow
 * the feed learn of each release without visiting the site.
 */
import { formatDate } from '../format.ts';
import { readReleaseChanges, releasesDir, type ReleaseChanges } from '../release/snapshots.ts';
import type { SiteData } from '../site-data.ts';
import { releasesOf } from '../release/folders.ts';
import { siteInfo } from './site-info.ts';

/** Where the site lives: the absolute URL of its root (with the base path), ending in `/`. */
export interface FeedPlace {
  root: string;
}

// XML 1.0 allows no control characters but tab and line breaks: a stray one in a note would make the feed unreadable.
// eslint-disable-next-line no-control-regex
const escape = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A release day as an RFC 3339 time: midnight in Japan, where releases are dated. */
const atomTime = (day: string) => `${day}T00:00:00+09:00`;

/** What a release changed, in one sentence per language. */
export function changeSummary(changes: ReleaseChanges | null): { ja: string; en: string } | null {
  if (!changes) return null;
  if (changes.previous === null) {
    const rows = changes.tables.reduce((n, t) => n + t.rows, 0);
    return { ja: `最初の版：${changes.tables.length}の表（計${rows}行）を公開。`, en: `First release: ${changes.tables.length} tables (${rows} rows).` };
  }
  const tables = changes.data.tables;
  if (tables.length === 0) return { ja: `版 ${changes.previous} からデータの変更はありません。`, en: `No data changed since release ${changes.previous}.` };
  const ja = tables.map((t) => `${t.table}（追加${t.added.length}行・削除${t.removed.length}行・変更${t.changed.length}行）`).join('、');
  const en = tables.map((t) => `${t.table} (${t.added.length} added, ${t.removed.length} removed, ${t.changed.length} changed)`).join('; ');
  const moves = changes.ranks.reduce((n, m) => n + m.moves.length, 0);
  return {
    ja: `版 ${changes.previous} からの変更：${ja}。順位の変動${moves}件。`,
    en: `Changes since release ${changes.previous}: ${en}. ${moves} rank ${moves === 1 ? 'change' : 'changes'}.`,
  };
}

/** The feed as XML text. */
export function releaseFeed(site: SiteData, place: FeedPlace, snapshots = releasesDir()): string {
  const info = siteInfo(site);
  const url = (path: string) => new URL(path, place.root).href;
  const releases = releasesOf(site).reverse();
  const updated = releases[0]?.releasedOn ?? '1970-01-01';
  const entries = releases.map((r) => {
    const anchor = `#v${r.version.replace(/\./g, '-')}`;
    const summary = changeSummary(readReleaseChanges(snapshots, r.version));
    const text = [r.noteJa, summary?.ja, '', r.noteEn, summary?.en].filter((s) => s !== undefined).join('\n');
    return [
      '  <entry>',
      `    <id>${escape(url(`releases/${anchor}`))}</id>`,
      `    <title>${escape(`版 ${r.version}（${formatDate(r.releasedOn)}） / Release ${r.version} (${formatDate(r.releasedOn, 'en')})`)}</title>`,
      `    <updated>${atomTime(r.releasedOn)}</updated>`,
      `    <link rel="alternate" type="text/html" hreflang="ja" href="${escape(url(`releases/${anchor}`))}"/>`,
      `    <link rel="alternate" type="text/html" hreflang="en" href="${escape(url(`en/releases/${anchor}`))}"/>`,
      `    <link rel="related" type="application/json" href="${escape(url(`downloads/v${r.version}/datapackage.json`))}"/>`,
      `    <summary type="text">${escape(text)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>${escape(url('releases/'))}</id>`,
    `  <title>${escape(`${info.title.ja} 更新履歴 / ${info.title.en}: releases`)}</title>`,
    `  <updated>${atomTime(updated)}</updated>`,
    `  <author><name>${escape(`${info.publisher.ja} / ${info.publisher.en}`)}</name></author>`,
    `  <rights>${escape(`${info.license.title} (${info.license.url})`)}</rights>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(url('feed.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="ja" href="${escape(url('releases/'))}"/>`,
    `  <link rel="alternate" type="text/html" hreflang="en" href="${escape(url('en/releases/'))}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
