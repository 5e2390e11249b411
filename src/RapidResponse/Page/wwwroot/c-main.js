// The console: sign in, learn who is signed in (their role decides what the page offers), and switch between views.
// Each view is its own module.
import { me } from "./c-api.js";
import { t, use, languages, languageName } from "./c-i18n.js";
import { $, el, clear, say } from "./c-dom.js";
import { token, remember, takeFromLink, forget } from "./c-session.js";
import * as liveBoard from "./c-board.js";
import * as contacts from "./c-contacts.js";
import * as importer from "./c-import.js";
import * as organizers from "./c-organizers.js";
import * as statements from "./c-statements.js";
import * as policies from "./c-policies.js";

const VIEWS = ["board", "contacts", "organizers", "statements", "policies"];
const ON_SHOW = { organizers: organizers.load, statements: statements.load };
let who = null;
let shown = "board";

function chooseLanguage() {
  const wanted = (navigator.language || "en").slice(0, 2);
  use(languages().includes(wanted) ? wanted : "en");
  clear($("language"), languages().map((l) => el("option", { value: l, selected: l === document.documentElement.lang }, languageName(l))));
}

function showView(name) {
  shown = name;
  for (const view of VIEWS) {
    $(`view-${view}`).hidden = view !== name;
    document.querySelector(`[data-tab=${view}]`).setAttribute("aria-current", view === name ? "page" : "false");
  }
  if (name === "board") liveBoard.start(); else liveBoard.stop();
  ON_SHOW[name]?.();
}

function signedIn(person, view = "board") {
  who = person;
  document.body.dataset.role = person.role;
  // What the role allows, as the server names it (GET /api/manage/me): [data-permission] controls show only when allowed.
  document.body.dataset.permissions = (person.permissions ?? []).join(" ");
  const everywhere = person.regions.includes("INTL");
  $("who").textContent = t("signedInAs", { name: person.admin ? t("admin") : person.name ?? person.actor, role: t(`roles.${person.role}`) }) +
    ` · ${everywhere ? t("allRegions") : person.regions.join(", ")}`;
  clear($("scope-regions"), person.regions.map((r) => el("option", { value: r })));
  if (person.regions.length === 1 && !everywhere) {
    for (const id of ["contact-region", "preview-region", "policy-region"]) $(id).value = person.regions[0];
  }
  $("sign-in").hidden = true;
  $("tabs").hidden = false;
  $("sign-out").hidden = false;
  showView(view);
}

function signedOut(message) {
  who = null;
  liveBoard.stop();
  forget();
  delete document.body.dataset.role;
  delete document.body.dataset.permissions;
  for (const view of VIEWS) $(`view-${view}`).hidden = true;
  $("tabs").hidden = true;
  $("sign-out").hidden = true;
  $("who").textContent = "";
  $("token").value = "";
  $("sign-in").hidden = false;
  say($("sign-in-status"), message ?? "", message ? "error" : "ok");
}

async function signIn() {
  say($("sign-in-status"), t("signingIn"), "quiet");
  try {
    signedIn(await me());
  } catch (error) {
    signedOut(error.status === 401 ? t("badToken") : t("failed", { error: error.message }));
  }
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  remember($("token").value.trim());
  signIn();
});
$("sign-out").addEventListener("click", () => {
  signedOut();
  location.reload(); // nothing of the session stays in the page's memory either
});
$("tabs").addEventListener("click", (event) => {
  const tab = event.target.closest("[data-tab]");
  if (tab) showView(tab.dataset.tab);
});
$("language").addEventListener("change", (event) => {
  use(event.target.value);
  contacts.relabel();
  if (who) signedIn(who, shown);
});

chooseLanguage();
contacts.mount();
importer.mount();
organizers.mount();
statements.mount();
policies.mount();
takeFromLink();
if (token()) signIn(); else signedOut();
