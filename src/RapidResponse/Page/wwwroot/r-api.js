// The recipient page's API client: the code in the page's own path is the only credential.
import { send } from "./http.js";

export const code = location.pathname.split("/").filter(Boolean).pop() ?? "";

const base = `/api/r/${encodeURIComponent(code)}`;

const call = (method, path, body) => send(base + path, { method, json: body });

export const readState = () => call("GET", "/state");
export const acknowledge = () => call("POST", "/ack");
export const decline = () => call("POST", "/decline");
export const sendStatus = (status, note) => call("POST", "/status", { status, note: note || null });
export const draftUrl = (id, extension) => `${base}/drafts/${encodeURIComponent(id)}.${extension}`;
