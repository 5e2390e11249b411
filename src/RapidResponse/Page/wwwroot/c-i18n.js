// The console's words, English and Russian. A language is one more table here (lang.js knows its fallbacks:
// a word Kazakh lacks reads in Russian, then English).
import { translator } from "./lang.js";

const TEXT = {
  en: {
    title: "RapidResponse console",
    signInTitle: "Sign in",
    signInHint: "Paste your coordinator token (or the admin key). It is kept for this browser tab only, and forgotten when you sign out or close the tab.",
    token: "Token", signIn: "Sign in", signOut: "Sign out", signingIn: "Signing in…",
    badToken: "This token was not accepted.",
    signedInAs: "{name} · {role}", allRegions: "all regions",
    roles: { viewer: "viewer", coordinator: "coordinator", owner: "owner" },
    tabs: { board: "Live board", contacts: "Contacts", organizers: "Organizers", statements: "Statements", policies: "Escalation & parked" },
    language: "Language",
    board: {
      title: "Open alerts", empty: "No open alerts.", updated: "Updated {time}", failed: "Could not refresh: {error}",
      place: "Where", incident: "Incident", age: "Age", responding: "Responding", deliveries: "Deliveries", escalation: "Escalation due",
      nobody: "nobody yet", none: "—", overdue: "overdue", inMinutes: "in {n} min", silent: "silent", duress: "DURESS",
    },
    age: { seconds: "{n} s", minutes: "{n} min", hours: "{n} h {m} min", days: "{n} d" },
    states: {
      pending: "pending", sending: "sending", sent: "sent", delivered: "delivered", failed: "failed", undeliverable: "undeliverable",
    },
    incidents: { attack: "Attack", detention: "Detention", raid: "Raid", threat: "Threat", ban: "Ban", other: "Other" },
    alert: {
      back: "Back to the board", timeline: "Timeline", deliveries: "Deliveries", record: "Tamper-evident record",
      recipient: "Recipient", role: "Role", channel: "Channel", address: "Address", state: "State", attempts: "Tries",
      fingerprint: "Fingerprint (SHA-256 of the last entry)", entries: "{n} entries, {algorithm}",
      valid: "The chain verifies: no entry was changed, removed or reordered.", broken: "The chain is broken at entry {entry}: {reason}",
      responders: "Who is responding", status: "Status", created: "Raised",
    },
    contacts: {
      title: "Contacts", region: "Region", role: "Role", tier: "Tier", anyRole: "any role", anyTier: "any tier", show: "Show",
      name: "Name", phone: "Phone", email: "Email", language: "Language", active: "Active", inactive: "inactive",
      edit: "Edit", deactivate: "Deactivate", activate: "Activate", save: "Save", cancel: "Cancel", add: "New contact", id: "Id",
      empty: "No contacts match.", saved: "Saved.", pickRegion: "Choose a region, e.g. KZ-SHY.",
      importTitle: "Import a CSV", importHint: "Header: name,region,role,tier,phone,email,language,active. Nothing is saved until you press Import.",
      check: "Check the file", doImport: "Import the valid rows ({n})", previewOk: "Rows ready to import: {n}.",
      previewErrors: "Rows with errors, which will not be imported: {n}", row: "Row {row}", imported: "Contacts imported: {n}.",
      wouldSave: "Rows that would be saved", file: "CSV file", orPaste: "or paste the CSV",
    },
    organizers: {
      title: "Organizers", create: "Create an organizer", name: "Name", regions: "Regions (comma-separated)", phone: "Phone (optional)",
      language: "Language", regionsShort: "Regions", status: "Status", created: "Created", active: "active", revoked: "revoked",
      saveRegions: "Save regions", rotate: "New sign-in link", revoke: "Revoke", confirmRevoke: "Confirm revoke", done: "Done: I handed it over",
      once: "Shown once. Hand it over in person: scan the code with the organizer's phone, or send the link over a channel you trust. It cannot be shown again.",
      linkFor: "Sign-in link for {name}", empty: "No organizers yet.", saved: "Saved.", revokedNow: "Revoked: the old link no longer works.",
    },
    statements: {
      preview: "Preview a draft", region: "Region", incident: "Incident", language: "Language", show: "Preview",
      template: "Edit a template", load: "Open", save: "Save", saved: "Saved: {name} is in use now.", profile: "Edit a country profile",
      errorAt: "Line {line}, column {column}: {message}", errorAtLine: "Line {line}: {message}", country: "Country",
    },
    policies: {
      title: "Escalation policy", region: "Region", load: "Open", save: "Save", afterSeconds: "After (s)", scope: "Scope", tier: "Tier",
      remind: "Remind", add: "Add a step", remove: "Remove", defaultPolicy: "This region uses the default policy; saving gives it its own.",
      inherited: "This region follows {region}'s policy; saving gives it its own.", saved: "Saved.",
      parked: "Parked messages", queue: "Queue", list: "List", replay: "Replay all", replayed: "{n} messages put back on {queue}.",
      noneParked: "Nothing parked on {queue}.", parkedAt: "Parked", body: "Message", operatorAlerted: "Operator told",
    },
    yes: "yes", no: "no", failed: "Failed: {error}",
  },
  ru: {
    title: "Консоль RapidResponse",
    signInTitle: "Вход",
    signInHint: "Вставьте токен координатора (или ключ администратора). Он хранится только в этой вкладке и забывается при выходе или закрытии вкладки.",
    token: "Токен", signIn: "Войти", signOut: "Выйти", signingIn: "Вход…",
    badToken: "Этот токен не принят.",
    signedInAs: "{name} · {role}", allRegions: "все регионы",
    roles: { viewer: "наблюдатель", coordinator: "координатор", owner: "владелец" },
    tabs: { board: "Сигналы", contacts: "Контакты", organizers: "Организаторы", statements: "Заявления", policies: "Эскалация и отложенные" },
    language: "Язык",
    board: {
      title: "Открытые сигналы", empty: "Открытых сигналов нет.", updated: "Обновлено {time}", failed: "Не удалось обновить: {error}",
      place: "Где", incident: "Что", age: "Давность", responding: "Откликнулись", deliveries: "Доставка", escalation: "Эскалация",
      nobody: "пока никто", none: "—", overdue: "просрочено", inMinutes: "через {n} мин", silent: "тихий", duress: "ПОД ДАВЛЕНИЕМ",
    },
    age: { seconds: "{n} с", minutes: "{n} мин", hours: "{n} ч {m} мин", days: "{n} дн" },
    states: {
      pending: "ожидает", sending: "отправляется", sent: "отправлено", delivered: "доставлено", failed: "ошибка", undeliverable: "не доставить",
    },
    incidents: { attack: "Нападение", detention: "Задержание", raid: "Обыск", threat: "Угроза", ban: "Запрет", other: "Другое" },
    alert: {
      back: "К списку сигналов", timeline: "Хронология", deliveries: "Доставка", record: "Защищённая запись",
      recipient: "Получатель", role: "Роль", channel: "Канал", address: "Адрес", state: "Состояние", attempts: "Попытки",
      fingerprint: "Отпечаток (SHA-256 последней записи)", entries: "{n} записей, {algorithm}",
      valid: "Цепочка сходится: ни одна запись не изменена, не удалена и не переставлена.", broken: "Цепочка нарушена на записи {entry}: {reason}",
      responders: "Кто откликнулся", status: "Статус", created: "Поднят",
    },
    contacts: {
      title: "Контакты", region: "Регион", role: "Роль", tier: "Уровень", anyRole: "любая роль", anyTier: "любой уровень", show: "Показать",
      name: "Имя", phone: "Телефон", email: "Эл. почта", language: "Язык", active: "Активен", inactive: "неактивен",
      edit: "Изменить", deactivate: "Отключить", activate: "Включить", save: "Сохранить", cancel: "Отмена", add: "Новый контакт", id: "Id",
      empty: "Подходящих контактов нет.", saved: "Сохранено.", pickRegion: "Выберите регион, например KZ-SHY.",
      importTitle: "Импорт CSV", importHint: "Заголовок: name,region,role,tier,phone,email,language,active. Ничего не сохраняется, пока вы не нажмёте «Импортировать».",
      check: "Проверить файл", doImport: "Импортировать верные строки ({n})", previewOk: "Строк готово к импорту: {n}.",
      previewErrors: "Строк с ошибками (не будут импортированы): {n}:", row: "Строка {row}", imported: "Импортировано контактов: {n}.",
      wouldSave: "Строки, которые будут сохранены", file: "Файл CSV", orPaste: "или вставьте CSV",
    },
    organizers: {
      title: "Организаторы", create: "Новый организатор", name: "Имя", regions: "Регионы (через запятую)", phone: "Телефон (необязательно)",
      language: "Язык", regionsShort: "Регионы", status: "Статус", created: "Создан", active: "активен", revoked: "отозван",
      saveRegions: "Сохранить регионы", rotate: "Новая ссылка для входа", revoke: "Отозвать", confirmRevoke: "Подтвердить отзыв", done: "Готово: я передал(а)",
      once: "Показывается один раз. Передайте лично: отсканируйте код телефоном организатора или отправьте ссылку по надёжному каналу. Повторно её не показать.",
      linkFor: "Ссылка для входа: {name}", empty: "Организаторов пока нет.", saved: "Сохранено.", revokedNow: "Отозвано: старая ссылка больше не работает.",
    },
    statements: {
      preview: "Просмотр черновика", region: "Регион", incident: "Что", language: "Язык", show: "Показать",
      template: "Редактировать шаблон", load: "Открыть", save: "Сохранить", saved: "Сохранено: {name} уже используется.", profile: "Редактировать профиль страны",
      errorAt: "Строка {line}, столбец {column}: {message}", errorAtLine: "Строка {line}: {message}", country: "Страна",
    },
    policies: {
      title: "Политика эскалации", region: "Регион", load: "Открыть", save: "Сохранить", afterSeconds: "Через (с)", scope: "Охват", tier: "Уровень",
      remind: "Напомнить", add: "Добавить шаг", remove: "Убрать", defaultPolicy: "Для региона действует политика по умолчанию; сохранение задаст собственную.",
      inherited: "Регион следует политике {region}; сохранение задаст собственную.", saved: "Сохранено.",
      parked: "Отложенные сообщения", queue: "Очередь", list: "Показать", replay: "Вернуть все", replayed: "Возвращено в {queue}: {n}.",
      noneParked: "В {queue} ничего не отложено.", parkedAt: "Отложено", body: "Сообщение", operatorAlerted: "Оператор уведомлён",
    },
    yes: "да", no: "нет", failed: "Ошибка: {error}",
  },
};

const words = translator(TEXT);
let language = "en";

export const t = (key, values) => words.t(key, values);
export const when = (iso) => words.when(iso);
export const current = () => language;

/** The languages the console has words for. */
export const languages = () => Object.keys(TEXT);

export function use(wanted) {
  language = words.use(wanted);
  document.documentElement.lang = language;
  document.querySelectorAll("[data-t]").forEach((element) => { element.textContent = t(element.dataset.t); });
  return language;
}

/** An action's failure in words: the problem's detail, then each bad field the server named. */
export const failed = (error) =>
  [t("failed", { error: error.message }), ...Object.entries(error.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(", ")}`)].join(" · ");
