#!/usr/bin/env node
// Runs as the root package's preinstall script, so `npm ci` on a Node.js that is too old stops
// with a message instead of finishing: npm skips an optional native package (the bundler's and the
// Astro compiler's bindings) whose `engines` do not match the Node.js that runs npm, says nothing,
// and the build then fails with an error that sends people the wrong way. Every npm script runs on
// the project's own Node.js 24 (the `node` package), but the Node.js that runs `npm ci` decides
// what is installed. Plain CommonJS with no dependencies, so it runs on any Node.js.
'use strict';

// The native bindings installed as optional packages ask for this (see their `engines`).
const NEED = 'Node.js ^20.19.0 || >=22.12.0';

/** The Node.js version running npm: npm names it in its user agent; a lifecycle script's own `node` may be another one. */
function npmNode(env) {
  const m = /\bnode\/v?(\d+)\.(\d+)\.(\d+)/.exec(env.npm_config_user_agent || '');
  return m ? m.slice(1, 4).map(Number) : process.versions.node.split('.').map(Number);
}

const version = npmNode(process.env);
const [major, minor] = version;
const ok = (major === 20 && minor >= 19) || (major === 22 && minor >= 12) || major >= 23;
if (!ok) {
  const v = `v${version.join('.')}`;
  console.error(
    [
      `error: npm が使っている Node.js ${v} では、ビルドに必要な部品（ネイティブの optional パッケージ）が入りません。`,
      `  npm はそれを黙って飛ばし、あとで npm run build が失敗します。Node.js 20.19 以上か 22.12 以上（推奨: 24）を入れてから、`,
      `  npm ci をやり直してください（例: npm i -g node@24、または https://nodejs.org/ から）。`,
      `error: npm is running on Node.js ${v}, which cannot install the native optional packages the build needs`,
      `  (npm skips them without a word, and npm run build fails later). Install Node.js 20.19 or later, or 22.12 or later`,
      `  (24 recommended), then run npm ci again: for example \`npm i -g node@24\`, or from https://nodejs.org/.`,
      `  Needed: ${NEED}.`,
    ].join('\n'),
  );
  process.exit(1);
}
