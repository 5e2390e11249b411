// Contacts: a region's list filtered by role and tier, edited and deactivated one by one.
import { contacts, putContact, exportContacts } from "./c-api.js";
import { t, failed } from "./c-i18n.js";
import { $, el, clear, say, busy } from "./c-dom.js";

const ROLES = ["lawyer", "ngo", "journalist", "diplomat", "ally"];
const LANGUAGES = ["en", "ru", "kk"];
let listed = [];

// The list shows addresses masked, as the rest of the service does; the edit form holds them in full.
const mask = (value) => !value ? "" : value.includes("@")
  ? value.replace(/^(.).*(@.*)$/, "$1•••$2")
  : value.slice(0, 4) + "•••" + value.slice(-2);


function options(select, values, anyText) {
  clear(select, el("option", { value: "" }, anyText), values.map((v) => el("option", { value: String(v) }, String(v))));
}

function matches(contact) {
  const role = $("contact-role").value;
  const tier = $("contact-tier").value;
  return (!role || contact.role === role) && (!tier || String(contact.tier) === tier);
}

function render() {
  const shown = listed.filter(matches);
  $("contact-table").hidden = shown.length === 0;
  clear($("contact-rows"), shown.map((c) => el("tr", { class: c.active ? "" : "inactive", dataset: { contact: c.contactId } },
    el("td", {}, c.name), el("td", {}, c.region), el("td", {}, c.role), el("td", { class: "num" }, String(c.tier)),
    el("td", { class: "mono" }, mask(c.phone)), el("td", { class: "mono" }, mask(c.email)), el("td", {}, c.language),
    el("td", {}, c.active ? t("yes") : el("span", { class: "chip" }, t("contacts.inactive"))),
    el("td", { class: "actions", dataset: { needs: "coordinator" } },
      el("button", { type: "button", class: "quiet", onclick: () => edit(c) }, t("contacts.edit")),
      el("button", { type: "button", class: "quiet", onclick: (e) => toggle(e.currentTarget, c) }, c.active ? t("contacts.deactivate") : t("contacts.activate"))))));
  if (shown.length === 0) say($("contact-status"), t("contacts.empty"), "quiet");
}

export async function load() {
  const region = $("contact-region").value.trim().toUpperCase();
  if (!region) {
    say($("contact-status"), t("contacts.pickRegion"), "quiet");
    return;
  }
  say($("contact-status"), "");
  try {
    listed = await contacts(region);
    render();
  } catch (error) {
    say($("contact-status"), failed(error), "error");
  }
}

// `prefers` is carried through: a form that does not show it must not clear it.
const body = (c) => ({ name: c.name, region: c.region, role: c.role, tier: Number(c.tier), phone: c.phone || null, email: c.email || null, language: c.language, active: c.active, prefers: c.prefers || null });

/** Downloads the region's contacts as the import's CSV (phones and emails in full: the server asks for the coordinator role). */
async function download(button) {
  const region = $("contact-region").value.trim().toUpperCase();
  if (!region) {
    say($("contact-status"), t("contacts.pickRegion"), "quiet");
    return;
  }
  await busy(button, $("contact-status"), async () => {
    const url = URL.createObjectURL(new Blob([await exportContacts(region)], { type: "text/csv" }));
    const file = `contacts-${region}.csv`;
    const link = el("a", { href: url, download: file, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    say($("contact-status"), t("contacts.exported", { file }));
  }, failed);
}

async function toggle(button, contact) {
  await busy(button, $("contact-status"), async () => {
    await putContact(contact.contactId, body({ ...contact, active: !contact.active }));
    say($("contact-status"), t("contacts.saved"));
    await load();
  }, failed);
}

function field(name, label, input) {
  input.name = name;
  return el("label", {}, el("span", {}, label), input);
}

function edit(contact) {
  const form = $("contact-edit");
  const c = contact ?? { contactId: "", name: "", region: $("contact-region").value.trim().toUpperCase(), role: "lawyer", tier: 1, phone: "", email: "", language: "ru", active: true };
  const select = (values, value) => el("select", {}, values.map((v) => el("option", { value: String(v), selected: String(v) === String(value) }, String(v))));
  const errors = el("p", { class: "status", role: "status" });
  clear(form,
    el("div", { class: "row" },
      field("contactId", t("contacts.id"), el("input", { value: c.contactId, required: true, readOnly: Boolean(contact), pattern: "[A-Za-z0-9_.\\-]+" })),
      field("name", t("contacts.name"), el("input", { value: c.name, required: true })),
      field("region", t("contacts.region"), el("input", { value: c.region, required: true })),
      field("role", t("contacts.role"), select(ROLES, c.role)),
      field("tier", t("contacts.tier"), el("input", { type: "number", min: "1", max: "9", value: String(c.tier) })),
      field("phone", t("contacts.phone"), el("input", { type: "tel", value: c.phone ?? "" })),
      field("email", t("contacts.email"), el("input", { type: "email", value: c.email ?? "" })),
      field("language", t("contacts.language"), select(LANGUAGES, c.language)),
      field("prefers", t("contacts.prefers"), el("select", {},
        el("option", { value: "" }, t("contacts.roleChannel")), el("option", { value: "whatsapp", selected: c.prefers === "whatsapp" }, "WhatsApp"))),
      el("label", { class: "check" }, el("input", { type: "checkbox", name: "active", checked: c.active }), el("span", {}, t("contacts.active")))),
    el("div", { class: "row" },
      el("button", { type: "submit" }, t("contacts.save")),
      el("button", { type: "button", class: "quiet", onclick: () => { form.hidden = true; } }, t("contacts.cancel"))),
    errors);
  form.hidden = false;
  form.onsubmit = async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    await busy(event.submitter, errors, async () => {
      await putContact(data.contactId, body({ ...data, active: form.elements.active.checked }));
      form.hidden = true;
      say($("contact-status"), t("contacts.saved"));
      if (data.region.toUpperCase() === $("contact-region").value.trim().toUpperCase()) await load();
    }, failed);
  };
}

/** Puts the filters' words in the language now in use, keeping what is chosen. */
export function relabel() {
  const [role, tier] = [$("contact-role").value, $("contact-tier").value];
  options($("contact-role"), ROLES, t("contacts.anyRole"));
  options($("contact-tier"), [1, 2, 3], t("contacts.anyTier"));
  [$("contact-role").value, $("contact-tier").value] = [role, tier];
}

export function mount() {
  relabel();
  $("contact-filter").addEventListener("submit", (event) => { event.preventDefault(); load(); });
  $("contact-role").addEventListener("change", render);
  $("contact-tier").addEventListener("change", render);
  $("contact-add").addEventListener("click", () => edit(null));
  $("contact-export").addEventListener("click", (event) => download(event.currentTarget));
}
