// Escalation policies (the region's own, an enclosing region's, or the default) and the parked messages of each queue.
import { policy, savePolicy, parked, replay } from "./c-api.js";
import { t, when, failed } from "./c-i18n.js";
import { $, el, clear, say, busy } from "./c-dom.js";

let region = null;

function stepRow(step, index) {
  return el("tr", {},
    el("td", { class: "num" }, String(index + 1)),
    el("td", {}, el("input", { type: "number", min: "0", name: "afterSeconds", value: String(step.afterSeconds), "aria-label": t("policies.afterSeconds") })),
    el("td", {}, el("select", { name: "scope", "aria-label": t("policies.scope") },
      // A call step may alert nobody new: its scope is none ("").
      [["", "noScope"], ["chain", "scopeChain"], ["intl", "scopeIntl"]].map(([s, label]) =>
        el("option", { value: s, selected: s === (step.scope ?? "") }, t("policies." + label))))),
    el("td", {}, el("input", { type: "number", min: "1", max: "9", name: "tier", value: step.tier ? String(step.tier) : "", "aria-label": t("policies.tier") })),
    el("td", {}, el("input", { type: "checkbox", name: "remind", checked: step.remind, "aria-label": t("policies.remind") })),
    el("td", {}, el("input", { type: "checkbox", name: "call", checked: step.call, "aria-label": t("policies.call") })),
    el("td", { dataset: { needs: "coordinator" } }, el("button", { type: "button", class: "quiet", onclick: (e) => { e.currentTarget.closest("tr").remove(); renumber(); } }, t("policies.remove"))));
}

function renumber() {
  [...$("policy-steps").rows].forEach((row, i) => { row.cells[0].textContent = String(i + 1); });
}

function steps() {
  return [...$("policy-steps").rows].map((row) => {
    const value = (name) => row.querySelector(`[name=${name}]`);
    return {
      afterSeconds: Number(value("afterSeconds").value),
      scope: value("scope").value || null,
      tier: value("scope").value && value("tier").value ? Number(value("tier").value) : null,
      remind: value("remind").checked,
      call: value("call").checked,
    };
  });
}

function show(view) {
  clear($("policy-steps"), view.steps.map(stepRow));
  $("policy-table").hidden = false;
  $("policy-actions").hidden = false;
  $("policy-note").textContent = view.isDefault ? t("policies.defaultPolicy") : view.region !== region ? t("policies.inherited", { region: view.region }) : "";
}

async function listParked(button) {
  const queue = $("parked-queue").value;
  await busy(button, $("parked-status"), async () => {
    const list = await parked(queue);
    clear($("parked-rows"), list.map((m) => el("tr", {},
      el("td", {}, when(m.parkedAt)), el("td", { class: "mono wrap" }, m.body), el("td", {}, m.operatorAlerted ? t("yes") : t("no")))));
    say($("parked-status"), list.length ? "" : t("policies.noneParked", { queue }), "quiet");
  }, failed);
}

export function mount() {
  $("policy-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    region = $("policy-region").value.trim().toUpperCase();
    await busy(event.submitter, $("policy-status"), async () => { show(await policy(region)); say($("policy-status"), ""); }, failed);
  });
  $("policy-add").addEventListener("click", () => {
    $("policy-steps").append(stepRow({ afterSeconds: 600, scope: "chain", tier: 2, remind: false, call: false }, $("policy-steps").rows.length));
  });
  $("policy-save").addEventListener("click", (event) => busy(event.currentTarget, $("policy-status"), async () => {
    show(await savePolicy(region, steps()));
    say($("policy-status"), t("policies.saved"));
  }, failed));
  $("parked-form").addEventListener("submit", (event) => { event.preventDefault(); listParked(event.submitter); });
  $("parked-replay").addEventListener("click", (event) => busy(event.currentTarget, $("parked-status"), async () => {
    const report = await replay($("parked-queue").value);
    say($("parked-status"), t("policies.replayed", { n: report.replayed, queue: report.queue }));
    clear($("parked-rows"));
  }, failed));
}
