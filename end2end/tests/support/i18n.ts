// The portal's own translations (every app/locales/<lang>/*.ftl, as the app loads them),
// so the tests check the text each language should show without copying it here.
import * as fs from 'fs';
import * as path from 'path';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const LOCALES = path.resolve(__dirname, '../../../app/locales');
const cache = new Map<Lang, Map<string, string>>();

/** Simple `key = value` messages of one language (multi-line and selector messages skipped). */
function messages(lang: Lang): Map<string, string> {
  let map = cache.get(lang);
  if (map) return map;
  map = new Map();
  const dir = path.join(LOCALES, lang);
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ftl')).sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split(/\r?\n/)) {
      const m = /^([a-zA-Z][\w-]*)\s*=\s*(.+)$/.exec(line);
      if (m && !m[2].includes('->') && !map.has(m[1])) map.set(m[1], m[2].trim());
    }
  }
  cache.set(lang, map);
  return map;
}

/** The text of `key` in `lang`; fails loudly when the key is missing. */
export function t(lang: Lang, key: string): string {
  const text = messages(lang).get(key);
  if (text === undefined) throw new Error(`no translation "${key}" in app/locales/${lang}/*.ftl`);
  return text;
}

/** `value` as a Lang, or an error naming what the page said. */
export function asLang(value: string | null): Lang {
  if (value && (LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new Error(`unexpected <html lang="${value}">`);
}
