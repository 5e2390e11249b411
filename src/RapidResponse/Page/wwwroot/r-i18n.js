// The recipient page's words, English and Russian ({name} placeholders are filled by t()).
const TEXT = {
  en: {
    loading: "Loading…",
    loadFailed: "Could not load the alert. Check your connection; the page tries again.",
    duressBanner: "The organiser was forced to call this alert off. Assume they are still in danger. Do not call or text the organiser's phone.",
    silentBanner: "Silent alert: do not call or text the organiser's phone. Someone may be watching it.",
    resolvedBanner: "The organiser has resolved this alert. Nothing more is needed.",
    title: "{incident}: human-rights defenders at risk",
    greeting: "For {name} ({role})",
    what: "What", who: "Who", where: "Where", map: "Map", openMap: "Open the map", when: "When", note: "Note", event: "Event", region: "Region",
    nobody: "Not given",
    ack: "I'm responding", ackNgo: "We are responding",
    decline: "I can't go",
    acked: "You are responding. The organiser can see it.",
    ackedNgo: "Your organisation is responding. The organiser can see it.",
    declined: "You said you can't go. The organiser can see it, and escalation no longer waits for you.",
    reference: "Ref {ref}",
    statusLabel: "Tell the organiser where you are",
    noteLabel: "Short note (optional)",
    statusSend: "Send status",
    statusSent: "Status sent: {status}",
    organizerPhone: "Organiser: {name}, {phone}",
    actionsTitle: "What you can do",
    respondersTitle: "Who is responding",
    noResponders: "Nobody has said they are responding yet.",
    updatesTitle: "Updates from the organiser",
    noUpdates: "No updates yet.",
    draftsTitle: "Statement drafts",
    draftsHint: "Verify every fact before publishing. Parts marked [to confirm] need checking.",
    copy: "Copy", copied: "Copied", download: "Download .{ext}",
    firstDraft: "Statement", updatedDraft: "Updated statement",
    incidents: { attack: "Attack", detention: "Detention", raid: "Raid", threat: "Threat", ban: "Ban", other: "Incident" },
    roles: { lawyer: "lawyer", ngo: "NGO", journalist: "journalist", diplomat: "diplomat", ally: "ally" },
    statuses: {
      "on-the-way": "On my way", "at-police-station": "At the police station", "with-detained-person": "With the detained person",
      "denied-access": "Denied access", other: "Other (write a note)",
    },
    outcomes: {
      "still-held": "Still held", charged: "Charged", released: "Released", injured: "Injured", safe: "Safe", "false-alarm": "False alarm", other: "Update",
    },
    resolution: "Resolved",
  },
  ru: {
    loading: "Загрузка…",
    loadFailed: "Не удалось загрузить сигнал. Проверьте связь; страница попробует снова.",
    duressBanner: "Организатора вынудили отменить сигнал. Считайте, что опасность сохраняется. Не звоните и не пишите на телефон организатора.",
    silentBanner: "Тихий сигнал: не звоните и не пишите на телефон организатора. За ним могут следить.",
    resolvedBanner: "Организатор закрыл этот сигнал. Больше ничего не нужно.",
    title: "{incident}: правозащитники в опасности",
    greeting: "Для: {name} ({role})",
    what: "Что", who: "Кто", where: "Где", map: "Карта", openMap: "Открыть карту", when: "Когда", note: "Сообщение", event: "Мероприятие", region: "Регион",
    nobody: "Не указано",
    ack: "Я откликаюсь", ackNgo: "Мы откликаемся",
    decline: "Я не могу поехать",
    acked: "Вы откликнулись. Организатор это видит.",
    ackedNgo: "Ваша организация откликнулась. Организатор это видит.",
    declined: "Вы сообщили, что не можете поехать. Организатор это видит, и эскалация больше не ждёт вас.",
    reference: "№{ref}",
    statusLabel: "Сообщите организатору, где вы",
    noteLabel: "Короткая заметка (необязательно)",
    statusSend: "Отправить статус",
    statusSent: "Статус отправлен: {status}",
    organizerPhone: "Организатор: {name}, {phone}",
    actionsTitle: "Что вы можете сделать",
    respondersTitle: "Кто откликнулся",
    noResponders: "Пока никто не откликнулся.",
    updatesTitle: "Новости от организатора",
    noUpdates: "Пока новостей нет.",
    draftsTitle: "Черновики заявления",
    draftsHint: "Проверьте каждый факт перед публикацией. Места с пометкой [уточнить] нужно проверить.",
    copy: "Копировать", copied: "Скопировано", download: "Скачать .{ext}",
    firstDraft: "Заявление", updatedDraft: "Обновлённое заявление",
    incidents: { attack: "Нападение", detention: "Задержание", raid: "Обыск", threat: "Угроза", ban: "Запрет", other: "Инцидент" },
    roles: { lawyer: "юрист", ngo: "НКО", journalist: "журналист", diplomat: "дипломат", ally: "союзник" },
    statuses: {
      "on-the-way": "Еду", "at-police-station": "В отделе полиции", "with-detained-person": "С задержанным",
      "denied-access": "Не пускают", other: "Другое (напишите заметку)",
    },
    outcomes: {
      "still-held": "Всё ещё удерживают", charged: "Предъявлено обвинение", released: "Освобождены", injured: "Есть пострадавшие", safe: "В безопасности", "false-alarm": "Ложная тревога", other: "Новость",
    },
    resolution: "Закрыт",
  },
};

let words = TEXT.en;
let locale = "en-GB";

export function use(language) {
  words = TEXT[language] ?? TEXT.en;
  locale = language === "ru" ? "ru-RU" : "en-GB";
  document.documentElement.lang = language === "ru" ? "ru" : "en";
  document.querySelectorAll("[data-t]").forEach((element) => { element.textContent = t(element.dataset.t); });
}

export function t(key, values = {}) {
  const text = key.split(".").reduce((node, part) => node?.[part], words) ?? key;
  return String(text).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

export const when = (iso) => new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(iso));
