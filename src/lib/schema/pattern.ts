/**
 * Schema `pattern` constraints, compiled once per pattern text with RE2's linear-time engine
 * (re2js, a pure JavaScript port of RE2): a cell is matched in time proportional to its length
 * whatever the pattern, so `(\S+)+` cannot hang validation the way a backtracking RegExp does.
 * RE2 has no lookaround or backreferences; a pattern using them is refused with the reason.
 */
import { RE2JS } from 're2js';

export type CompiledPattern = { ok: true; test(text: string): boolean } | { ok: false; reason: string };

const cache = new Map<string, CompiledPattern>();

/** The pattern anchored at both ends (Frictionless patterns match the whole cell). */
export function compilePattern(pattern: string): CompiledPattern {
  let compiled = cache.get(pattern);
  if (!compiled) {
    try {
      const re = RE2JS.compile(`^(?:${pattern})$`);
      compiled = { ok: true, test: (text: string) => re.matches(text) };
    } catch (err) {
      compiled = { ok: false, reason: err instanceof Error ? err.message : String(err) };
    }
    cache.set(pattern, compiled);
  }
  return compiled;
}
