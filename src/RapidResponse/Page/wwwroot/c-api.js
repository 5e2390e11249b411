// The console's API client: every call carries the signed-in token as a Bearer credential.
import { send } from "./http.js";
import { token } from "./c-session.js";
import { current } from "./c-i18n.js";

const call = (method, path, options = {}) =>
  send(`/api/manage/${path}`, { ...options, method, headers: { ...options.headers, Authorization: `Bearer ${token()}` } });

const q = (values) => new URLSearchParams(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== "")).toString();

/** Who is signed in: {actor, name?, role, regions, admin, permissions}; a wrong token is a 401. */
export const me = () => call("GET", "me");

export const board = () => call("GET", `alerts?${q({ state: "open", language: current() })}`);
export const alert = (id) => call("GET", `alerts/${encodeURIComponent(id)}?${q({ language: current() })}`);

export const contacts = (region) => call("GET", `contacts?${q({ region })}`);
export const putContact = (id, contact) => call("PUT", `contacts/${encodeURIComponent(id)}`, { json: contact });
export const exportContacts = (region) => call("GET", `contacts/export?${q({ region })}`, { as: "text" });
export const importContacts = (csv, dryRun) =>
  call("POST", `contacts/import${dryRun ? "?dryRun=true" : ""}`, { body: csv, headers: { "Content-Type": "text/csv; charset=utf-8" } });

export const organizers = () => call("GET", "organizers");
export const createOrganizer = (organizer) => call("POST", "organizers", { json: organizer });
export const setRegions = (id, regions) => call("PUT", `organizers/${encodeURIComponent(id)}/regions`, { json: { regions } });
export const rotate = (id) => call("POST", `organizers/${encodeURIComponent(id)}/token`);
export const revoke = (id) => call("DELETE", `organizers/${encodeURIComponent(id)}/token`);

export const sources = () => call("GET", "statements");
export const preview = (region, incident, language) => call("GET", `statements/preview?${q({ region, incident, language })}`);
export const template = (name) => call("GET", `statements/templates/${encodeURIComponent(name)}`, { as: "text" });
export const saveTemplate = (name, text) =>
  call("PUT", `statements/templates/${encodeURIComponent(name)}`, { body: text, headers: { "Content-Type": "text/plain; charset=utf-8" } });
export const profile = (country) => call("GET", `statements/profiles/${encodeURIComponent(country)}`, { as: "text" });
export const saveProfile = (country, json) =>
  call("PUT", `statements/profiles/${encodeURIComponent(country)}`, { body: json, headers: { "Content-Type": "application/json" } });

export const policy = (region) => call("GET", `escalation-policies/${encodeURIComponent(region)}`);
export const savePolicy = (region, steps) => call("PUT", `escalation-policies/${encodeURIComponent(region)}`, { json: { steps } });
export const parked = (queue) => call("GET", `poison/${encodeURIComponent(queue)}`);
export const replay = (queue) => call("POST", `poison/${encodeURIComponent(queue)}/replay`);
