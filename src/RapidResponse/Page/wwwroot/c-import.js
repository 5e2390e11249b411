// The CSV import: a dry run first shows each bad row and the rows that would be saved; only then may it be imported.
import { importContacts } from "./c-api.js";
import { t, failed } from "./c-i18n.js";
import { $, el, clear, say, busy } from "./c-dom.js";
import { load } from "./c-contacts.js";

let checked = null; // the exact text the last dry run approved


function preview(report) {
  const errors = report.errors.map((e) => el("li", { class: "row-error", dataset: { row: e.row } },
    el("strong", {}, t("contacts.row", { row: e.row })), " ",
    Object.entries(e.errors).map(([field, messages]) => el("span", {}, el("code", {}, field), `: ${messages.join(", ")} `))));
  const rows = (report.contacts ?? []).map((c) => el("tr", {},
    el("td", {}, c.name), el("td", {}, c.region), el("td", {}, c.role), el("td", { class: "num" }, String(c.tier)),
    el("td", { class: "mono" }, c.phone ?? ""), el("td", { class: "mono" }, c.email ?? "")));
  clear($("import-preview"),
    report.rejected > 0 ? [el("p", { class: "status", dataset: { kind: "error" } }, t("contacts.previewErrors", { n: report.rejected })), el("ul", { class: "errors" }, errors)] : [],
    el("p", { class: "status", dataset: { kind: "ok" } }, t("contacts.previewOk", { n: report.imported })),
    rows.length ? el("details", { open: rows.length <= 20 }, el("summary", {}, t("contacts.wouldSave")),
      el("table", { class: "grid" }, el("tbody", {}, rows))) : null);
}

async function check(button) {
  const text = $("import-text").value;
  checked = null;
  $("import-go").hidden = true;
  say($("import-status"), "");
  await busy(button, $("import-status"), async () => {
    const report = await importContacts(text, true);
    preview(report);
    if (report.imported > 0) {
      checked = text;
      $("import-go").textContent = t("contacts.doImport", { n: report.imported });
      $("import-go").hidden = false;
    }
  }, (error) => { clear($("import-preview")); return failed(error); });
}

async function go(button) {
  if ($("import-text").value !== checked) {
    $("import-go").hidden = true; // the text changed since the check: check it again
    return;
  }
  await busy(button, $("import-status"), async () => {
    const report = await importContacts(checked, false);
    say($("import-status"), t("contacts.imported", { n: report.imported }));
    clear($("import-preview"));
    $("import-go").hidden = true;
    checked = null;
    await load();
  }, failed);
}

export function mount() {
  $("import-file").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (file) $("import-text").value = (await file.text()).replace(/^\uFEFF/, "");
    $("import-go").hidden = true;
  });
  $("import-text").addEventListener("input", () => { $("import-go").hidden = true; });
  $("import-check").addEventListener("click", (event) => check(event.currentTarget));
  $("import-go").addEventListener("click", (event) => go(event.currentTarget));
}
