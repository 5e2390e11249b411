// Statements: preview a draft; edit a template (its parse errors shown at their line) and a country profile.
import { sources, preview, template, saveTemplate, profile, saveProfile } from "./c-api.js";
import { t, failed } from "./c-i18n.js";
import { $, el, clear, say, busy } from "./c-dom.js";

const INCIDENTS = ["attack", "detention", "raid", "threat", "ban", "other"];

// "statement.x.en.liquid:3:14: message" (column optional), as the server names a template's errors.
const POSITION = /^[^:]+:(\d+)(?::(\d+))?: (.*)$/s;

function excerpt(source, line) {
  const lines = source.split("\n");
  const from = Math.max(1, line - 2);
  const to = Math.min(lines.length, line + 2);
  return el("div", { class: "excerpt" }, Array.from({ length: to - from + 1 }, (_, i) => from + i).map((n) =>
    el("div", { class: n === line ? "bad-line" : "" }, `${String(n).padStart(4)} | ${lines[n - 1]}`)));
}

function selectLine(textarea, line) {
  const lines = textarea.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
  textarea.focus();
  textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

function showTemplateErrors(error, source) {
  const messages = error.errors?.template ?? [error.message];
  clear($("template-errors"), messages.map((message) => {
    const match = POSITION.exec(message);
    if (!match) return el("p", { class: "template-error" }, message);
    const [line, column, words] = [Number(match[1]), match[2] ? Number(match[2]) : 0, match[3]];
    const text = column ? t("statements.errorAt", { line, column, message: words }) : t("statements.errorAtLine", { line, message: words });
    return el("div", { class: "template-error", dataset: { line } },
      el("button", { type: "button", class: "link", onclick: () => selectLine($("template-text"), line) }, text),
      excerpt(source, line));
  }));
  const first = POSITION.exec(messages[0] ?? "");
  if (first) selectLine($("template-text"), Number(first[1]));
}

export async function load() {
  try {
    const list = await sources();
    const keep = (select, values) => { const value = select.value; clear(select, values.map((v) => el("option", { value: v }, v))); if (values.includes(value)) select.value = value; };
    keep($("template-name"), list.templates);
    keep($("profile-country"), list.profiles);
  } catch (error) {
    say($("template-status"), failed(error), "error");
  }
}

export function mount() {
  clear($("preview-incident"), INCIDENTS.map((i) => el("option", { value: i }, t(`incidents.${i}`))));
  $("preview-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    await busy(event.submitter, $("preview-status"), async () => {
      const draft = await preview($("preview-region").value.trim().toUpperCase(), $("preview-incident").value, $("preview-language").value);
      $("preview-text").textContent = draft.markdown;
      $("preview-text").hidden = false;
      say($("preview-status"), draft.title, "quiet");
    }, failed);
  });

  $("template-load").addEventListener("click", (event) => busy(event.currentTarget, $("template-status"), async () => {
    $("template-text").value = await template($("template-name").value);
    clear($("template-errors"));
    say($("template-status"), "");
  }, failed));
  $("template-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = $("template-name").value;
    const source = $("template-text").value;
    clear($("template-errors"));
    await busy(event.submitter, $("template-status"), async () => {
      try {
        await saveTemplate(name, source);
        say($("template-status"), t("statements.saved", { name }));
      } catch (error) {
        if (error.status !== 422) throw error;
        say($("template-status"), "", "error");
        showTemplateErrors(error, source);
      }
    }, failed);
  });

  $("profile-load").addEventListener("click", (event) => busy(event.currentTarget, $("profile-status"), async () => {
    $("profile-text").value = await profile($("profile-country").value);
    say($("profile-status"), "");
  }, failed));
  $("profile-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const country = $("profile-country").value;
    await busy(event.submitter, $("profile-status"), async () => {
      await saveProfile(country, $("profile-text").value);
      say($("profile-status"), t("statements.saved", { name: country }));
    }, failed);
  });
}
