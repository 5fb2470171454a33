#include "layout/phrases.h"

#include <stdio.h>
#include <string.h>

#include "core/civil_time.h"

enum { DE, EN, TR, AR, FA, UK, RU, N_LANGS };

static const char *const lang_tags[N_LANGS] = {"de", "en", "tr", "ar", "fa", "uk", "ru"};

static const char *const phrases[LF_P_COUNT][N_LANGS] = {
    [LF_P_EVENTS] = {"Veranstaltungen", "Events", "Etkinlikler", "الفعاليات", "رویدادها",
                     "Події", "Мероприятия"},
    [LF_P_OFFERS] = {"Beratung", "Counselling", "Danışmanlık", "الاستشارات", "مشاوره",
                     "Консультації", "Консультации"},
    [LF_P_CONTACTS] = {"Kontakte", "Contacts", "İletişim", "جهات الاتصال", "تماس‌ها",
                       "Контакти", "Контакты"},
    [LF_P_NO_EVENTS] = {"Zurzeit sind keine Veranstaltungen angekündigt.",
                        "No events are announced at the moment.",
                        "Şu anda duyurulmuş bir etkinlik yok.",
                        "لا توجد فعاليات معلنة حاليًا.",
                        "در حال حاضر رویدادی اعلام نشده است.",
                        "Наразі жодних подій не заплановано.",
                        "Сейчас мероприятия не запланированы."},
    [LF_P_UPCOMING] = {"Nächste Veranstaltungen", "Upcoming events", "Yaklaşan etkinlikler",
                       "الفعاليات القادمة", "رویدادهای پیش رو", "Найближчі події",
                       "Ближайшие мероприятия"},
    [LF_P_WHEN] = {"Wann", "When", "Ne zaman", "متى", "زمان", "Коли", "Когда"},
    [LF_P_WHERE] = {"Wo", "Where", "Nerede", "أين", "مکان", "Де", "Где"},
    [LF_P_REGISTRATION] = {"Anmeldung", "Registration", "Kayıt", "التسجيل", "ثبت‌نام",
                           "Реєстрація", "Регистрация"},
    [LF_P_ORGANISER] = {"Veranstalter", "Organiser", "Düzenleyen", "المنظِّم", "برگزارکننده",
                        "Організатор", "Организатор"},
    [LF_P_PROVIDER] = {"Träger", "Provided by", "Sunan kurum", "الجهة المقدِّمة",
                       "ارائه‌دهنده", "Надавач", "Организация"},
    [LF_P_AUDIENCE] = {"Für wen", "For whom", "Kimler için", "لمن", "برای چه کسانی",
                       "Для кого", "Для кого"},
    [LF_P_LANGUAGES] = {"Sprachen", "Languages", "Diller", "اللغات", "زبان‌ها", "Мови",
                        "Языки"},
    [LF_P_HOURS] = {"Sprechzeiten", "Consultation hours", "Görüşme saatleri",
                    "ساعات الاستشارة", "ساعات مشاوره", "Години прийому", "Часы приёма"},
    [LF_P_CONTACT] = {"Kontakt", "Contact", "İletişim", "التواصل", "تماس", "Контакт",
                      "Контакт"},
    [LF_P_OPEN_UNTIL] = {"Jetzt geöffnet, bis %s Uhr", "Open now, until %s",
                         "Şu an açık, kapanış %s", "مفتوح الآن حتى %s",
                         "اکنون باز است تا %s", "Зараз відчинено, до %s",
                         "Сейчас открыто, до %s"},
    [LF_P_OPENS_TODAY] = {"Öffnet heute um %s Uhr", "Opens today at %s", "Bugün açılış %s",
                          "يفتح اليوم الساعة %s", "امروز ساعت %s باز می‌شود",
                          "Відчиняється сьогодні о %s", "Откроется сегодня в %s"},
    [LF_P_OPENS_TOMORROW] = {"Öffnet morgen um %s Uhr", "Opens tomorrow at %s",
                             "Yarın açılış %s", "يفتح غدًا الساعة %s",
                             "فردا ساعت %s باز می‌شود", "Відчиняється завтра о %s",
                             "Откроется завтра в %s"},
    [LF_P_OPENS_ON] = {"Öffnet %1$s um %2$s Uhr", "Opens %1$s at %2$s",
                       "Açılış %1$s %2$s", "يفتح يوم %1$s الساعة %2$s",
                       "%1$s ساعت %2$s باز می‌شود", "Наступне відкриття: %1$s, %2$s",
                       "Откроется: %1$s, %2$s"},
    [LF_P_CLOSED] = {"Derzeit geschlossen", "Closed now", "Şu an kapalı", "مغلق الآن",
                     "اکنون بسته است", "Зараз зачинено", "Сейчас закрыто"},
    [LF_P_OPEN_NOW] = {"Jetzt geöffnet", "Open now", "Şu an açık", "مفتوح الآن",
                       "اکنون باز است", "Зараз відчинено", "Сейчас открыто"},
    [LF_P_RUNNING_NOW] = {"Läuft gerade", "Happening now", "Şu an devam ediyor",
                          "جارية الآن", "در حال برگزاری", "Триває зараз", "Идёт сейчас"},
    [LF_P_TODAY] = {"Heute", "Today", "Bugün", "اليوم", "امروز", "Сьогодні", "Сегодня"},
    [LF_P_TOMORROW] = {"Morgen", "Tomorrow", "Yarın", "غدًا", "فردا", "Завтра", "Завтра"},
    [LF_P_NOTICE] = {"Hinweis", "Notice", "Duyuru", "تنبيه", "اطلاعیه", "Оголошення",
                     "Объявление"},
    [LF_P_URGENT] = {"Wichtiger Hinweis", "Important notice", "Önemli duyuru",
                     "تنبيه مهم", "اطلاعیه مهم", "Важливе оголошення", "Важное объявление"},
    [LF_P_SAMPLE] = {"Beispielinhalte", "Sample content", "Örnek içerik", "محتوى تجريبي",
                     "محتوای نمونه", "Приклад вмісту", "Пример содержания"},
    [LF_P_YEARLY] = {"Jedes Jahr", "Every year", "Her yıl", "كل عام", "هر سال", "Щороку",
                     "Ежегодно"},
    [LF_P_CONTINUED] = {"Fortsetzung", "continued", "devamı", "تابع", "ادامه",
                        "продовження", "продолжение"},
    [LF_P_IN_GERMAN] = {"Auf Deutsch", "In German", "Almanca", "بالألمانية", "به آلمانی",
                        "Німецькою", "На немецком"},
    [LF_P_BACK] = {"Zurück", "Back", "Geri", "رجوع", "بازگشت", "Назад", "Назад"},
    [LF_P_SCAN] = {"Mit dem Handy scannen", "Scan with your phone", "Telefonunuzla tarayın",
                   "امسح الرمز بهاتفك", "با گوشی خود اسکن کنید", "Скануйте телефоном",
                   "Отсканируйте телефоном"},
    [LF_P_UPDATED] = {"Stand: %s", "Updated %s", "Güncelleme: %s", "آخر تحديث: %s",
                      "آخرین به‌روزرسانی: %s", "Оновлено: %s", "Обновлено: %s"},
    [LF_P_TAP_HINT] = {"Antippen für mehr", "Tap for more", "Daha fazlası için dokunun",
                       "المس للمزيد", "برای اطلاعات بیشتر لمس کنید",
                       "Торкніться, щоб дізнатися більше", "Нажмите, чтобы узнать больше"},
};

