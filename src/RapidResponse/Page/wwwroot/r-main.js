// The recipient's page: load the state, render it, and wire the actions. Each concern lives in its own module.
import { acknowledge, decline, sendStatus } from "./r-api.js";
import { use } from "./r-i18n.js";
import { render, fillStatuses } from "./r-view.js";
import { watch } from "./r-status.js";

const $ = (id) => document.getElementById(id);
let language = null;

function show(state) {
  if (state.language !== language) {
    language = state.language;
    use(language);
    fillStatuses($("status-choice"));
  }
  $("loading").hidden = true;
  $("load-error").hidden = true;
  $("view").hidden = false;
  render(state);
}

function failed(error) {
  if (error.status === 404) {
    location.reload(); // the server answers its styled 404 page
    return;
  }
  $("loading").hidden = true;
  $("load-error").hidden = false;
  $("load-error").textContent = error.message;
}

async function act(button, action) {
  button.disabled = true;
  $("action-error").textContent = "";
  try {
    show(await action());
  } catch (error) {
    $("action-error").textContent = error.message;
  } finally {
    button.disabled = false;
  }
}

$("ack").addEventListener("click", (event) => act(event.currentTarget, acknowledge));
$("decline").addEventListener("click", (event) => act(event.currentTarget, decline));
$("status-send").addEventListener("click", (event) => act(event.currentTarget, async () => {
  const state = await sendStatus($("status-choice").value, $("status-note").value.trim());
  $("status-note").value = "";
  return state;
}));

watch(show, failed);
