// The live board: open alerts in the caller's scope, newest first, refreshed every few seconds while the tab is
// visible. A row opens the alert (c-alert.js).
import { board } from "./c-api.js";
import { t } from "./c-i18n.js";
import { $, el, clear, say } from "./c-dom.js";
import { age, due, counts, incident } from "./c-format.js";
import { openAlert } from "./c-alert.js";

const EVERY_MS = 3000;
let timer = null;
let running = false;

function row(alert) {
  const responding = alert.responding.length === 0
    ? el("span", { class: "muted" }, t("board.nobody"))
    : alert.responding.map((r) => el("span", { class: "chip ok" }, `${r.name} (${r.role})`));
  return el("tr", { class: "clickable", tabindex: "0", dataset: { alert: alert.alertId }, onclick: () => show(alert.alertId), onkeydown: (e) => { if (e.key === "Enter") show(alert.alertId); } },
    el("td", {}, el("strong", {}, alert.place), alert.place === alert.region ? null : el("span", { class: "muted" }, ` ${alert.region}`)),
    el("td", {}, incident(alert.incident),
      alert.silent ? el("span", { class: "chip warn" }, t("board.silent")) : null,
      alert.duress ? el("span", { class: "chip danger" }, t("board.duress")) : null),
    el("td", { class: "num" }, age(alert.createdAt)),
    el("td", { class: "responding" }, responding),
    el("td", {}, counts(alert.deliveries).map((c) => el("span", { class: `chip state-${c.state}` }, c.text))),
    el("td", { class: "num" }, due(alert.escalationDueAt)));
}

async function refresh() {
  try {
    const alerts = await board();
    clear($("board-rows"), alerts.map(row));
    $("board-empty").hidden = alerts.length > 0;
    say($("board-status"), t("board.updated", { time: new Date().toLocaleTimeString() }), "quiet");
  } catch (error) {
    say($("board-status"), t("board.failed", { error: error.message }), "error");
  }
}

function show(alertId) {
  $("board-list").hidden = true;
  openAlert($("alert-detail"), alertId, () => { $("alert-detail").hidden = true; $("board-list").hidden = false; refresh(); });
}

function tick() {
  clearTimeout(timer);
  if (!running) return;
  const next = () => { timer = setTimeout(tick, EVERY_MS); };
  if (document.visibilityState === "visible" && !$("board-list").hidden) refresh().finally(next);
  else next();
}

export function start() {
  running = true;
  refresh();
  tick();
}

export function stop() {
  running = false;
  clearTimeout(timer);
}
