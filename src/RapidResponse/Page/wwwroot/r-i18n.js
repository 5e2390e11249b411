// The recipient page's words in English, Russian and Kazakh ({name} placeholders are filled by t()). A word a
// language lacks comes from the next language of FALLBACK (Kazakh → Russian → English), never straight from English
// while a Russian word exists. A new language is one more table in TEXT and one more entry in FALLBACK.
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
  kk: {
    loading: "Жүктелуде…",
    loadFailed: "Дабылды жүктеу мүмкін болмады. Байланысты тексеріңіз; бет қайта әрекет жасайды.",
    duressBanner: "Ұйымдастырушыны бұл дабылды тоқтатуға мәжбүрлеген. Ол әлі де қауіпте деп санаңыз. Ұйымдастырушының телефонына қоңырау шалмаңыз, хат жазбаңыз.",
    silentBanner: "Үнсіз дабыл: ұйымдастырушының телефонына қоңырау шалмаңыз, хат жазбаңыз. Оны біреу бақылап отыруы мүмкін.",
    resolvedBanner: "Ұйымдастырушы бұл дабылды жапты. Басқа ештеңе қажет емес.",
    title: "{incident}: құқық қорғаушылар қауіпте",
    greeting: "Кімге: {name} ({role})",
    what: "Не", who: "Кім", where: "Қайда", map: "Карта", openMap: "Картаны ашу", when: "Қашан", note: "Хабарлама", event: "Іс-шара", region: "Өңір",
    nobody: "Көрсетілмеген",
    ack: "Мен жауап беремін", ackNgo: "Біз жауап береміз",
    decline: "Мен бара алмаймын",
    acked: "Сіз жауап бердіңіз. Ұйымдастырушы мұны көреді.",
    ackedNgo: "Ұйымыңыз жауап берді. Ұйымдастырушы мұны көреді.",
    declined: "Сіз бара алмайтыныңызды хабарладыңыз. Ұйымдастырушы мұны көреді, ал эскалация енді сізді күтпейді.",
    reference: "№{ref}",
    statusLabel: "Ұйымдастырушыға қайда екеніңізді хабарлаңыз",
    noteLabel: "Қысқа жазба (міндетті емес)",
    statusSend: "Күйді жіберу",
    statusSent: "Күй жіберілді: {status}",
    organizerPhone: "Ұйымдастырушы: {name}, {phone}",
    actionsTitle: "Не істей аласыз",
    respondersTitle: "Кім жауап берді",
    noResponders: "Әзірге ешкім жауап бермеді.",
    updatesTitle: "Ұйымдастырушыдан жаңалықтар",
    noUpdates: "Әзірге жаңалық жоқ.",
    draftsTitle: "Мәлімдеме жобалары",
    draftsHint: "Жарияламас бұрын әрбір фактіні тексеріңіз. [нақтылау] деп белгіленген жерлерді тексеру керек.",
    copy: "Көшіру", copied: "Көшірілді", download: ".{ext} жүктеу",
    firstDraft: "Мәлімдеме", updatedDraft: "Жаңартылған мәлімдеме",
    incidents: { attack: "Шабуыл", detention: "Ұстап алу", raid: "Тінту", threat: "Қорқыту", ban: "Тыйым салу", other: "Оқиға" },
    roles: { lawyer: "заңгер", ngo: "ҮЕҰ", journalist: "журналист", diplomat: "дипломат", ally: "одақтас" },
    statuses: {
      "on-the-way": "Жолдамын", "at-police-station": "Полиция бөлімшесіндемін", "with-detained-person": "Ұсталған адамның қасындамын",
      "denied-access": "Кіргізбей жатыр", other: "Басқа (жазба жазыңыз)",
    },
    outcomes: {
      "still-held": "Әлі ұсталып отыр", charged: "Айып тағылды", released: "Босатылды", injured: "Зардап шеккендер бар", safe: "Қауіпсіз", "false-alarm": "Жалған дабыл", other: "Жаңалық",
    },
    resolution: "Жабылды",
  },
};

const FALLBACK = { kk: ["kk", "ru", "en"], ru: ["ru", "en"], en: ["en"] };
const LOCALES = { en: "en-GB", ru: "ru-RU", kk: "kk-KZ" };

let chain = FALLBACK.en;
let locale = LOCALES.en;

export function use(language) {
  const known = FALLBACK[language] ? language : "en";
  chain = FALLBACK[known];
  locale = LOCALES[known];
  document.documentElement.lang = known;
  document.querySelectorAll("[data-t]").forEach((element) => { element.textContent = t(element.dataset.t); });
}

export function t(key, values = {}) {
  const found = (language) => key.split(".").reduce((node, part) => node?.[part], TEXT[language]);
  const text = chain.map(found).find((value) => value !== undefined) ?? key;
  return String(text).replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");
}

// Kazakh month names are spelled here: a browser's Kazakh locale data may lack them and print "M12".
const KAZAKH_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

export const when = (iso) => {
  const date = new Date(iso);
  if (locale !== LOCALES.kk) {
    return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(date);
  }
  const parts = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }).formatToParts(date);
  const part = Object.fromEntries(parts.map((p) => [p.type, p.value]));
  return `${Number(part.day)} ${KAZAKH_MONTHS[Number(part.month) - 1]}, ${part.hour}:${part.minute} ${part.timeZoneName}`;
};
