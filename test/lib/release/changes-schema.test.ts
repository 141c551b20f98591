/** A release's changes.json as the gate reads it: each problem at its value, in both forms of the report. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/problems.ts';
import { checkReleaseChanges } from '../../../src/lib/release/changes-schema.ts';
import { readReleaseChanges } from '../../../src/lib/release/snapshots.ts';

const check = (json: string, version = '1.1.0') => checkReleaseChanges('releases/1.1.0/changes.json', new TextEncoder().encode(json), version).map(formatProblem);
const diff = (status: string) =>
  `{\n  "version": "1.1.0",\n  "previous": "1.0.0",\n  "data": { "tablesAdded": [], "tablesRemoved": [], "tables": [\n    { "table": "population", "status": "${status}", "rowsBefore": 18, "rowsAfter": 18, "columnsAdded": [], "columnsRemoved": [], "primaryKeyChanged": null, "rowsMatched": true, "added": [], "removed": [], "changed": [] }\n  ] },\n  "ranks": []\n}\n`;

describe('checkReleaseChanges', () => {
  it('accepts a first release and a diff against an earlier one', () => {
    expect(check('{ "version": "1.1.0", "previous": null, "tables": [{ "table": "areas", "rows": 20 }] }')).toEqual([]);
    expect(check(diff('changed'))).toEqual([]);
  });
  it('places a wrong value at its line and column', () => {
    // The table entry is on line 5; "status" starts at its column 30.
    expect(check(diff('edited'))).toEqual(['releases/1.1.0/changes.json:5:30: error: /data/tables/0/status: 使える値は added, removed, changed です / /data/tables/0/status: must be one of added, removed, changed']);
  });
  it('refuses the report of another release', () => {
    expect(check('{\n  "version": "1.0.9",\n  "previous": null,\n  "tables": []\n}')).toEqual([
      'releases/1.1.0/changes.json:2:3: error: /version: この変更の記録は版「1.0.9」のものです。フォルダの版「1.1.0」と一致しません / /version: this change report is of release "1.0.9", not of its folder\'s release "1.1.0"',
    ]);
  });
});

describe('readReleaseChanges', () => {
  const root = mkdtempSync(join(tmpdir(), 'changes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  it('reads a report saved with a byte-order mark, and none where there is none', () => {
    mkdirSync(join(root, '1.0.0'));
    writeFileSync(join(root, '1.0.0', 'changes.json'), '\uFEFF{ "version": "1.0.0", "previous": null, "tables": [] }');
    expect(readReleaseChanges(root, '1.0.0')).toEqual({ version: '1.0.0', previous: null, tables: [] });
    expect(readReleaseChanges(root, '2.0.0')).toBeNull();
  });
});
