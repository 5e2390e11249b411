// The recipient page's API client: the code in the page's own path is the only credential.
export const code = location.pathname.split("/").filter(Boolean).pop() ?? "";

const base = `/api/r/${encodeURIComponent(code)}`;

async function call(method, path, body) {
  const response = await fetch(base + path, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
    cache: "no-store",
    credentials: "omit",
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = new Error(data?.detail ?? `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return data;
}

export const readState = () => call("GET", "/state");
export const acknowledge = () => call("POST", "/ack");
export const decline = () => call("POST", "/decline");
export const sendStatus = (status, note) => call("POST", "/status", { status, note: note || null });
export const draftUrl = (id, extension) => `${base}/drafts/${encodeURIComponent(id)}.${extension}`;
