// The pages' HTTP client: JSON in and out, no cookies, nothing cached; a problem+json answer becomes an Error
// carrying its status and its per-field errors.
export async function send(url, { method = "GET", headers = {}, json, body, as = "json" } = {}) {
  const response = await fetch(url, {
    method,
    headers: json !== undefined ? { ...headers, "Content-Type": "application/json" } : headers,
    body: json !== undefined ? JSON.stringify(json) : body,
    cache: "no-store",
    credentials: "omit",
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    const error = new Error(problem?.detail ?? `HTTP ${response.status}`);
    error.status = response.status;
    error.errors = problem?.errors ?? {};
    throw error;
  }
  if (response.status === 204) {
    return null;
  }
  return as === "text" ? response.text() : response.json().catch(() => null);
}
