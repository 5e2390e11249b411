// The pages' translation machinery, shared by the recipient page and the console: each page brings its table of
// words per language; t() fills {name} placeholders; a word missing in a language falls back to English, so a
// language (kk) can be added with a partial table and a line in LOCALES.
export const LOCALES = { en: "en-GB", ru: "ru-RU" };

export function translator(table) {
  let language = "en";
  const lookup = (words, key) => key.split(".").reduce((node, part) => node?.[part], words);

  function t(key, values = {}) {
    const text = lookup(table[language], key) ?? lookup(table.en, key) ?? key;
    return String(text).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
  }

  function use(wanted) {
    language = table[wanted] && LOCALES[wanted] ? wanted : "en";
    document.documentElement.lang = language;
    document.querySelectorAll("[data-t]").forEach((element) => { element.textContent = t(element.dataset.t); });
    document.querySelectorAll("[data-t-placeholder]").forEach((element) => { element.placeholder = t(element.dataset.tPlaceholder); });
    return language;
  }

  const when = (iso) => new Intl.DateTimeFormat(LOCALES[language], { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(iso));

  return { t, use, when, current: () => language, languages: () => Object.keys(table).filter((l) => LOCALES[l]) };
}
