/**
 * What one site build hands the pages it renders: the data folder and the release snapshots it
 * was given, the gate's result for that folder (so the pages do not validate and derive it a
 * second time), and the one object every file the pages add to the site goes through.
 *
 * scripts/build.ts runs Astro inside `inBuild(context, …)`. Astro prerenders the pages in the same
 * process, and astro.config.ts keeps src/lib and src/charts out of the pages' bundle, so the pages
 * import these very modules and read the context with `buildContext()`; an AsyncLocalStorage scopes
 * it to that one build's calls, so two builds in one process never see each other's. Outside a build
 * (the dev server, tests, the command-line scripts) there is none, and the defaults apply: data/,
 * releases/, nothing written.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** The contents of a file, or a function that makes them when the writer has room for it. */
export type FileContents = string | Uint8Array | (() => Promise<string | Uint8Array> | string | Uint8Array);

/**
 * Every file a build adds to its site beside Astro's own pages: each chart's SVG and embed page,
 * the preview cards. One object per build (src/lib/publish/build-effects.ts writes files; tests
 * pass one that keeps them in memory).
 */
export interface BuildEffects {
  /**
   * Queues `contents` for `file`, a path inside the site (`wards/14101/charts/ranking.svg`). The
   * promise settles once the queue has room again, so a caller that awaits it keeps at most the
   * writer's limit of files in memory. A file already queued in this build is not written again.
   */
  write(file: string, contents: FileContents): Promise<void>;
  /** Settles when every queued file is written; rejects with the first failure. */
  drain(): Promise<void>;
  /** Files written so far. */
  readonly count: number;
}

export interface BuildContext {
  /** The data folder the site is built from (absolute). */
  dataDir: string;
  /** The release snapshots the download folders are built from. */
  releasesDir: string;
  /** The path the site is served under (`/`, `/home-care/`); the pages' links start with it. */
  base?: string;
  /** The gate's result for `dataDir`, when the build ran it before Astro started. */
  gate?: { dataDir: string; result: unknown };
  effects: BuildEffects;
  /** The spreadsheet edition is written beside the pages (scripts/write-workbooks.ts), not by its route. */
  workbooksAside: boolean;
}

/** Writes nothing: outside a build, pages render without adding files. */
export const noEffects: BuildEffects = { write: async () => {}, drain: async () => {}, count: 0 };

const outsideBuild: BuildContext = { dataDir: 'data', releasesDir: 'releases', effects: noEffects, workbooksAside: false };
const current = new AsyncLocalStorage<BuildContext>();

/** Runs `build` with `context` as the build's context for every call it makes, however asynchronous. */
export const inBuild = <T>(context: BuildContext, build: () => T): T => current.run(context, build);

/** The context of the build this call belongs to, or the defaults outside one. */
export const buildContext = (): BuildContext => current.getStore() ?? outsideBuild;
