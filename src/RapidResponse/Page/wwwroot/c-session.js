// The console's sign-in: the token lives in this tab's sessionStorage only (gone with the tab), and sign-out removes
// everything the console keeps in the browser. A #token= link is read once and taken out of the address bar.
const KEY = "rr.console.token";

export function token() {
  return sessionStorage.getItem(KEY);
}

export function remember(value) {
  sessionStorage.setItem(KEY, value);
}

/** Reads a sign-in link's #token=…, keeps it for the tab, and removes it from the address and the history entry. */
export function takeFromLink() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const value = fragment.get("token");
  if (value) {
    remember(value);
    history.replaceState(null, "", location.pathname + location.search);
  }
  return value;
}

/** Forgets the token and anything else this origin's console stored, in this tab and beyond. */
export function forget() {
  sessionStorage.clear();
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith("rr.console.")) localStorage.removeItem(key);
  }
}
