/**
 * `npm run audit`: Lighthouse on the top, a comparison, a ward and the budget page of the built
 * site (dist/, or OUT_DIR), in Lighthouse's default mobile emulation, with the same headless
 * Chromium the tests use. Prints each page's four scores; the goals are performance ≥ 0.95 and
 * 1.0 for accessibility, best practices and SEO. Exit 1 when a goal is missed.
 */
import chromium from '@sparticuz/chromium';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from './lib/static-server.ts';

const site = process.env.OUT_DIR ?? 'dist';
const pages = ['/', '/compare/support_clinics_per_10k_population/', '/wards/14101/', '/budget/'];
const goals = { performance: 0.95, accessibility: 1, 'best-practices': 1, seo: 1 } as const;

const server = await serveStatic(site);
const chrome = await chromeLauncher.launch({
  chromePath: await chromium.executablePath(),
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic'],
});
let missed = 0;
try {
  console.log(['page', ...Object.keys(goals)].join('\t'));
  for (const path of pages) {
    const result = await lighthouse(server.url + path, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(goals) });
    const categories = result!.lhr.categories;
    const scores = Object.keys(goals).map((k) => categories[k]?.score ?? 0);
    console.log([path, ...scores.map((s) => s.toFixed(2))].join('\t'));
    Object.entries(goals).forEach(([k, goal], i) => {
      if (scores[i]! < goal) {
        missed++;
        const failing = Object.values(result!.lhr.audits).filter((a) => a.score !== null && a.score < 1 && (categories[k]?.auditRefs ?? []).some((r) => r.id === a.id && r.weight > 0));
        for (const a of failing.slice(0, 5)) console.log(`  ${k}: ${a.id} (${a.score}) ${a.title}`);
      }
    });
  }
} finally {
  await chrome.kill();
  await server.close();
}
console.log(missed === 0 ? 'all goals met' : `${missed} goal(s) missed`);
process.exitCode = missed === 0 ? 0 : 1;
