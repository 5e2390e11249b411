// The console's words in English, Russian and Kazakh (formal: the reader is addressed as сіз). A language is one
// more table here; lang.js knows its fallbacks: a word Kazakh lacks reads in Russian, then English.
import { translator } from "./lang.js";

const TEXT = {
  en: {
    title: "RapidResponse console", languageName: "English",
    signInTitle: "Sign in",
    signInHint: "Paste your coordinator token (or the admin key). It is kept for this browser tab only, and forgotten when you sign out or close the tab.",
    token: "Token", signIn: "Sign in", signOut: "Sign out", signingIn: "Signing in…",
    badToken: "This token was not accepted.",
    signedInAs: "{name} · {role}", allRegions: "all regions", admin: "Admin",
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
      prefers: "Prefers", roleChannel: "the role's channel", export: "Export CSV", exported: "Saved {file}: it holds phones and emails in full; keep it safe and delete it when done.",
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
      remind: "Remind", call: "Call lawyers", noScope: "nobody new", scopeChain: "region chain", scopeIntl: "international", add: "Add a step", remove: "Remove", defaultPolicy: "This region uses the default policy; saving gives it its own.",
      inherited: "This region follows {region}'s policy; saving gives it its own.", saved: "Saved.",
      parked: "Parked messages", queue: "Queue", list: "List", replay: "Replay all", replayed: "{n} messages put back on {queue}.",
      noneParked: "Nothing parked on {queue}.", parkedAt: "Parked", body: "Message", operatorAlerted: "Operator told",
    },
    yes: "yes", no: "no", failed: "Failed: {error}",
  },
  ru: {
    title: "Консоль RapidResponse", languageName: "Русский",
    signInTitle: "Вход",
    signInHint: "Вставьте токен координатора (или ключ администратора). Он хранится только в этой вкладке и забывается при выходе или закрытии вкладки.",
    token: "Токен", signIn: "Войти", signOut: "Выйти", signingIn: "Вход…",
    badToken: "Этот токен не принят.",
    signedInAs: "{name} · {role}", allRegions: "все регионы", admin: "Администратор",
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
      prefers: "Предпочитает", roleChannel: "канал по роли", export: "Выгрузить CSV", exported: "Сохранён {file}: в нём полные телефоны и адреса; храните его надёжно и удалите, когда он больше не нужен.",
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
      remind: "Напомнить", call: "Позвонить юристам", noScope: "никого нового", scopeChain: "цепочка регионов", scopeIntl: "международные", add: "Добавить шаг", remove: "Убрать", defaultPolicy: "Для региона действует политика по умолчанию; сохранение задаст собственную.",
      inherited: "Регион следует политике {region}; сохранение задаст собственную.", saved: "Сохранено.",
      parked: "Отложенные сообщения", queue: "Очередь", list: "Показать", replay: "Вернуть все", replayed: "Возвращено в {queue}: {n}.",
      noneParked: "В {queue} ничего не отложено.", parkedAt: "Отложено", body: "Сообщение", operatorAlerted: "Оператор уведомлён",
    },
    yes: "да", no: "нет", failed: "Ошибка: {error}",
  },
  kk: {
    title: "RapidResponse консолі", languageName: "Қазақша",
    signInTitle: "Кіру",
    signInHint: "Үйлестіруші токенін (немесе әкімші кілтін) қойыңыз. Ол тек осы бетте сақталады және шыққанда не бетті жапқанда ұмытылады.",
    token: "Токен", signIn: "Кіру", signOut: "Шығу", signingIn: "Кіріп жатыр…",
    badToken: "Бұл токен қабылданбады.",
    signedInAs: "{name} · {role}", allRegions: "барлық өңірлер", admin: "Әкімші",
    roles: { viewer: "бақылаушы", coordinator: "үйлестіруші", owner: "иесі" },
    tabs: { board: "Дабылдар", contacts: "Байланыстар", organizers: "Ұйымдастырушылар", statements: "Мәлімдемелер", policies: "Эскалация және кейінге қалдырылғандар" },
    language: "Тіл",
    board: {
      title: "Ашық дабылдар", empty: "Ашық дабыл жоқ.", updated: "Жаңартылды: {time}", failed: "Жаңарту мүмкін болмады: {error}",
      place: "Қайда", incident: "Не болды", age: "Қашан", responding: "Жауап бергендер", deliveries: "Жеткізу", escalation: "Эскалация",
      nobody: "әзірге ешкім", none: "—", overdue: "мерзімі өтті", inMinutes: "{n} минуттан кейін", silent: "үнсіз", duress: "ҚЫСЫМ АСТЫНДА",
    },
    age: { seconds: "{n} с", minutes: "{n} мин", hours: "{n} сағ {m} мин", days: "{n} күн" },
    states: {
      pending: "күтуде", sending: "жіберілуде", sent: "жіберілді", delivered: "жеткізілді", failed: "қате", undeliverable: "жеткізу мүмкін емес",
    },
    incidents: { attack: "Шабуыл", detention: "Ұстау", raid: "Тінту", threat: "Қорқыту", ban: "Тыйым", other: "Басқа" },
    alert: {
      back: "Дабылдар тізіміне оралу", timeline: "Оқиғалар барысы", deliveries: "Жеткізу", record: "Өзгертуден қорғалған жазба",
      recipient: "Алушы", role: "Рөлі", channel: "Арна", address: "Мекенжай", state: "Күйі", attempts: "Әрекеттер",
      fingerprint: "Саусақ ізі (соңғы жазбаның SHA-256)", entries: "{n} жазба, {algorithm}",
      valid: "Тізбек дұрыс: бірде-бір жазба өзгертілмеген, жойылмаған және орны ауыстырылмаған.", broken: "Тізбек {entry}-жазбада бұзылған: {reason}",
      responders: "Кім жауап берді", status: "Күйі", created: "Көтерілді",
    },
    contacts: {
      title: "Байланыстар", region: "Өңір", role: "Рөлі", tier: "Деңгей", anyRole: "кез келген рөл", anyTier: "кез келген деңгей", show: "Көрсету",
      name: "Аты", phone: "Телефон", email: "Эл. пошта", language: "Тіл", active: "Белсенді", inactive: "белсенді емес",
      edit: "Өзгерту", deactivate: "Өшіру", activate: "Қосу", save: "Сақтау", cancel: "Болдырмау", add: "Жаңа байланыс", id: "Id",
      empty: "Сәйкес байланыс жоқ.", saved: "Сақталды.", pickRegion: "Өңірді таңдаңыз, мысалы KZ-SHY.",
      importTitle: "CSV импорттау", importHint: "Тақырып жолы: name,region,role,tier,phone,email,language,active. «Импорттау» батырмасын баспайынша ештеңе сақталмайды.",
      check: "Файлды тексеру", doImport: "Дұрыс жолдарды импорттау ({n})", previewOk: "Импорттауға дайын жолдар: {n}.",
      previewErrors: "Қатесі бар жолдар (импортталмайды): {n}", row: "{row}-жол", imported: "Импортталған байланыстар: {n}.",
      wouldSave: "Сақталатын жолдар", file: "CSV файлы", orPaste: "немесе CSV мәтінін қойыңыз",
      prefers: "Қалауы", roleChannel: "рөліне сай арна", export: "CSV түсіру", exported: "{file} сақталды: онда телефондар мен мекенжайлар толық көрсетілген; оны қауіпсіз сақтаңыз және қажеті болмағанда жойыңыз.",
    },
    organizers: {
      title: "Ұйымдастырушылар", create: "Ұйымдастырушы қосу", name: "Аты", regions: "Өңірлер (үтір арқылы)", phone: "Телефон (міндетті емес)",
      language: "Тіл", regionsShort: "Өңірлер", status: "Күйі", created: "Қосылған күні", active: "белсенді", revoked: "кері қайтарылған",
      saveRegions: "Өңірлерді сақтау", rotate: "Кіруге жаңа сілтеме", revoke: "Кері қайтару", confirmRevoke: "Кері қайтаруды растау", done: "Дайын: мен оны тапсырдым",
      once: "Бір рет қана көрсетіледі. Өзіңіз тапсырыңыз: кодты ұйымдастырушының телефонымен сканерлеңіз немесе сілтемені сенімді арна арқылы жіберіңіз. Оны қайта көрсету мүмкін емес.",
      linkFor: "{name} үшін кіру сілтемесі", empty: "Әзірге ұйымдастырушы жоқ.", saved: "Сақталды.", revokedNow: "Кері қайтарылды: ескі сілтеме енді жұмыс істемейді.",
    },
    statements: {
      preview: "Жобаны алдын ала қарау", region: "Өңір", incident: "Не болды", language: "Тіл", show: "Қарау",
      template: "Үлгіні өңдеу", load: "Ашу", save: "Сақтау", saved: "Сақталды: {name} қазір қолданыста.", profile: "Ел профилін өңдеу",
      errorAt: "{line}-жол, {column}-баған: {message}", errorAtLine: "{line}-жол: {message}", country: "Ел",
    },
    policies: {
      title: "Эскалация саясаты", region: "Өңір", load: "Ашу", save: "Сақтау", afterSeconds: "Кейін (с)", scope: "Қамту", tier: "Деңгей",
      remind: "Еске салу", call: "Заңгерлерге қоңырау шалу", noScope: "жаңа ешкім", scopeChain: "өңірлер тізбегі", scopeIntl: "халықаралық", add: "Қадам қосу", remove: "Алып тастау", defaultPolicy: "Бұл өңірде әдепкі саясат қолданылады; сақтасаңыз, өз саясаты болады.",
      inherited: "Бұл өңір {region} саясатын ұстанады; сақтасаңыз, өз саясаты болады.", saved: "Сақталды.",
      parked: "Кейінге қалдырылған хабарлар", queue: "Кезек", list: "Көрсету", replay: "Барлығын қайтару", replayed: "{queue} кезегіне қайтарылды: {n}.",
      noneParked: "{queue} кезегінде кейінге қалдырылған ештеңе жоқ.", parkedAt: "Қалдырылған уақыты", body: "Хабар", operatorAlerted: "Операторға хабарланды",
    },
    yes: "иә", no: "жоқ", failed: "Қате: {error}",
  },
};

const words = translator(TEXT);
let language = "en";

export const t = (key, values) => words.t(key, values);
export const when = (iso) => words.when(iso);
export const current = () => language;

/** The languages the console has words for. */
export const languages = () => Object.keys(TEXT);

/** A language's own name, as the other pages' language switch shows it. */
export const languageName = (code) => TEXT[code].languageName;

export function use(wanted) {
  language = words.use(wanted);
  document.documentElement.lang = language;
  document.querySelectorAll("[data-t]").forEach((element) => { element.textContent = t(element.dataset.t); });
  return language;
}

/** An action's failure in words: the problem's detail, then each bad field the server named. */
export const failed = (error) =>
  [t("failed", { error: error.message }), ...Object.entries(error.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(", ")}`)].join(" · ");
