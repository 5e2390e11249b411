// The languages the module pages speak (the recipient page, the console) and how a missing word falls back:
// Kazakh → Russian → English, so a Kazakh reader never sees English while a Russian word exists. Each page keeps
// its own table of words ({ en: {...}, ru: {...}, kk: {...} }, nested keys read as "a.b") and makes a translator
// of it. A new language is one more entry in FALLBACK and LOCALES, and one more table in each page.
export const FALLBACK = { kk: ["kk", "ru", "en"], ru: ["ru", "en"], en: ["en"] };
export const LOCALES = { en: "en-GB", ru: "ru-RU", kk: "kk-KZ" };

// Spelled here: a browser's Kazakh locale data may lack month names and print "M12".
const KAZAKH_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

/** The language itself when the pages speak it, else English. */
export const known = (language) => (FALLBACK[language] ? language : "en");

/** A translator over one page's table: `use(language)`, then `t(key, values)` and `when(iso)` in that language. */
export function translator(text) {
  let language = "en";
  const found = (key, lang) => key.split(".").reduce((node, part) => node?.[part], text[lang]);
  return {
    use(wanted) { language = known(wanted); return language; },
    t(key, values = {}) {
      const words = FALLBACK[language].map((lang) => found(key, lang)).find((value) => value !== undefined) ?? key;
      return String(words).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
    },
    when(iso) {
      const date = new Date(iso);
      if (language !== "kk") {
        return new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(date);
      }
      const parts = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).formatToParts(date);
      const part = Object.fromEntries(parts.map((p) => [p.type, p.value]));
      return `${Number(part.day)} ${KAZAKH_MONTHS[Number(part.month) - 1]}, ${part.hour}:${part.minute} ${part.timeZoneName}`;
    },
  };
}
