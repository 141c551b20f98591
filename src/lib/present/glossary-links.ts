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

/** The forms a term is written in: 「ケアマネジャー（ケアマネ）」 → ケアマネジャー, ケアマネ. */
export function termForms(term: string): string[] {
  return term
    .split(/[（）()・、,/]/)
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
      let best: { id: string; form: string; at: number } | null = null;
      // Terms already linked still take their text, so a shorter term inside one (支援 in
      // 在宅療養支援診療所) is never linked on its own.
      for (const f of forms) {
        // Scripts without case (Japanese) match as written; others whatever their case.
        const at = caseless ? rest.indexOf(f.form) : rest.toLowerCase().indexOf(f.form.toLowerCase());
        if (at >= 0 && (!best || at < best.at || (at === best.at && f.form.length > best.form.length))) best = { ...f, at };
      }
      if (!best) break;
      const before = rest.slice(0, best.at);
      const match = rest.slice(best.at, best.at + best.form.length);
      if (seen.has(best.id)) plain(out, before + match);
      else {
        if (before) plain(out, before);
        out.push({ text: match, term: best.id });
        seen.add(best.id);
      }
      rest = rest.slice(best.at + best.form.length);
    }
    if (rest) plain(out, rest);
    return out;
  };
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
