/**
 * Files the pages add to the build's output in the background (the preview cards, drawn on
 * libvips' threads while the main thread goes on rendering pages); the build waits for all of
 * them at its end (src/integrations/background-writes.ts), so the site is published whole.
 *
 * Pages run in the build's server-side bundle, which has its own copy of this module, and the
 * integration loads another: both find the one registry on globalThis.
 */
interface Registry {
  pending: Set<Promise<unknown>>;
  failures: unknown[];
}
const registryKey = Symbol.for('zaitaku-iryo-dashboard.pending-writes');
function registry(): Registry {
  const store = globalThis as Record<symbol, Registry | undefined>;
  return (store[registryKey] ??= { pending: new Set(), failures: [] });
}

/** Lets the build wait for `write`; a failure is kept and thrown when the build waits. */
export function track(write: Promise<unknown>): void {
  const r = registry();
  const p = write.catch((err: unknown) => void r.failures.push(err)).finally(() => r.pending.delete(p));
  r.pending.add(p);
}

/** Waits until every tracked write is done; throws the first failure. */
export async function settle(): Promise<void> {
  const r = registry();
  while (r.pending.size) await Promise.all(r.pending);
  const [first] = r.failures.splice(0);
  if (first) throw first;
}
