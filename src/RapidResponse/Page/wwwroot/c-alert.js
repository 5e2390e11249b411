// One alert opened from the board: its facts, who is responding, the timeline, the deliveries (addresses masked) and
// the tamper-evident record with its fingerprint and the server's check of the chain.
import { alert as readAlert } from "./c-api.js";
import { t, when } from "./c-i18n.js";
import { el, clear } from "./c-dom.js";
import { incident, counts } from "./c-format.js";

function facts(detail) {
  const a = detail.alert;
  const byState = {};
  for (const d of a.deliveries) byState[d.state] = (byState[d.state] ?? 0) + 1;
  return el("dl", { class: "facts" },
    el("dt", {}, t("board.place")), el("dd", {}, detail.place === a.region ? a.region : `${detail.place} (${a.region})`),
    el("dt", {}, t("board.incident")), el("dd", {}, incident(a.incident)),
    el("dt", {}, t("alert.created")), el("dd", {}, when(a.createdAt)),
    el("dt", {}, t("alert.status")), el("dd", {}, a.status, a.duress ? el("span", { class: "chip danger" }, t("board.duress")) : null),
    el("dt", {}, t("board.deliveries")), el("dd", {}, counts(byState).map((c) => el("span", { class: `chip state-${c.state}` }, c.text))),
    el("dt", {}, t("alert.responders")), el("dd", { id: "detail-responders" }, a.acknowledgements.length === 0
      ? t("board.nobody")
      : a.acknowledgements.map((r) => el("span", { class: "chip ok" }, `${r.name} (${r.role}) ${when(r.at)}`))));
}

const timeline = (entries) => el("ol", { class: "timeline" },
  entries.map((entry) => el("li", {}, el("span", { class: "when" }, when(entry.at)), " ", entry.text)));

const deliveries = (list) => el("table", { class: "grid" },
  el("thead", {}, el("tr", {}, ["recipient", "role", "channel", "address", "state", "attempts"].map((k) => el("th", {}, t(`alert.${k}`))))),
  el("tbody", {}, list.map((d) => el("tr", {},
    el("td", {}, d.recipient), el("td", {}, d.role), el("td", {}, d.channel), el("td", { class: "mono" }, d.address),
    el("td", {}, el("span", { class: `chip state-${d.state}` }, t(`states.${d.state}`))), el("td", { class: "num" }, String(d.attempts))))));

function record(detail) {
  const check = detail.check;
  return el("div", { class: "record" },
    el("p", { class: check.valid ? "verdict ok" : "verdict danger", id: "record-check" },
      check.valid ? t("alert.valid") : t("alert.broken", { entry: check.entry, reason: check.reason })),
    el("p", {}, el("span", { class: "muted" }, t("alert.fingerprint")), el("br"), el("code", { id: "fingerprint", class: "mono" }, detail.fingerprint)),
    el("p", { class: "muted" }, t("alert.entries", { n: detail.record.entries.length, algorithm: detail.record.algorithm })));
}

export async function openAlert(container, alertId, back) {
  container.hidden = false;
  const backButton = el("button", { type: "button", class: "quiet", onclick: back }, `← ${t("alert.back")}`);
  clear(container, backButton, el("p", { class: "muted" }, "…"));
  try {
    const detail = await readAlert(alertId);
    clear(container, backButton,
      el("h1", {}, `${incident(detail.alert.incident)}: ${detail.place}`),
      el("div", { class: "columns" },
        el("section", { class: "card" }, facts(detail), el("h2", {}, t("alert.record")), record(detail)),
        el("section", { class: "card" }, el("h2", {}, t("alert.timeline")), timeline(detail.alert.timeline))),
      el("section", { class: "card" }, el("h2", {}, t("alert.deliveries")), deliveries(detail.alert.deliveries)));
  } catch (error) {
    clear(container, backButton, el("p", { class: "status", dataset: { kind: "error" } }, t("failed", { error: error.message })));
  }
}
