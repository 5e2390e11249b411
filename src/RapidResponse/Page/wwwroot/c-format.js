// How the console writes ages, due times and delivery counts, in the reader's language.
import { t } from "./c-i18n.js";

export function age(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return t("age.seconds", { n: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t("age.minutes", { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t("age.hours", { n: hours, m: minutes % 60 });
  return t("age.days", { n: Math.floor(hours / 24) });
}

export function due(iso, now = Date.now()) {
  if (!iso) return t("board.none");
  const minutes = Math.ceil((Date.parse(iso) - now) / 60000);
  return minutes <= 0 ? t("board.overdue") : t("board.inMinutes", { n: minutes });
}

export const counts = (deliveries) =>
  Object.entries(deliveries ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([state, n]) => ({ state, n, text: `${t(`states.${state}`)} ${n}` }));

export const incident = (wire) => t(`incidents.${wire}`);
