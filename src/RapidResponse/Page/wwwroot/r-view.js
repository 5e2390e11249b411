// Renders the recipient's page from its state: facts, banners, what they did, who responds, updates, drafts.
import { t, when } from "./r-i18n.js";
import { draftUrl } from "./r-api.js";

const $ = (id) => document.getElementById(id);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => { if (value !== undefined && value !== null) node.setAttribute(name, value); });
  node.append(...children.filter((child) => child !== null && child !== undefined));
  return node;
}

const inPerson = (role) => role === "lawyer" || role === "ally";

function facts(alert) {
  const who = alert.people.length > 0
    ? alert.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(", ")
    : alert.peopleSummary ?? t("nobody");
  const rows = [
    [t("what"), t(`incidents.${alert.incident}`)],
    [t("who"), alert.peopleSummary && alert.people.length === 0 ? alert.peopleSummary : who],
    [t("where"), [alert.place, alert.regionName].filter(Boolean).join(", ")],
    alert.mapUrl ? [t("map"), element("a", { href: alert.mapUrl, rel: "noreferrer", target: "_blank" }, t("openMap"))] : null,
    [t("when"), when(alert.occurredAt)],
    alert.eventName ? [t("event"), alert.eventName] : null,
    alert.message ? [t("note"), element("span", { class: "note" }, alert.message)] : null,
  ];
  $("facts").replaceChildren(...rows.filter(Boolean).flatMap(([label, value]) => [element("dt", {}, label), element("dd", {}, value)]));
}

function actions(state) {
  const { me, role, alert } = state;
  const closed = alert.status === "resolved";
  const ngo = !inPerson(role);
  const ack = $("ack");
  ack.textContent = t(ngo ? "ackNgo" : "ack");
  ack.hidden = closed || me.acknowledged;
  $("decline").hidden = closed || ngo || me.acknowledged || me.declined;
  $("status-box").hidden = closed || ngo || !me.acknowledged;
  const last = me.statuses.at(-1);
  $("my-state").textContent = me.acknowledged
    ? [t(ngo ? "ackedNgo" : "acked"), last ? t("statusSent", { status: t(`statuses.${last.status}`) }) : ""].filter(Boolean).join(" ")
    : me.declined ? t("declined") : "";
  $("actions").hidden = closed && !me.acknowledged;
}

function organizer({ organizer: o }) {
  $("organizer-box").hidden = !o.phone;
  $("organizer").textContent = o.phone ? t("organizerPhone", { name: o.name, phone: o.phone }) : "";
}

function responders(list) {
  $("responders").replaceChildren(...list.map((r) => element("li", {},
    `${r.name} (${t(`roles.${r.role}`)})`,
    r.status ? element("span", { class: "when" }, t(`statuses.${r.status}`)) : null)));
  $("no-responders").hidden = list.length > 0;
}

function updates(list) {
  $("updates").replaceChildren(...list.map((u) => element("li", {},
    element("strong", {}, u.kind === "resolution" ? `${t("resolution")}: ${t(`outcomes.${u.status}`)}` : t(`outcomes.${u.status}`)),
    u.message ? element("p", { class: "note" }, u.message) : null,
    element("span", { class: "when" }, when(u.at)))));
  $("no-updates").hidden = list.length > 0;
}

function drafts(list) {
  $("drafts-box").hidden = list.length === 0;
  const shown = new Set([...document.querySelectorAll(".draft")].map((d) => d.dataset.id));
  if (list.length === shown.size && list.every((d) => shown.has(d.id))) {
    return; // unchanged: keep the reader's scroll position and selection
  }
  $("drafts").replaceChildren(...list.map((d) => {
    const copy = element("button", { type: "button", class: "secondary copy" }, t("copy"));
    copy.addEventListener("click", async () => {
      await navigator.clipboard.writeText(d.markdown);
      copy.textContent = t("copied");
    });
    return element("article", { class: "draft", "data-id": d.id },
      element("h3", {}, `${d.id === "0" ? t("firstDraft") : t("updatedDraft")} · ${when(d.at)}`),
      element("pre", {}, d.markdown),
      element("div", { class: "draft-actions" },
        copy,
        element("a", { class: "secondary", href: draftUrl(d.id, "docx"), download: "" }, t("download", { ext: "docx" })),
        element("a", { class: "secondary", href: draftUrl(d.id, "md"), download: "" }, t("download", { ext: "md" }))));
  }));
}

export function render(state) {
  const { alert } = state;
  $("reference").textContent = t("reference", { ref: alert.reference });
  $("title").textContent = t("title", { incident: t(`incidents.${alert.incident}`) });
  $("greeting").textContent = t("greeting", { name: state.name, role: t(`roles.${state.role}`) });
  $("banner-duress").hidden = !alert.duress;
  $("banner-silent").hidden = !alert.silent || alert.duress;
  $("banner-resolved").hidden = alert.status !== "resolved";
  facts(alert);
  actions(state);
  organizer(state);
  responders(state.responders);
  updates(state.updates);
  drafts(state.drafts);
}

// The one-tap statuses the API accepts (RecipientActions.Statuses).
const STATUSES = ["on-the-way", "at-police-station", "with-detained-person", "denied-access", "other"];

export function fillStatuses(select) {
  select.replaceChildren(...STATUSES.map((key) => element("option", { value: key }, t(`statuses.${key}`))));
}
