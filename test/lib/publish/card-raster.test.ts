/** Preview cards need a Japanese font: the one fontconfig has is used, and without one the build stops with a message in both languages. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const findFont = (env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./src/lib/publish/card-raster.ts'); console.log(m.japaneseFont());"], { env, encoding: 'utf8' });

describe('the preview cards’ font', () => {
  it('is a font fontconfig lists for Japanese', () => {
    const r = findFont(process.env);
    expect(r.status, r.stderr).toBe(0);
    const listed = spawnSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' }).stdout;
    expect(listed).toContain(r.stdout.trim());
  });

  it('is missing: an error in Japanese and English, not a card of empty boxes', () => {
    // A fontconfig configuration with no font folders: nothing covers Japanese.
    const dir = mkdtempSync(join(tmpdir(), 'fonts-'));
    writeFileSync(join(dir, 'fonts.conf'), `<?xml version="1.0"?><fontconfig><cachedir>${dir}</cachedir></fontconfig>`);
    const r = findFont({ ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('日本語フォントが見つかりません');
    expect(r.stderr).toContain('no Japanese font found');
    expect(r.stderr).toContain('fonts-noto-cjk');
  });
});
