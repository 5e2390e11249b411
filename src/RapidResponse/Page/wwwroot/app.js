// The organizer's panic page. Vanilla JS, no build step, nothing from other hosts (the CSP forbids it).
// State that must survive a reload or a dead battery lives in localStorage: the key, the press not yet accepted
// (with its Idempotency-Key, so a retry after a reload is still the same alert), the alert being followed.
"use strict";
(function () {
  const HOLD_MS = 2000;
  const POLL_MS = 3000;
  const REPEAT_WINDOW_MS = 60000;
  const MAX_BACKOFF_MS = 30000;
  const REQUEST_TIMEOUT_MS = 15000;
  const RING = 339.29;
  const ROLES = ["lawyer", "ngo", "journalist", "diplomat", "ally"];

  const $ = (id) => document.getElementById(id);
  const store = {
    get(key) { try { return JSON.parse(localStorage.getItem("rr." + key)); } catch { return null; } },
    set(key, value) { if (value === null || value === undefined) { localStorage.removeItem("rr." + key); } else { localStorage.setItem("rr." + key, JSON.stringify(value)); } },
  };

  const state = {
    lang: "en",
    token: null,
    config: store.get("config") || { smsNumber: null, smsKeyword: "SOS", organizer: null },
    incident: null,
    events: [],
    position: null,
    geo: "none",
    sending: null,      // { attempt, offline, failed } while a press is not yet accepted
    alert: null,        // { alertId, silent, key, body, acceptedAt } the alert being followed
    view: null,
    pollTimer: null,
    retryTimer: null,
    retryWake: null,
  };

  // ---------- language ----------
  // The page's languages, in the order the language button goes through them.
  const LANGUAGES = Object.keys(window.RR_TEXT);

  function pickLanguage() {
    const saved = store.get("lang");
    if (LANGUAGES.includes(saved)) { return saved; }
    const wanted = navigator.languages || [navigator.language || "en"];
    for (const tag of wanted) {
      const base = String(tag).toLowerCase().split("-")[0];
      if (LANGUAGES.includes(base)) { return base; }
      if (base === "ky" || base === "be") { return "ru"; }
    }
    return "en";
  }

  function nextLanguage() {
    return LANGUAGES[(LANGUAGES.indexOf(state.lang) + 1) % LANGUAGES.length];
  }

  function t(key, vars) {
    const from = (window.RR_FALLBACK[state.lang] || ["en"]).find((lang) => (window.RR_TEXT[lang] || {})[key] !== undefined);
    const text = from ? window.RR_TEXT[from][key] : key;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name) => (vars[name] ?? "")) : text;
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll("[data-t-aria]").forEach((el) => { el.setAttribute("aria-label", t(el.dataset.tAria)); });
    const other = nextLanguage();
    $("lang").textContent = window.RR_TEXT[other].languageName;
    $("lang").lang = other;
    renderDynamic();
  }

  // ---------- views ----------
  function show(view, focus) {
    state.view = view;
    for (const name of ["signin", "panic", "status", "events"]) { $("view-" + name).hidden = name !== view; }
    const signedIn = !!state.token;
    $("nav-events").hidden = !signedIn || view === "events";
    $("nav-panic").hidden = !signedIn || view === "panic" || view === "signin";
    $("signout").hidden = !signedIn || view !== "events";
    if (focus !== false) {
      const heading = document.querySelector("#view-" + view + " h1");
      if (heading) { heading.focus({ preventScroll: true }); }
    }
    window.scrollTo(0, 0);
  }

  function announce(text) {
    if (state.alert && state.alert.silent) { return; }
    $("live").textContent = "";
    setTimeout(() => { $("live").textContent = text; }, 50);
  }

  function renderDynamic() {
    renderGreeting();
    renderGeo();
    renderSms();
    renderEvents();
    renderEventChoice();
    renderRegions();
    renderStatus(state.lastView || null);
    renderCue();
  }

  // ---------- sign in ----------
  function takeTokenFromFragment() {
    const hash = location.hash.startsWith("#") ? location.hash.slice(1) : "";
    const params = new URLSearchParams(hash);
    const token = params.get("token");
    if (token) {
      store.set("token", token.trim());
      // The link is one-time: keep the key on the phone, out of the address bar and history.
      history.replaceState(null, "", location.pathname + location.search);
    }
  }

  async function loadConfig() {
    try {
      const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
      const response = await fetchWithTimeout("/api/app/config", { headers, cache: "no-store" });
      if (response.status === 401) { return "rejected"; }
      if (!response.ok) { return "offline"; }
      state.config = await response.json();
      store.set("config", state.config);
      return "ok";
    } catch {
      return "offline";
    }
  }

  async function signIn(event) {
    event.preventDefault();
    const token = $("token").value.trim();
    $("signin-error").textContent = "";
    if (!token) { $("signin-error").textContent = t("signinEmpty"); return; }
    state.token = token;
    const result = await loadConfig();
    if (result === "rejected") {
      state.token = null;
      $("signin-error").textContent = t("signinRejected");
      return;
    }
    store.set("token", token);
    $("token").value = "";
    if (result === "offline") { announce(t("signinOffline")); }
    enterApp();
  }

  function signOut() {
    for (const key of ["token", "config", "pending", "alert", "region"]) { store.set(key, null); }
    state.token = null;
    state.alert = null;
    state.sending = null;
    stopPolling();
    show("signin");
  }

  function rejected() {
    store.set("token", null);
    state.token = null;
    show("signin");
    $("signin-error").textContent = t("signedOut");
  }

  function enterApp() {
    show("panic");
    renderDynamic();
    startGeolocation();
    loadEvents();
  }

  // ---------- panic view ----------
  function renderGreeting() {
    const organizer = state.config.organizer;
    $("greeting").textContent = organizer ? t("greeting", { name: organizer.name }) : "";
  }

  function renderRegions() {
    const regions = (state.config.organizer && state.config.organizer.regions) || [];
    for (const [box, select] of [["region-box", "region"], ["ev-region-box", "ev-region"]]) {
      $(box).hidden = regions.length < 2;
      const current = $(select).value || store.get("region");
      $(select).replaceChildren(...regions.map((code) => new Option(code, code, false, code === current)));
    }
    if (regions.length >= 2 && currentEvent() && $("use-event").checked) { $("region-box").hidden = true; }
  }

  function selectIncident(button) {
    const pressed = button.getAttribute("aria-pressed") === "true";
    document.querySelectorAll(".chip").forEach((chip) => chip.setAttribute("aria-pressed", "false"));
    button.setAttribute("aria-pressed", pressed ? "false" : "true");
    state.incident = pressed ? null : button.dataset.incident;
  }

  function renderSms() {
    const { smsNumber, smsKeyword } = state.config;
    const href = smsNumber ? "sms:" + smsNumber + "?&body=" + encodeURIComponent(smsKeyword + " ") : null;
    $("sms-box").hidden = !href;
    $("sms-retry").hidden = !href;
    if (href) {
      $("sms").href = href;
      $("sms-retry").href = href;
      $("sms-hint").textContent = t("smsHint", { keyword: smsKeyword, number: smsNumber });
    }
  }

  function startGeolocation() {
    if (!("geolocation" in navigator)) { state.geo = "none"; renderGeo(); return; }
    state.geo = "waiting";
    renderGeo();
    navigator.geolocation.watchPosition(
      (position) => { state.position = position.coords; state.geo = "ok"; renderGeo(); },
      (error) => { state.geo = error.code === 1 ? "off" : (state.position ? "ok" : "none"); renderGeo(); },
      { enableHighAccuracy: true, maximumAge: 30000, timeout: 30000 });
  }

  function renderGeo() {
    const text = {
      ok: () => t("geoOk", { m: Math.max(1, Math.round(state.position.accuracy)) }),
      waiting: () => t("geoWaiting"),
      off: () => t("geoOff"),
      none: () => t("geoNone"),
    }[state.geo];
    $("geo").textContent = text();
  }

  // ---------- events ----------
  async function loadEvents() {
    try {
      const response = await api("GET", "/api/events");
      if (response.ok) {
        state.events = await response.json();
        store.set("events", state.events);
      }
    } catch {
      state.events = store.get("events") || [];
    }
    renderEvents();
    renderEventChoice();
  }

  function currentEvent() {
    const now = Date.now();
    // The server says which are current; a cached list (offline) is checked against the phone's clock with the same margins.
    return state.events.find((e) => e.current)
      || state.events.find((e) => now >= Date.parse(e.startsAt) - 3600000 && now <= Date.parse(e.endsAt) + 7200000)
      || null;
  }

  function renderEventChoice() {
    const event = currentEvent();
    $("event-box").hidden = !event;
    $("event-name").textContent = event ? event.name + (event.place && event.place.text ? " — " + event.place.text : "") : "";
  }

  function formatWhen(iso) {
    const date = new Date(iso);
    if (state.lang === "kk") {
      // Spelled here: a browser's Kazakh locale data may lack month names and print "M12".
      const part = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
        .formatToParts(date).map((p) => [p.type, p.value]));
      return `${part.year} ж. ${Number(part.day)} ${window.RR_TEXT.kk.months[Number(part.month) - 1]}, ${part.hour}:${part.minute}`;
    }
    return date.toLocaleString(state.lang === "ru" ? "ru-RU" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
  }

  function renderEvents() {
    const list = $("events");
    list.replaceChildren(...state.events.map((event) => {
      const item = document.createElement("li");
      const name = document.createElement("strong");
      name.textContent = event.name;
      item.append(name);
      if (event.current) {
        const now = document.createElement("span");
        now.className = "now";
        now.textContent = t("eventNow");
        item.append(now);
      }
      const when = document.createElement("div");
      when.textContent = formatWhen(event.startsAt) + " – " + formatWhen(event.endsAt);
      const where = document.createElement("div");
      where.className = "meta";
      where.textContent = [event.place && event.place.text, t("eventPeople", { n: event.people.length })].filter(Boolean).join(" · ");
      item.append(when, where);
      return item;
    }));
    $("events-empty").hidden = state.events.length > 0;
  }

  function addPersonRow() {
    const row = $("person-row").content.firstElementChild.cloneNode(true);
    row.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    row.querySelector(".p-remove").addEventListener("click", () => row.remove());
    $("ev-people").append(row);
    row.querySelector(".p-name").focus();
  }

  function number(value) {
    const trimmed = value.trim().replace(",", ".");
    return trimmed === "" ? null : Number(trimmed);
  }

  async function registerEvent(e) {
    e.preventDefault();
    $("event-error").textContent = "";
    const start = $("ev-start").value;
    const end = $("ev-end").value;
    const lat = number($("ev-lat").value);
    const lon = number($("ev-lon").value);
    const placeText = $("ev-place").value.trim();
    const body = {
      name: $("ev-name").value.trim(),
      place: placeText || lat !== null || lon !== null ? { text: placeText || null, lat, lon } : null,
      startsAt: start ? new Date(start).toISOString() : null,
      endsAt: end ? new Date(end).toISOString() : null,
      people: [...document.querySelectorAll("#ev-people .person")]
        .map((row) => ({ name: row.querySelector(".p-name").value.trim(), role: row.querySelector(".p-role").value.trim() || null, publicName: row.querySelector(".p-public").checked }))
        .filter((p) => p.name),
    };
    if (!$("ev-region-box").hidden) { body.region = $("ev-region").value; }
    try {
      const response = await api("POST", "/api/events", body);
      if (response.status === 201) {
        $("event-form").reset();
        $("ev-people").replaceChildren();
        announce(t("evSaved"));
        await loadEvents();
        return;
      }
      $("event-error").textContent = t("evFailed", { detail: await problemDetail(response) });
    } catch {
      $("event-error").textContent = t("resolveFailed");
    }
  }

  function fillHere() {
    if (state.position) {
      $("ev-lat").value = state.position.latitude.toFixed(5);
      $("ev-lon").value = state.position.longitude.toFixed(5);
    }
  }

  // ---------- press and hold ----------
  const hold = { started: 0, timer: null, frame: null, pointer: null };

  function setRing(progress) {
    $("ring").style.strokeDashoffset = String(RING * (1 - progress));
  }

  function holdStart() {
    if (hold.timer) { return; }
    hold.started = performance.now();
    $("panic").classList.add("holding");
    $("hold-hint").textContent = t("holding");
    hold.timer = setTimeout(holdComplete, HOLD_MS);
    const step = () => {
      setRing(Math.min(1, (performance.now() - hold.started) / HOLD_MS));
      hold.frame = requestAnimationFrame(step);
    };
    hold.frame = requestAnimationFrame(step);
  }

  function holdStop(completed) {
    if (!hold.timer && !completed) { return; }
    clearTimeout(hold.timer);
    cancelAnimationFrame(hold.frame);
    hold.timer = null;
    hold.pointer = null;
    $("panic").classList.remove("holding");
    setRing(0);
    $("hold-hint").textContent = completed ? t("holdHint") : t("holdTooShort");
    if (!completed) { announce(t("holdTooShort")); }
  }

  function holdComplete() {
    holdStop(true);
    press();
  }

  function wireHold() {
    const button = $("panic");
    button.addEventListener("pointerdown", (e) => {
      if (e.button !== 0) { return; }
      e.preventDefault();
      hold.pointer = e.pointerId;
      try { button.setPointerCapture(e.pointerId); } catch { /* the pointer is already gone */ }
      holdStart();
    });
    const release = (e) => { if (hold.pointer === e.pointerId) { holdStop(false); } };
    button.addEventListener("pointerup", release);
    button.addEventListener("pointercancel", release);
    button.addEventListener("lostpointercapture", release);
    button.addEventListener("keydown", (e) => {
      if ((e.key === " " || e.key === "Enter") && !e.repeat) { e.preventDefault(); holdStart(); }
      else if (e.key === " " || e.key === "Enter") { e.preventDefault(); }
    });
    button.addEventListener("keyup", (e) => { if (e.key === " " || e.key === "Enter") { e.preventDefault(); holdStop(false); } });
    button.addEventListener("blur", () => holdStop(false));
    button.addEventListener("click", (e) => e.preventDefault());
    button.addEventListener("contextmenu", (e) => e.preventDefault());
  }

  // ---------- sending, with retries under the same Idempotency-Key ----------
  function newKey() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function buildPress() {
    const silent = $("silent").checked;
    const body = { incident: state.incident || "other", silent };
    const message = $("message").value.trim();
    if (message) { body.message = message; }
    if (state.position) {
      body.location = { lat: state.position.latitude, lon: state.position.longitude, accuracyM: Math.round(state.position.accuracy) };
    }
    const event = currentEvent();
    if (event && $("use-event").checked) { body.eventId = event.eventId; }
    else if (!$("region-box").hidden) { body.region = $("region").value; store.set("region", body.region); }
    return body;
  }

  function press() {
    if (state.sending) { wakeRetry(); return; }
    if (navigator.vibrate && !$("silent").checked) { navigator.vibrate(150); }
    // Pressed again within a minute of an accepted press: the same key and body, so the service answers with the same alert.
    const recent = state.alert && Date.now() - state.alert.acceptedAt < REPEAT_WINDOW_MS && state.alert.key ? state.alert : null;
    const pending = recent ? { key: recent.key, body: recent.body } : { key: newKey(), body: buildPress() };
    store.set("pending", pending);
    sendPending(pending);
  }

  async function sendPending(pending) {
    state.sending = { attempt: 0, offline: false, silent: !!pending.body.silent };
    if (!pending.body.silent) { showStatus(); }
    renderCue();
    for (;;) {
      state.sending.attempt += 1;
      renderSending();
      let response = null;
      try {
        response = await api("POST", "/api/panic", pending.body, { "Idempotency-Key": pending.key });
      } catch {
        response = null;
      }
      if (response && response.status === 202) {
        const accepted = await response.json();
        store.set("pending", null);
        state.sending = null;
        state.alert = { alertId: accepted.alertId, silent: !!pending.body.silent, key: pending.key, body: pending.body, acceptedAt: Date.now() };
        store.set("alert", state.alert);
        renderCue();
        if (!state.alert.silent) {
          if (navigator.vibrate) { navigator.vibrate([100, 80, 100]); }
          renderStatus(null);
          announce(t("sentTitle") + ". " + t("sentLine"));
        }
        startPolling();
        return;
      }
      if (response && response.status === 401) { store.set("pending", null); state.sending = null; rejected(); return; }
      const retryable = !response || response.status === 409 || response.status === 429 || response.status >= 500;
      if (!retryable) {
        const detail = await problemDetail(response);
        store.set("pending", null);
        state.sending = { failed: detail, silent: !!pending.body.silent };
        renderSending();
        state.sending = null;
        renderCue();
        return;
      }
      const retryAfter = response && Number(response.headers.get("Retry-After"));
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (state.sending.attempt - 1)) * (0.8 + Math.random() * 0.4);
      state.sending.offline = !navigator.onLine;
      state.sending.retrying = true;
      renderSending();
      await waitForRetry(Math.max(backoff, retryAfter > 0 ? retryAfter * 1000 : 0));
    }
  }

  function waitForRetry(ms) {
    return new Promise((resolve) => {
      state.retryWake = () => { clearTimeout(state.retryTimer); state.retryWake = null; resolve(); };
      state.retryTimer = setTimeout(state.retryWake, ms);
    });
  }

  function wakeRetry() {
    if (state.retryWake) { state.retryWake(); }
  }

  function renderSending() {
    const sending = state.sending;
    if (!sending || sending.silent) { return; }
    const line = $("status-line");
    $("safe").hidden = true;
    $("roles-title").hidden = true;
    $("responders-title").hidden = true;
    $("roles").replaceChildren();
    $("responders").replaceChildren();
    if (sending.failed) {
      $("status-title").textContent = t("failedTitle");
      line.textContent = t("failedLine", { detail: sending.failed });
      line.className = "status-line retrying";
      $("retry-box").hidden = true;
      announce(line.textContent);
      return;
    }
    const retrying = !!sending.retrying;
    $("status-title").textContent = retrying ? t("retryingTitle") : t("sendingTitle");
    line.textContent = retrying ? t(sending.offline ? "offlineLine" : "retryingLine", { n: sending.attempt }) : t("sendingLine");
    line.className = retrying ? "status-line retrying" : "status-line";
    $("retry-box").hidden = !retrying;
    if (retrying) { announce(line.textContent); }
  }

  function showStatus() {
    $("resolve-form").hidden = true;
    show("status");
  }

  // ---------- live status ----------
  function startPolling() {
    stopPolling();
    const tick = async () => {
      await poll();
      if (state.alert && state.lastView && state.lastView.status === "resolved") { return; }
      state.pollTimer = setTimeout(tick, POLL_MS);
    };
    tick();
  }

  function stopPolling() {
    clearTimeout(state.pollTimer);
    state.pollTimer = null;
  }

  async function poll() {
    if (!state.alert) { return; }
    try {
      const response = await api("GET", "/api/alerts/" + encodeURIComponent(state.alert.alertId));
      if (response.status === 401) { rejected(); return; }
      if (response.status === 404) { forgetAlert(); return; }
      if (!response.ok) { return; }
      const view = await response.json();
      const before = state.lastView;
      state.lastView = view;
      renderStatus(before);
    } catch {
      // Offline: keep the last view, try again at the next tick.
    }
  }

  function counts(view) {
    const byRole = new Map();
    for (const delivery of view.deliveries) {
      const entry = byRole.get(delivery.role) || { total: 0, sent: 0, delivered: 0, acked: 0 };
      entry.total += 1;
      if (delivery.state === "sent" || delivery.state === "delivered") { entry.sent += 1; }
      if (delivery.state === "delivered") { entry.delivered += 1; }
      byRole.set(delivery.role, entry);
    }
    for (const ack of view.acknowledgements || []) {
      const entry = byRole.get(ack.role) || { total: 0, sent: 0, delivered: 0, acked: 0 };
      entry.acked += 1;
      byRole.set(ack.role, entry);
    }
    return [...byRole.entries()].sort((a, b) => ROLES.indexOf(a[0]) - ROLES.indexOf(b[0]));
  }

  function renderStatus(before) {
    const view = state.lastView;
    if (!view || state.sending || !state.alert || view.alertId !== state.alert.alertId) { return; }
    const resolved = view.status === "resolved";
    $("status-title").textContent = resolved ? t("resolvedTitle") : t("sentTitle");
    $("status-line").textContent = resolved ? t("resolvedLine") : t("sentLine");
    $("status-line").className = "status-line";
    $("retry-box").hidden = true;
    const roles = counts(view);
    $("roles-title").hidden = roles.length === 0 && resolved;
    if (roles.length === 0 && resolved) {
      $("roles").replaceChildren();
    } else if (roles.length === 0) {
      const waiting = document.createElement("li");
      waiting.textContent = t("noRecipientsYet");
      $("roles").replaceChildren(waiting);
    } else {
      $("roles").replaceChildren(...roles.map(([role, c]) => {
        const item = document.createElement("li");
        item.dataset.role = role;
        const name = document.createElement("span");
        name.className = "role-name";
        name.textContent = t(role);
        const line = document.createElement("span");
        line.className = "role-counts";
        line.textContent = t("roleCounts", c);
        item.append(name, line);
        return item;
      }));
    }
    const acks = view.acknowledgements || [];
    $("responders-title").hidden = acks.length === 0;
    $("responders").replaceChildren(...acks.map((ack) => {
      const item = document.createElement("li");
      item.textContent = t("responder", { name: ack.name, role: t("roleOne_" + ack.role) });
      return item;
    }));
    $("safe").hidden = resolved || !$("resolve-form").hidden;
    $("open-alert").hidden = resolved || state.alert.silent;
    const newAcks = acks.length - ((before && before.alertId === view.alertId && before.acknowledgements) || []).length;
    if (before && newAcks > 0 && acks.length > 0) { announce(t("responder", { name: acks[acks.length - 1].name, role: t("roleOne_" + acks[acks.length - 1].role) })); }
    renderCue();
  }

  function renderCue() {
    const cue = $("cue");
    const silentSending = state.sending && state.sending.silent;
    const silentAlert = state.alert && state.alert.silent && !(state.lastView && state.lastView.status === "resolved" && state.lastView.alertId === state.alert.alertId);
    cue.hidden = !(silentSending || silentAlert);
    cue.dataset.state = silentSending ? "sending" : (silentAlert ? "sent" : "");
  }

  function forgetAlert() {
    stopPolling();
    state.alert = null;
    state.lastView = null;
    store.set("alert", null);
    $("open-alert").hidden = true;
    renderCue();
  }

  // ---------- resolve ----------
  function openResolve() {
    $("safe").hidden = true;
    $("resolve-form").hidden = false;
    $("resolve-error").textContent = "";
    $("resolve-form").querySelector("input[name=outcome]:checked").focus();
  }

  function closeResolve() {
    $("resolve-form").hidden = true;
    $("safe").hidden = !state.lastView || state.lastView.status === "resolved";
  }

  async function resolve(e) {
    e.preventDefault();
    $("resolve-error").textContent = "";
    const body = { outcome: $("resolve-form").querySelector("input[name=outcome]:checked").value };
    const message = $("resolve-message").value.trim();
    const code = $("code").value;
    if (message) { body.message = message; }
    if (code) { body.code = code; }
    try {
      const response = await api("POST", "/api/alerts/" + encodeURIComponent(state.alert.alertId) + "/resolve", body);
      if (response.status === 403) { $("resolve-error").textContent = t("codeWrong"); $("code").value = ""; $("code").focus(); return; }
      if (!response.ok) { $("resolve-error").textContent = await problemDetail(response); return; }
      // A good code and the duress code answer alike; so does this screen.
      $("resolve-form").reset();
      $("resolve-form").hidden = true;
      state.lastView = Object.assign({}, state.lastView, { status: "resolved" });
      renderStatus(null);
      announce(t("resolvedTitle") + ". " + t("resolvedLine"));
      $("status-title").focus();
      startPolling(); // once more, for the final counts; it stops on "resolved"
    } catch {
      $("resolve-error").textContent = t("resolveFailed");
    }
  }

  function back() {
    if (state.lastView && state.lastView.status === "resolved") { forgetAlert(); }
    show("panic");
    renderStatus(null);
  }

  // ---------- HTTP ----------
  async function fetchWithTimeout(url, init) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      return await fetch(url, Object.assign({ signal: controller.signal, credentials: "omit" }, init));
    } finally {
      clearTimeout(timer);
    }
  }

  function api(method, url, body, extraHeaders) {
    const headers = Object.assign({ Authorization: "Bearer " + state.token }, extraHeaders || {});
    if (body !== undefined) { headers["Content-Type"] = "application/json"; }
    return fetchWithTimeout(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store" });
  }

  async function problemDetail(response) {
    try {
      const problem = await response.json();
      return problem.detail || problem.title || String(response.status);
    } catch {
      return String(response.status);
    }
  }

  // ---------- start ----------
  function wire() {
    $("signin-form").addEventListener("submit", signIn);
    $("lang").addEventListener("click", () => {
      state.lang = nextLanguage();
      store.set("lang", state.lang);
      applyLanguage();
    });
    document.querySelectorAll(".chip").forEach((chip) => chip.addEventListener("click", () => selectIncident(chip)));
    $("use-event").addEventListener("change", renderRegions);
    $("silent").addEventListener("change", () => store.set("silent", $("silent").checked));
    $("nav-events").addEventListener("click", () => { show("events"); loadEvents(); });
    $("nav-panic").addEventListener("click", () => show("panic"));
    $("signout").addEventListener("click", signOut);
    $("cue").addEventListener("click", showStatus);
    $("open-alert-button").addEventListener("click", showStatus);
    $("retry-now").addEventListener("click", wakeRetry);
    $("safe").addEventListener("click", openResolve);
    $("resolve-cancel").addEventListener("click", closeResolve);
    $("resolve-form").addEventListener("submit", resolve);
    $("back").addEventListener("click", back);
    $("event-form").addEventListener("submit", registerEvent);
    $("ev-add-person").addEventListener("click", addPersonRow);
    $("ev-here").addEventListener("click", fillHere);
    window.addEventListener("online", wakeRetry);
    window.addEventListener("offline", () => { if (state.sending) { state.sending.offline = true; renderSending(); } });
    wireHold();
  }

  // Keeps the page's files on the phone, so it opens without a network (assets/sw.js).
  function keepForOffline() {
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register("/api/app/assets/sw.js", { scope: "/api/app" }).catch(() => {});
    }
  }

  async function start() {
    keepForOffline();
    state.lang = pickLanguage();
    takeTokenFromFragment();
    state.token = store.get("token");
    state.events = store.get("events") || [];
    $("silent").checked = store.get("silent") === true;
    wire();
    applyLanguage();
    if (!state.token) {
      loadConfig().then(renderSms);
      show("signin");
      return;
    }
    enterApp();
    loadConfig().then((result) => { if (result === "rejected") { rejected(); } else { renderDynamic(); } });
    const pending = store.get("pending");
    const alert = store.get("alert");
    if (alert) {
      state.alert = alert;
      if (!alert.silent) { $("open-alert").hidden = false; }
      startPolling();
    }
    if (pending) { sendPending(pending); }
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
