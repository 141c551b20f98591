/**
 * Terms of the glossary linked where they first appear on a page: a linker made once per page
 * splits each text it is given into plain runs and links, and links every term only the first
 * time it meets it, so a page reads as text with one way to each explanation.
 */
import { termIn, type GlossaryTerm } from '../glossary.ts';
import { numberLocale } from '../i18n/grammar.ts';
import type { Lang } from '../i18n.ts';

export interface Segment {
  text: string;
  /** The glossary entry's anchor, for a term's first occurrence on the page. */
  term?: string;
}

/**
 * The forms a term is written in: 「ケアマネジャー（ケアマネ）」 → ケアマネジャー, ケアマネ. A comma
 * separates forms only where it is not a thousands separator ("Per 10,000 people" is one form).
 */
export function termForms(term: string): string[] {
  return term
    .split(/[（）()・、/]|,(?!\d)/)
    .map((s) => s.trim())
    .filter((s) => [...s].length >= 2);
}

export function glossaryLinker(terms: readonly GlossaryTerm[], lang: Lang) {
  const seen = new Set<string>();
  const caseless = !hasCase(lang);
  // Longer forms first, so 在宅療養支援診療所 is found before any shorter term inside it.
  const forms = terms
    .flatMap((t) => termForms(termIn(t, lang).term).map((form) => ({ id: t.id, form })))
    .sort((a, b) => b.form.length - a.form.length);
  return (text: string): Segment[] => {
    const out: Segment[] = [];
    let rest = text;
    for (;;) {
      let best: { id: string; form: string; at: number; length: number } | null = null;
      // Terms already linked still take their text, so a shorter term inside one (支援 in
      // 在宅療養支援診療所) is never linked on its own.
      for (const f of forms) {
        const found = caseless ? { at: rest.indexOf(f.form), length: f.form.length } : wholeWord(rest, f.form);
        if (found.at >= 0 && (!best || found.at < best.at || (found.at === best.at && found.length > best.length))) best = { ...f, ...found };
      }
      if (!best) break;
      const before = rest.slice(0, best.at);
      const match = rest.slice(best.at, best.at + best.length);
      if (seen.has(best.id)) plain(out, before + match);
      else {
        if (before) plain(out, before);
        out.push({ text: match, term: best.id });
        seen.add(best.id);
      }
      rest = rest.slice(best.at + best.length);
    }
    if (rest) plain(out, rest);
    return out;
  };
}

const wordChar = /[\p{L}\p{N}]/u;
// A plural ending a term may take: "care managers" is linked whole, as one word.
const plural = /^(?:e?s)(?![\p{L}\p{N}])/u;

/**
 * The first occurrence of `form` in `text` whatever its case that is a word of its own in a
 * language written with spaces: not inside a longer word ("support" in "unsupported") nor cutting
 * a number ("10" in "10,000"); one followed by a plural ending takes it. Script without spaces
 * (Japanese) never comes here: it has no word boundaries to keep.
 */
function wholeWord(text: string, form: string): { at: number; length: number } {
  const lower = text.toLowerCase();
  const wanted = form.toLowerCase();
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    if (at > 0 && wordChar.test(text[at - 1]!) && wordChar.test(text[at]!)) continue;
    // A digit group after a separator continues the number: "10" of "10,000" is not the number 10.
    if (/^[,.]\d/.test(text.slice(end, end + 2)) && /\d/.test(text[end - 1]!)) continue;
    if (end === text.length || !wordChar.test(text[end]!) || !wordChar.test(text[end - 1]!)) return { at, length: wanted.length };
    const suffix = plural.exec(text.slice(end));
    if (suffix) return { at, length: wanted.length + suffix[0].length };
  }
  return { at: -1, length: 0 };
}

/** Appends plain text, joined to the plain run before it. */
function plain(out: Segment[], text: string) {
  const last = out.at(-1);
  if (last && !last.term) last.text += text;
  else out.push({ text });
}

// Scripts whose letters have upper and lower case; others (Japanese) are matched as written.
const casedScripts = new Set(['Latn', 'Cyrl', 'Grek', 'Armn', 'Glag', 'Copt', 'Geor']);

/** Whether a language's script has case, from its locale's likely script (Intl.Locale). */
function hasCase(lang: Lang): boolean {
  try {
    return casedScripts.has(new Intl.Locale(numberLocale(lang)).maximize().script ?? '');
  } catch {
    return true;
  }
}
