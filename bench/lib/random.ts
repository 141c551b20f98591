/**
 * Seeded random numbers for synthetic data. Every figure draws from its own stream, named by what
 * it is for (`population|14101|2019`), so a value depends only on the seed and its name: tables
 * can be written in any order, one row at a time, and still come out the same.
 */

export interface Stream {
  /** Uniform in [0, 1). */
  next(): number;
  uniform(min: number, max: number): number;
  /** Normal with the given mean and standard deviation (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** Log-normal with the given median and the standard deviation of its logarithm. */
  logNormal(median: number, sigma: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** The stream for `name` under `seed`. */
export function stream(seed: number, name: string): Stream {
  // FNV-1a over the name, mixed with the seed, starts a mulberry32 generator.
  let h = 0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1);
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (mean: number, sd: number) => {
    const u = 1 - next(); // (0, 1]: log(0) must not happen
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal,
    logNormal: (median, sigma) => median * Math.exp(normal(0, sigma)),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** `value` limited to [min, max]. */
export const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
