// Organizers: list, create, set regions, rotate and revoke. A new sign-in link is shown once, with its QR code (made
// by the server), and forgotten from the page when the coordinator says it was handed over.
import { organizers, createOrganizer, setRegions, rotate, revoke } from "./c-api.js";
import { t, when, failed } from "./c-i18n.js";
import { $, el, clear, say, busy } from "./c-dom.js";

const regionsOf = (text) => text.split(/[\s,;]+/).map((r) => r.trim().toUpperCase()).filter(Boolean);

function handOver(name, issued) {
  const card = $("sign-in-card");
  clear(card,
    el("h2", {}, t("organizers.linkFor", { name })),
    el("p", { class: "hint" }, t("organizers.once")),
    el("div", { class: "handover-body" },
      el("img", { id: "sign-in-qr", src: issued.signInQr, alt: issued.signInLink, width: "264", height: "264" }),
      el("p", {}, el("code", { id: "sign-in-link", class: "mono wrap" }, issued.signInLink))),
    el("button", { type: "button", onclick: () => { clear(card); card.hidden = true; } }, t("organizers.done")));
  card.hidden = false;
  card.scrollIntoView({ block: "nearest" });
}

function row(o) {
  const regions = el("input", { value: o.regions.join(", "), "aria-label": t("organizers.regionsShort") });
  const status = $("organizer-status");
  const revokeButton = el("button", { type: "button", class: "quiet danger" }, t("organizers.revoke"));
  revokeButton.addEventListener("click", async () => {
    if (!revokeButton.dataset.armed) {
      revokeButton.dataset.armed = "1";
      revokeButton.textContent = t("organizers.confirmRevoke");
      return;
    }
    await busy(revokeButton, status, async () => { await revoke(o.organizerId); await load(); say(status, t("organizers.revokedNow")); }, failed);
  });
  return el("tr", { dataset: { organizer: o.organizerId } },
    el("td", {}, o.name),
    el("td", {}, el("span", { class: "read-only" }, o.regions.join(", ")), el("span", { dataset: { needs: "coordinator" } }, regions,
      el("button", { type: "button", class: "quiet", onclick: (e) => busy(e.currentTarget, status, async () => {
        await setRegions(o.organizerId, regionsOf(regions.value)); await load(); say(status, t("organizers.saved"));
      }, failed) }, t("organizers.saveRegions")))),
    el("td", {}, o.language),
    el("td", {}, o.revoked ? el("span", { class: "chip danger" }, t("organizers.revoked")) : el("span", { class: "chip ok" }, t("organizers.active"))),
    el("td", {}, when(o.createdAt)),
    el("td", { class: "actions", dataset: { needs: "coordinator" } },
      el("button", { type: "button", class: "quiet", onclick: (e) => busy(e.currentTarget, status, async () => {
        handOver(o.name, await rotate(o.organizerId)); await load();
      }, failed) }, t("organizers.rotate")),
      o.revoked ? null : revokeButton));
}

export async function load() {
  try {
    const list = await organizers();
    clear($("organizer-rows"), list.length ? list.map(row) : el("tr", {}, el("td", { colspan: "6", class: "empty" }, t("organizers.empty"))));
  } catch (error) {
    say($("organizer-status"), failed(error), "error");
  }
}

export function mount() {
  $("organizer-create").addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = $("organizer-name").value.trim();
    await busy(event.submitter, $("organizer-status"), async () => {
      const issued = await createOrganizer({
        name, regions: regionsOf($("organizer-regions").value), phone: $("organizer-phone").value.trim() || null, language: $("organizer-language").value,
      });
      event.target.reset();
      say($("organizer-status"), "");
      handOver(name, issued);
      await load();
    }, failed);
  });
}
