// Keeps the page live: reads the state now and then, and after every action, and hands it to the view.
import { readState } from "./r-api.js";

const EVERY_MS = 10000;

export function watch(onState, onError) {
  let timer = null;
  const refresh = async () => {
    clearTimeout(timer);
    try {
      onState(await readState());
    } catch (error) {
      onError(error);
    }
    timer = setTimeout(refresh, document.hidden ? EVERY_MS * 3 : EVERY_MS);
  };
  document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });
  refresh();
  return refresh;
}