/* Monday first. */
static const char *const weekdays[N_LANGS][7] = {
    {"Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"},
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
    {"Pazartesi", "Salı", "Çarşamba", "Perşembe", "Cuma", "Cumartesi", "Pazar"},
    {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
    {"دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"},
    {"понеділок", "вівторок", "середа", "четвер", "пʼятниця", "субота", "неділя"},
    {"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"},
};

static const char *const weekdays_short[N_LANGS][7] = {
    {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"},
    {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
    {"Pzt", "Sal", "Çar", "Per", "Cum", "Cmt", "Paz"},
    {"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"},
    {"دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه", "یکشنبه"},
    {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Нд"},
    {"Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"},
};

/* Month names as they stand alone (badge). */
static const char *const months[N_LANGS][12] = {
    {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
     "Oktober", "November", "Dezember"},
    {"January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"},
    {"Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
     "Ekim", "Kasım", "Aralık"},
    {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
     "أكتوبر", "نوفمبر", "ديسمبر"},
    {"ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن", "ژوئیه", "اوت", "سپتامبر", "اکتبر",
     "نوامبر", "دسامبر"},
    {"січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
     "вересень", "жовтень", "листопад", "грудень"},
    {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь",
     "октябрь", "ноябрь", "декабрь"},
};

/* Abbreviated month names for small badges; Arabic and Farsi names are
 * short already and are not abbreviated. */
static const char *const months_short[N_LANGS][12] = {
    {"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"},
    {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
    {"Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"},
    [UK] = {"січ", "лют", "бер", "кві", "тра", "чер", "лип", "сер", "вер", "жов", "лис", "гру"},
    [RU] = {"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"},
};

/* Month names after a day number, where the language inflects them. */
static const char *const months_genitive[N_LANGS][12] = {
    [UK] = {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
            "вересня", "жовтня", "листопада", "грудня"},
    [RU] = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
            "сентября", "октября", "ноября", "декабря"},
};

static int lang_index(const char *lang)
{
    if (!lang)
        return DE;
    size_t primary = strcspn(lang, "-_");
    for (int i = 0; i < N_LANGS; i++)
        if (strlen(lang_tags[i]) == primary && strncmp(lang, lang_tags[i], primary) == 0)
            return i;
    return DE;
}

const char *lf_phrase(const char *lang, enum lf_phrase p)
{
    if ((int)p < 0 || p >= LF_P_COUNT)
        return "";
    return phrases[p][lang_index(lang)];
}

bool lf_lang_is_rtl(const char *lang)
{
    static const char *const rtl[] = {"ar", "fa", "he", "ur", "ckb", "ps", "prs", "yi", "dv"};
    if (!lang)
        return false;
    size_t primary = strcspn(lang, "-_");
    for (size_t i = 0; i < sizeof(rtl) / sizeof(rtl[0]); i++)
        if (strlen(rtl[i]) == primary && strncmp(lang, rtl[i], primary) == 0)
            return true;
    return false;
}

const char *lf_list_comma(const char *lang)
{
    /* Arabic-script and Thaana languages write the Arabic comma */
    static const char *const arabic_comma[] = {"ar", "fa", "ur", "ckb", "ps", "prs", "dv"};
    size_t primary = lang ? strcspn(lang, "-_") : 0;
    for (size_t i = 0; i < sizeof(arabic_comma) / sizeof(arabic_comma[0]); i++)
        if (strlen(arabic_comma[i]) == primary && strncmp(lang, arabic_comma[i], primary) == 0)
            return "، ";
    return ", ";
}

const char *lf_lang_endonym(const char *lang)
{
    static const struct {
        const char *tag, *name;
    } names[] = {
        {"de-x-ls", "Leichte Sprache"}, {"de", "Deutsch"}, {"en", "English"},
        {"tr", "Türkçe"}, {"ar", "العربية"}, {"fa", "فارسی"}, {"uk", "Українська"},
        {"ru", "Русский"}, {"ku", "Kurdî"}, {"kmr", "Kurmancî"}, {"ckb", "کوردی"},
        {"fr", "Français"}, {"es", "Español"}, {"it", "Italiano"}, {"pl", "Polski"},
        {"ro", "Română"}, {"bg", "Български"}, {"el", "Ελληνικά"}, {"sq", "Shqip"},
        {"sr", "Srpski"}, {"bs", "Bosanski"}, {"hr", "Hrvatski"}, {"ti", "ትግርኛ"},
        {"so", "Soomaali"}, {"ps", "پښتو"}, {"prs", "دری"}, {"ur", "اردو"},
    };
    if (!lang)
        return "";
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (strcmp(lang, names[i].tag) == 0)
            return names[i].name;
    return lang;
}

void lf_format_date(const char *lang, time_t t, enum lf_date_style style, char *buf,
                    size_t size)
{
    int li = lang_index(lang);
    struct tm tm;
    lf_local_time(t, &tm);
    int wd = lf_weekday_mon0(&tm);
    const char *month = months[li][tm.tm_mon];
    const char *month_after_day =
        months_genitive[li][tm.tm_mon] ? months_genitive[li][tm.tm_mon] : month;
    int year = tm.tm_year + 1900;

    switch (style) {
    case LF_DATE_LONG:
        switch (li) {
        case DE:
            snprintf(buf, size, "%s, %d. %s %d", weekdays[li][wd], tm.tm_mday, month, year);
            break;
        case TR:
            snprintf(buf, size, "%d %s %d %s", tm.tm_mday, month, year, weekdays[li][wd]);
            break;
        case AR:
        case FA:
            snprintf(buf, size, "%s، %d %s %d", weekdays[li][wd], tm.tm_mday, month, year);
            break;
        default:
            snprintf(buf, size, "%s, %d %s %d", weekdays[li][wd], tm.tm_mday,
                     month_after_day, year);
        }
        break;
    case LF_DATE_WEEKDAY:
        snprintf(buf, size, "%s", weekdays[li][wd]);
        break;
    case LF_DATE_WEEKDAY_SHORT:
        snprintf(buf, size, "%s", weekdays_short[li][wd]);
        break;
    case LF_DATE_DAY_MONTH:
        if (li == DE)
            snprintf(buf, size, "%d. %s", tm.tm_mday, month);
        else
            snprintf(buf, size, "%d %s", tm.tm_mday, month_after_day);
        break;
    case LF_DATE_MONTH:
        snprintf(buf, size, "%s", month);
        break;
    case LF_DATE_MONTH_SHORT:
        snprintf(buf, size, "%s", months_short[li][tm.tm_mon] ? months_short[li][tm.tm_mon] : month);
        break;
    case LF_DATE_TIME:
        snprintf(buf, size, "%02d:%02d", tm.tm_hour, tm.tm_min);
        break;
    }
}

void lf_format_time_range(const char *lang, time_t start, time_t end, char *buf, size_t size)
{
    struct tm a, b;
    lf_local_time(start, &a);
    lf_local_time(end, &b);
    char t1[16], t2[16];
    lf_format_date(lang, start, LF_DATE_TIME, t1, sizeof(t1));
    lf_format_date(lang, end, LF_DATE_TIME, t2, sizeof(t2));
    const char *suffix = lang_index(lang) == DE ? " Uhr" : "";
    /* an event ending at midnight still belongs to its day */
    bool same_day = a.tm_year == b.tm_year && a.tm_yday == b.tm_yday;
    bool ends_midnight = end - start < 86400 && b.tm_hour == 0 && b.tm_min == 0;
    if (same_day || ends_midnight) {
        snprintf(buf, size, "%s – %s%s", t1, t2, suffix);
    } else {
        char d1[64], d2[64];
        lf_format_date(lang, start, LF_DATE_DAY_MONTH, d1, sizeof(d1));
        lf_format_date(lang, end, LF_DATE_DAY_MONTH, d2, sizeof(d2));
        snprintf(buf, size, "%s %s – %s %s%s", d1, t1, d2, t2, suffix);
    }
}
