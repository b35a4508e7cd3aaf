/**
 * The language codes `stopword` exports a list for (its export names; `_123` is its list of
 * digits, not a language). Names only, a few hundred bytes: the core imports no list but
 * English, yet a message can still name the right import (test/options.test.ts checks this
 * against `stopword` itself).
 */
export const STOPWORD_CODES: readonly string[] = (
  'afr ara ben bre bul cat ces dan deu ell eng epo est eus fas fin fra gle glg guj hau heb hin hrv hun hye ind ita jpn kor kur ' +
  'lat lav lgg lggNd lit mar msa mya nld nob panGu pol por porBr ron rus slk slv som sot spa swa swe tgl tha tur ukr urd vie yor zho zul'
).split(' ');

/** What to pass for a language given without its stopwords, by the code given. */
export function stopwordAdvice(language: string): { problem: string; fix: string } {
  const quoted = JSON.stringify(language);
  if (STOPWORD_CODES.includes(language))
    return {
      problem: `language ${quoted} needs its stopword list`,
      fix: `Import it from 'stopword' and pass both: { language: '${language}', stopwords: ${language} } (the core carries only the English list so browser bundles stay small).`,
    };
  const near = STOPWORD_CODES.find((code) => code.toLowerCase() === language.toLowerCase());
  if (near === 'eng') return { problem: `language ${quoted} is not a stopword list code (codes are case-sensitive)`, fix: "For English give language: 'eng', which needs no stopword list." };
  if (near)
    return {
      problem: `language ${quoted} is not a stopword list code (codes are case-sensitive; did you mean '${near}'?)`,
      fix: `Import its list from 'stopword' and pass both: { language: '${near}', stopwords: ${near} }.`,
    };
  return { problem: `language ${quoted} is not a stopword list code and needs a stopword list`, fix: "Give stopwords: your own array of words for it, or use one of stopword's codes (eng, fra, deu, zho, …)." };
}
