/* litfass studio: the messages of the validator, the calendar import and the studio's
 * API in the page's language. The studio answers with the English text of the command
 * line ("message" / "error") and the format it was made from ("msgid", the key here)
 * with its values ("args"); {0}, {1} … stand for the values. An entry is [German,
 * English]; English null: the command line's text, which names no JSON key. Field
 * names are the form's labels, never JSON keys. Loaded before app.js. */
'use strict';

const MSGS = {
  /* --- the bundle's check (src/content/bundle.c) --- */
  'control character U+%04X at byte %zu: not allowed in a text (it shows as an empty box); remove it':
    ['Steuerzeichen U+{0} im Text: bitte entfernen (es erscheint als leeres Kästchen)', 'a control character (U+{0}) in the text: please remove it (it shows as an empty box)'],
  'a Tab character: shown as a space (write a space, or \\n for a line break)':
    ['Tabulator im Text: wird als Leerzeichen gezeigt', 'a tab in the text: shown as a space'],
  'a carriage return (\\r): removed (a line break is \\n)':
    ['ein Wagenrücklauf-Zeichen wurde entfernt (Zeilenumbrüche bleiben)', 'a carriage return was removed (line breaks stay)'],
  'invisible direction control U+%04X (%s) removed: it can show a text reversed or out of order':
    ['unsichtbares Richtungszeichen U+{0} entfernt: es kann Text verdreht zeigen', 'invisible direction mark U+{0} removed: it can show a text reversed'],
  'invisible byte order mark (U+FEFF) at character %zu of the "%s" text: a file\'s start mark, left over from pasting or joining files; remove it':
    ['unsichtbare Dateianfangs-Markierung (U+FEFF) an Zeichen {0}: ein Rest vom Kopieren oder Zusammenfügen von Dateien. Bitte löschen (man sieht sie nicht: das Wort dort neu tippen)', 'an invisible file start mark (U+FEFF) at character {0}: left over from copying or joining files. Please delete it (it cannot be seen: type the word there again)'],
  'invisible zero-width space (U+200B) at character %zu of the "%s" text: probably pasted with it; it glues two words together or splits one where nothing is seen; remove it, or write a space (the Persian and Kurdish half space is U+200C)':
    ['unsichtbares Leerzeichen ohne Breite (U+200B) an Zeichen {0}: wohl mit dem Text hineinkopiert. Es klebt zwei Wörter zusammen oder trennt eines, ohne dass man es sieht. Bitte löschen oder ein normales Leerzeichen schreiben (das Wort dort neu tippen; der Halbabstand im Persischen und Kurdischen ist U+200C)', 'an invisible zero-width space (U+200B) at character {0}: probably copied with the text. It glues two words together or splits one without being seen. Please delete it or write a normal space (type the word there again; the Persian and Kurdish half space is U+200C)'],
  'invisible word joiner (U+2060) at character %zu of the "%s" text: probably pasted with it, it does nothing there; remove it':
    ['unsichtbarer Wortverbinder (U+2060) an Zeichen {0}: wohl mit dem Text hineinkopiert, er bewirkt dort nichts. Bitte löschen (das Wort dort neu tippen)', 'an invisible word joiner (U+2060) at character {0}: probably copied with the text, it does nothing there. Please delete it (type the word there again)'],
  'expected a string, found %s': ['muss ein Text sein', 'must be a text'],
  'too long (%zu bytes, at most %d)': ['zu lang: bitte kürzen ({0} Byte, höchstens {1}; ein Umlaut, ein Buchstabe in arabischer oder kyrillischer Schrift braucht 2 Byte, ein Emoji 4)', 'too long: please shorten it ({0} bytes, at most {1}; an umlaut or a letter in Arabic or Cyrillic script takes 2 bytes, an emoji 4)'],
  'empty': ['darf nicht leer sein', 'must not be empty'],
  'only invisible characters (such as U+%04X): nothing would be shown; write the text or leave the field out':
    ['enthält nur unsichtbare Zeichen (z. B. U+{0}): es würde nichts angezeigt. Bitte den Text schreiben', 'holds only invisible characters (such as U+{0}): nothing would be shown. Please write the text'],
  '%s: required, but blank (no text, or only spaces or invisible characters): not saved':
    ['Nicht gespeichert: „{0}“ ist ein Pflichtfeld und hat keinen Text (leer, nur Leerzeichen oder unsichtbare Zeichen)', 'Not saved: “{0}” is required and has no text (empty, only spaces or invisible characters)'],
  'a date without a time: write the moment, e.g. %sT00:00': ['Datum ohne Uhrzeit: bitte auch die Uhrzeit angeben', 'a date without a time: please give the time too'],
  'not a date-time (write it like 2027-03-21T18:00)': ['kein gültiges Datum mit Uhrzeit (Datum als TT.MM.JJJJ, Uhrzeit als HH:MM)', 'not a valid date and time (date as DD.MM.YYYY, time as HH:MM)'],
  'not a date (write it like 2027-03-21)': ['kein gültiges Datum (TT.MM.JJJJ)', 'not a valid date (DD.MM.YYYY)'],
  'not a date-time (write it like 2027-03-21T18:00, or 2027-03-21 alone for an all-day event)':
    ['kein gültiges Datum mit Uhrzeit (Datum als TT.MM.JJJJ, Uhrzeit als HH:MM)', 'not a valid date and time (date as DD.MM.YYYY, time as HH:MM)'],
  'expected a whole number, found %s': ['muss eine ganze Zahl sein', 'must be a whole number'],
  '%lld is out of range (%s)': ['{0} liegt außerhalb des erlaubten Bereichs ({1})', null],
  '"%s" would be language %d of the bundle: at most %d languages in all texts together':
    ['„{0}“ wäre die {1}. Sprache: höchstens {2} Sprachen in allen Texten zusammen', null],
  'expected a text (a string, or an object such as {"de": "...", "en": "..."}), found %s': ['muss ein Text sein', 'must be a text'],
  'too many languages (%zu, at most %d)': ['zu viele Sprachen ({0}, höchstens {1})', null],
  'language given twice': ['Sprache doppelt angegeben', null],
  'no German text ("de"): German is required as the fallback':
    ['Deutsch fehlt: der deutsche Text ist Pflicht (er steht, wo eine Übersetzung fehlt)', 'German is missing: the German text is required (it stands where a translation is missing)'],
  '"%s" is not a valid id: use only a-z, 0-9, "-" and "_"': ['„{0}“ ist keine gültige Kennung: nur a–z, 0–9, „-“ und „_“', null],
  'duplicate id "%s" (also used by items[%zu])': ['die Kennung „{0}“ gibt es schon bei einem anderen Eintrag', 'the identifier “{0}” is already used by another entry'],
  'not an e-mail address': ['sieht nicht wie eine E-Mail-Adresse aus (z. B. name@stadt.de)', 'does not look like an e-mail address (e.g. name@city.de)'],
  'not a web address (write it with https://)': ['keine Internetadresse: bitte mit https:// am Anfang', 'not a web address: please start it with https://'],
  'invisible character U+%04X at byte %zu: what is shown would not be where the address leads; remove it':
    ['unsichtbares Zeichen U+{0} in der Adresse: gezeigt würde eine andere Adresse als die, zu der sie führt. Bitte entfernen', 'an invisible character (U+{0}) in the address: what is shown would not be where it leads. Please remove it'],
  'file not found: %s': ['Bilddatei nicht gefunden: {0}', 'picture file not found: {0}'],
  'cannot open %s: %s': ['{0} lässt sich nicht öffnen ({1})', null],
  '%s leads outside the bundle folder (symbolic link?)': ['{0} liegt außerhalb des Inhaltsordners', null],
  '%s is not a file': ['{0} ist keine Datei', null],
  'image too large (%lld bytes, at most %d)': ['Bild zu groß ({0} Byte, höchstens {1})', 'picture too large ({0} bytes, at most {1})'],
  '%s is not a PNG, JPEG, GIF or WebP image': ['{0} ist kein PNG-, JPEG-, GIF- oder WebP-Bild', '{0} is not a PNG, JPEG, GIF or WebP picture'],
  '%s: its %s header is cut off or damaged (width and height cannot be read)': ['{0}: der Kopf der {1}-Datei ist abgeschnitten oder beschädigt (Breite und Höhe nicht lesbar)', null],
  '%s: its %s header says %u x %u pixels': ['{0}: laut Kopf der {1}-Datei {2} × {3} Pixel – so ist es kein Bild', null],
  '%s is in %s format, not a PNG, JPEG, GIF or WebP image: save it as JPEG (a photo) or PNG (a logo, a flyer) and name that file here': ['{0} ist im Format {1}, kein PNG-, JPEG-, GIF- oder WebP-Bild: bitte als JPEG (Foto) oder PNG (Logo, Flyer) speichern und diese Datei wählen', '{0} is in {1} format, not a PNG, JPEG, GIF or WebP picture: please save it as JPEG (a photo) or PNG (a logo, a flyer) and choose that file'],
  '%s: cannot read the picture size (damaged file?)': ['{0}: die Bildgröße ist nicht lesbar (Datei beschädigt?)', null],
  '%s is %u x %u pixels (a PNG has at most %d pixels, e.g. 4096 x 4096, and %d a side)': ['{0} hat {1} × {2} Pixel: das ist zu groß. Bitte das Bild verkleinern (ein PNG höchstens 4096 × 4096 Pixel; für den Bildschirm reichen 1920 × 1080).', '{0} has {1} × {2} pixels: too large. Please make it smaller (a PNG at most 4096 × 4096 pixels; 1920 × 1080 is enough for a screen).'],
  '%s is %u x %u pixels (a JPEG has at most %d pixels, e.g. 6144 x 4096, and %d a side)': ['{0} hat {1} × {2} Pixel: das ist zu groß. Bitte das Foto verkleinern (ein JPEG höchstens 6144 × 4096 Pixel; für den Bildschirm reichen 1920 × 1080).', '{0} has {1} × {2} pixels: too large. Please make the photo smaller (a JPEG at most 6144 × 4096 pixels; 1920 × 1080 is enough for a screen).'],
  '%s does not exist: that month has %d days': ['den {0} gibt es nicht: der Monat hat {1} Tage', '{0} does not exist: that month has {1} days'],
  /* the studio's own checks in the form (app.js, not the server's) */
  'studio-past-end': ['liegt in der Vergangenheit: dieser Eintrag erscheint auf keinem Bildschirm mehr. Bitte das Datum prüfen (Jahr?).', 'is in the past: this entry shows on no screen any more. Please check the date (the year?).'],
  'studio-start-2400': ['24:00 ist das Ende eines Tages: als Beginn bitte 00:00 des nächsten Tages angeben.', '24:00 is the end of a day: as a start please give 00:00 of the next day.'],
  'file name too long (%zu bytes, at most %d)': ['Dateiname zu lang ({0} Byte, höchstens {1})', null],
  'must be a file inside the bundle folder, not an absolute path': ['muss eine Datei im Inhaltsordner sein', null],
  'use "/" between folder names, not "\\"': ['zwischen Ordnernamen „/“ schreiben, nicht „\\“', null],
  'must not contain "..": images stay inside the bundle folder': ['darf „..“ nicht enthalten: Bilder bleiben im Inhaltsordner', null],
  '%s is nested in %zu folders (at most %d)': ['{0} liegt in {1} Ordnern ineinander (höchstens {2})', null],
  'must not contain "..": files stay inside the bundle folder': ['darf „..“ nicht enthalten: Dateien bleiben im Inhaltsordner', null],
  'contains a control character (U+%04X at byte %zu): not allowed in a file name': ['enthält ein Steuerzeichen (U+{0}): im Dateinamen nicht erlaubt; die Datei bitte umbenennen', 'contains a control character (U+{0}): not allowed in a file name; please rename the file'],
  "%s is the name of the bundle's own manifest or signature: give the file another name": ['{0} ist der Name der Inhaltsdatei oder ihrer Signatur: die Datei bitte anders nennen', null],
  'has an empty or "." part (write it like images/logo.png)': ['hat einen leeren oder „.“-Teil (so schreiben: images/logo.png)', null],
  "%s is not in composed Unicode (NFC): an accent is a character of its own, so the name looks like another file's; type the file name again": ['{0}: ein Akzent ist hier ein eigenes Zeichen (Unicode nicht NFC), der Name sieht aus wie ein anderer; den Dateinamen bitte neu eintippen', null],
  'unknown recurrence "%s" (only "yearly")': ['unbekannte Wiederholung „{0}“ (nur jährlich)', 'unknown repetition “{0}” (only yearly)'],
  'expected an array of texts, found %s': ['muss eine Liste von Texten sein', 'must be a list of texts'],
  'too many tags (%zu, at most %d)': ['zu viele Schlagworte ({0}, höchstens {1})', null],
  'expected an array of language tags, found %s': ['muss eine Liste von Sprachkürzeln sein', 'must be a list of language tags'],
  'not a time of day (write it like 09:00)': ['keine gültige Uhrzeit (HH:MM, z. B. 09:00)', 'not a valid time (HH:MM, e.g. 09:00)'],
  'expected an array of days such as ["mo", "tu"], found %s': ['bitte Wochentage wählen', 'please choose weekdays'],
  'no days given': ['mindestens einen Wochentag wählen', 'choose at least one weekday'],
  'more than 7 days': ['mehr als 7 Wochentage', null],
  'not a day (mo, tu, we, th, fr, sa, su)': ['kein Wochentag', 'not a weekday'],
  'missing (a range needs days, from and to)': ['unvollständig: Wochentage, „von“ und „bis“ angeben', 'incomplete: give weekdays, “from” and “to”'],
  'must be later than from': ['„bis“ muss nach „von“ liegen', '“to” must be later than “from”'],
  'expected an array of ranges, found %s': ['muss eine Liste von Zeiträumen sein', 'must be a list of hours'],
  'too many ranges (%zu, at most %d)': ['zu viele Zeiträume ({0}, höchstens {1})', 'too many hours ({0}, at most {1})'],
  'empty: give "ranges", a "note" or both': ['leer: Zeiträume, einen Zusatz oder beides angeben', 'empty: give hours, a note or both'],
  'missing (event, offer, contact or notice)': ['die Art fehlt (Termin, Angebot, Kontakt oder Mitteilung)', 'the kind is missing (event, offer, contact or notice)'],
  'unknown kind "%s" (event, offer, contact or notice)': ['unbekannte Art „{0}“ (Termin, Angebot, Kontakt oder Mitteilung)', null],
  'start is a date alone (an all-day event): write end as a date too, e.g. "2027-03-23" for the last day, or give both a time':
    ['Der Beginn ist ein ganzer Tag ohne Uhrzeit: das Ende dann auch ohne Uhrzeit angeben, oder beiden eine Uhrzeit geben', 'The start is a whole day without a time: give the end without a time too, or give both a time'],
  'the last day is before the first (start)': ['der letzte Tag liegt vor dem ersten (Beginn)', 'the last day is before the first (start)'],
  'a date alone, but start has a time: give end a time too (e.g. "%sT20:00"), or write start as a date alone for an all-day event':
    ['Das Ende hat keine Uhrzeit, der Beginn schon: bitte auch beim Ende eine Uhrzeit angeben', 'The end has no time, the start has one: please give the end a time too'],
  'missing (%s)': ['fehlt noch', 'missing'],
  'must be later than start': ['muss nach dem Beginn liegen', 'must be later than the start'],
  'must be later than valid_from': ['muss nach „Sichtbar ab“ liegen', 'must be later than “Visible from”'],
  'no text is in "%s" (languages used: %s)': ['kein Text ist in der Startsprache „{0}“ (vorhanden: {1})', 'no text is in the starting language “{0}” (there are: {1})'],
  'too many items (%zu, at most %d)': ['zu viele Einträge ({0}, höchstens {1})', 'too many entries ({0}, at most {1})'],
  'unknown field: it will not be shown; did you mean "%s"?': ['unbekanntes Feld: wird nicht gezeigt (gemeint war vielleicht „{0}“)', 'unknown field: it will not be shown (perhaps “{0}” was meant)'],
  'unknown field: it will not be shown': ['unbekanntes Feld: wird nicht gezeigt', null],
  '%s: it will not be shown; did you mean "%s"?': ['passt nicht zu dieser Art von Eintrag: wird nicht gezeigt', 'does not belong to this kind of entry: it will not be shown'],
  '%s: it will not be shown': ['passt nicht zu dieser Art von Eintrag: wird nicht gezeigt', 'does not belong to this kind of entry: it will not be shown'],
  'expected true or false, found %s': ['muss ja oder nein sein', 'must be yes or no'],
  'write true or false (without quotes)': ['muss ja oder nein sein', 'must be yes or no'],
  '%lld is out of range (1..%lld)': ['{0} liegt außerhalb des erlaubten Bereichs (1 bis {1})', null],
  '%lld is out of range (0 to %d bytes)': ['{0} liegt außerhalb des erlaubten Bereichs (0 bis {1} Byte)', null],
  'not a language tag (': ['kein gültiges Sprachkürzel', 'not a valid language tag'],

  /* --- calendars (src/calendar/) --- */
  '%zu bytes: a calendar feed may have at most %d; this line alone has %zu (a picture or attachment inside the calendar?)': ['Der Kalender ist zu groß ({0} Byte, höchstens {1}); allein diese Zeile hat {2} Byte (ein Bild oder Anhang im Kalender?)', 'The calendar is too large ({0} bytes, at most {1}); this line alone has {2} bytes (a picture or attachment inside the calendar?)'],
  '%zu bytes: a calendar feed may have at most %d': ['Der Kalender ist zu groß ({0} Byte, höchstens {1})', 'The calendar is too large ({0} bytes, at most {1})'],
  '%zu bytes: a text on the kiosk holds at most %d': ['Text zu lang ({0} Byte, höchstens {1}): auf dem Bildschirm würde er abgeschnitten', 'text too long ({0} bytes, at most {1}): the screen would cut it'],
  'DTSTART and DTEND must both be dates or both date-times': ['Beginn und Ende müssen beide mit oder beide ohne Uhrzeit sein', 'start and end must both have a time or both have none'],
  'a repeat rule libical cannot follow': ['eine Wiederholungsregel, die nicht ausgewertet werden kann', 'a repeat rule that cannot be followed'],
  'not a repeat rule libical understands': ['keine verständliche Wiederholungsregel', 'not a repeat rule that can be read'],
  'ends before it starts': ['endet vor dem Beginn', 'ends before it starts'],
  'ends when it starts: shown as one hour long': ['endet, wenn er beginnt: wird als eine Stunde lang gezeigt', null],
  'no end (DTEND or DURATION): shown as one hour long': ['ohne Ende: wird als eine Stunde lang gezeigt', 'without an end: shown as one hour long'],
  'more than %d categories: \'%s\' is left out': ['mehr als {0} Kategorien: „{1}“ wird weggelassen', null],
  '\'%s\' left out of the event: %s': ['„{0}“ wurde beim Termin weggelassen: keine Adresse, die der Bildschirm zeigen kann ({1})', null],
  'control character U+%04X removed (it would show as an empty box); the feed may hold more, removed as well':
    ['Steuerzeichen U+{0} entfernt (es erschiene als leeres Kästchen); weitere im Kalender wurden ebenso entfernt', 'control character U+{0} removed (it would show as an empty box); others in the calendar were removed as well'],
  'more than %d events in one feed': ['mehr als {0} Termine in einem Kalender', 'more than {0} events in one calendar'],
  'more than %d events within the horizon: shorten --horizon-days': ['mehr als {0} Termine im Zeitraum: bitte einen kürzeren Zeitraum wählen', 'more than {0} events in the period: please choose a shorter period'],
  'not a date or date-time': ['kein gültiges Datum', 'not a valid date'],
  'the feed is not UTF-8 text, as iCalendar requires: read as Windows-1252 (Latin-1), which gives "%s"; check its umlauts in the preview':
    ['Der Kalender ist nicht in UTF-8 geschrieben: er wurde als Windows-1252 (Latin-1) gelesen, das ergibt „{0}“. Bitte die Umlaute in der Vorschau prüfen.', 'The calendar is not written in UTF-8: it was read as Windows-1252 (Latin-1), which gives “{0}”. Please check its umlauts in the preview.'],
  'a web page (HTML), not an iCalendar feed: perhaps a login or error page; use the calendar\'s iCalendar (.ics) address, which calendars offer under \'publish\' or \'subscribe\'':
    ['Das ist eine Webseite (HTML), kein Kalender – vielleicht eine Anmelde- oder Fehlerseite. Bitte die iCalendar-Adresse (.ics) des Kalenders nehmen (unter „Veröffentlichen“ oder „Abonnieren“).', 'This is a web page (HTML), not a calendar – perhaps a login or error page. Please use the calendar\'s iCalendar (.ics) address (under “publish” or “subscribe”).'],
  '%zu entries of the feed share the UID \'%s\' without a RECURRENCE-ID: each is shown as an event of its own':
    ['{0} Einträge des Kalenders haben dieselbe UID „{1}“: jeder wird als eigener Termin gezeigt', '{0} entries of the calendar share the UID “{1}”: each is shown as an event of its own'],
  'the same event (UID and start %s) as the entry at line %d, which has the higher SEQUENCE and is kept':
    ['derselbe Termin wie der Eintrag in Zeile {1}, der neuer ist und bleibt', 'the same event as the entry at line {1}, which is newer and is kept'],
  'the same event (UID and start %s) as the entry at line %d: this one is kept (its SEQUENCE is not lower and it comes later)':
    ['derselbe Termin wie der Eintrag in Zeile {1}: dieser hier gilt (er ist nicht älter und steht später)', 'the same event as the entry at line {1}: this one is kept (not older, and later in the calendar)'],
  'not a date, date-time or period: left out': ['kein gültiges zusätzliches Datum: weggelassen', 'not a valid extra date: left out'],
  'a date in a series of date-times: left out': ['ein Datum ohne Uhrzeit in einer Serie mit Uhrzeiten: weggelassen', 'a date without a time in a series with times: left out'],
  'a date-time in a series of dates: left out': ['ein Datum mit Uhrzeit in einer ganztägigen Serie: weggelassen', 'a date with a time in an all-day series: left out'],
  'the feed\'s series repeat more than %d times in all before the end of the horizon: split the feed':
    ['die Serien des Kalenders wiederholen sich zusammen mehr als {0}-mal im Zeitraum: bitte den Kalender aufteilen', null],
  'the feed stops here, without END:VCALENDAR: the file or its download was cut off; nothing of it is imported':
    ['Der Kalender hört hier auf, ohne END:VCALENDAR: die Datei oder ihr Download wurde abgeschnitten. Nichts davon wurde übernommen.', 'The calendar stops here, without END:VCALENDAR: the file or its download was cut off. Nothing of it was imported.'],
  'not a text file (it holds a NUL byte)': ['Das ist keine Textdatei und damit kein Kalender (vielleicht ein Bild oder ein PDF). Bitte die .ics-Datei des Kalenders nehmen.', 'This is not a text file and so no calendar (perhaps a picture or a PDF). Please use the calendar\'s .ics file.'],
  'not an iCalendar feed: it must begin with BEGIN:VCALENDAR and end with END:VCALENDAR':
    ['Das ist kein Kalender im iCalendar-Format (.ics). Bitte die iCalendar-Adresse oder -Datei des Kalenders nehmen (im Kalenderprogramm unter „Veröffentlichen“, „Exportieren“ oder „Abonnieren“).', 'This is not a calendar in iCalendar format (.ics). Please use the calendar\'s iCalendar address or file (in the calendar program under “publish”, “export” or “subscribe”).'],
  'the event has no UID: without it a new import could not find the event again':
    ['dem Termin fehlt die UID: ohne sie fände ein neuer Import ihn nicht wieder', 'the event has no UID: without it a new import could not find it again'],
  'the event has no start (DTSTART)': ['der Termin hat keinen Beginn', 'the event has no start'],
  'the event has no title (SUMMARY)': ['der Termin hat keinen Titel', 'the event has no title'],
  'the series repeats more than %d times before the end of the horizon: its dates from %s on are left out; split it into shorter series':
    ['Die Serie wiederholt sich mehr als {0}-mal im Zeitraum: ihre Termine ab {1} fehlen auf den Bildschirmen. Bitte in kürzere Serien teilen.', 'The series repeats more than {0} times within the horizon: its dates from {1} on are left out. Please split it into shorter series.'],
  'unknown time zone \'%s\': neither an IANA name (Europe/Berlin), a Windows name (W. Europe Standard Time) nor a VTIMEZONE of the feed':
    ['unbekannte Zeitzone „{0}“', 'unknown time zone “{0}”'],
  'unknown time zone \'%s\' (neither an IANA name, a Windows name nor a VTIMEZONE of the feed): its times are read as %s time; check them in the preview':
    ['unbekannte Zeitzone „{0}“: die Zeiten werden als Zeit in {1} gelesen – bitte in der Vorschau prüfen', 'unknown time zone “{0}”: its times are read as {1} time – please check them in the preview'],
  'left out the event "%s" (UID %s, DTSTART %s): %s; the rest of the feed is imported':
    ['Der Termin „{0}“ (UID {1}, Beginn {2}) wurde weggelassen, der Rest des Kalenders übernommen. Grund: {3}', 'The event “{0}” (UID {1}, start {2}) was left out, the rest of the calendar imported. Reason: {3}'],
  '%zu later events within the horizon are left out: a bundle holds at most %d events from one feed, so only the %d that start first are imported (up to %s); pick the events to import by category or text, or shorten the horizon':
    ['{0} spätere Termine im Zeitraum wurden weggelassen: ein Paket nimmt höchstens {1} Termine aus einem Kalender, darum wurden nur die {2} frühesten übernommen (bis {3}). Bitte die Termine mit Kategorie oder Suchtext auswählen oder den Zeitraum verkürzen.', '{0} later events in the period were left out: a bundle takes at most {1} events from one calendar, so only the {2} earliest were imported (up to {3}). Please pick the events by category or search text, or shorten the period.'],
  'no event of the feed lies within the next %d days: the next begins on %s (a longer horizon imports it)':
    ['Kein Termin des Kalenders liegt in den nächsten {0} Tagen: der nächste beginnt am {1}. Mit einem längeren Zeitraum wird er übernommen.', 'No event of the calendar lies within the next {0} days: the next begins on {1}. A longer period imports it.'],
  'every event of the feed is over: the latest ended on %s; is it the calendar\'s current address, and is the clock right?':
    ['Alle Termine des Kalenders sind vorbei: der letzte endete am {0}. Ist das die aktuelle Adresse oder Datei des Kalenders, und geht die Uhr richtig?', 'Every event of the calendar is over: the last one ended on {0}. Is this the calendar\'s current address or file, and is the clock right?'],
  'DTSTART %04d-%02d-%02d is not a date its repeat rule gives: shown as well, as calendar programs show it; check the series in the calendar':
    ['Der Beginn der Serie ({2}.{1}.{0}) ist kein Tag ihrer Wiederholungsregel: er wird trotzdem gezeigt, wie Kalenderprogramme es tun. Bitte die Serie im Kalender prüfen.', 'The series\' start ({0}-{1}-{2}) is not a day of its repeat rule: it is shown as well, as calendar programs do. Please check the series in the calendar.'],
  '%s: a list of at most %d texts': ['{0}: höchstens {1} Texte', null],
  '%s: texts of 1 to %d bytes': ['{0}: jeder Text 1 bis {1} Zeichen lang', null],
  'kept %s ("%s"): changed by hand since the last import; the calendar now says:':
    ['„{1}“ wurde im Studio von Hand geändert und bleibt so. Der Kalender sagt jetzt:', '“{1}” was changed by hand in the studio and stays so. The calendar now says:'],
  '    %s: %s': ['{0}: {1}', null],
  '    %s: (not in the calendar)': ['{0}: (nicht im Kalender)', '{0}: (not in the calendar)'],
  'left out %s ("%s"): deleted by hand after an earlier import': ['„{1}“ wurde nach einem früheren Import von Hand gelöscht und kommt nicht zurück', '“{1}” was deleted by hand after an earlier import and does not come back'],
  'cancelled %s ("%s"): shown as cancelled': ['„{1}“ ist abgesagt und wird als abgesagt gezeigt', '“{1}” is cancelled and shown as cancelled'],
  'kept %s ("%s"): no longer in the calendar, but changed by hand since the last import':
    ['„{1}“ steht nicht mehr im Kalender, bleibt aber, weil er im Studio von Hand geändert wurde', '“{1}” is no longer in the calendar but stays, because it was changed by hand in the studio'],
  '%s: not saved: %s': ['{0}: nicht gespeichert: {1}', null],
  'imported, but not published: the draft has errors': ['übernommen, aber nicht veröffentlicht: der Entwurf hat noch Fehler', 'imported, but not published: the draft has errors'],

  /* --- the studio's API (src/studio/server.c) --- */
  'user and password are required': ['Bitte Benutzername und Passwort eingeben.', 'Please enter user name and password.'],
  'user name or password is wrong': ['Benutzername oder Passwort ist falsch.', 'User name or password is wrong.'],
  'too many wrong passwords: wait before trying again': ['Zu viele falsche Passwörter: bitte etwas warten und dann erneut versuchen.', 'Too many wrong passwords: please wait a little, then try again.'],
  'your session has expired: please log in again': ['Ihre Sitzung ist abgelaufen. Bitte melden Sie sich wieder an.', 'Your session has expired. Please log in again.'],
  'your session has expired: the password was changed': ['Ihre Sitzung ist beendet, weil das Passwort geändert wurde. Bitte melden Sie sich neu an.', 'Your session ended because the password was changed. Please log in again.'],
  'this user no longer exists': ['Diesen Benutzer gibt es nicht mehr.', 'This user no longer exists.'],
  'please log in': ['Bitte melden Sie sich an.', 'Please log in.'],
  'a %s may not do this (it needs a %s)': ['Dafür fehlt Ihnen die Berechtigung (nötig: {1}).', 'You may not do this (it needs the role {1}).'],
  'no such item': ['Diesen Eintrag gibt es nicht (mehr).', 'This entry does not exist (any more).'],
  'no item \'%s\'': ['Den Eintrag „{0}“ gibt es nicht (mehr).', 'The entry “{0}” does not exist (any more).'],
  'the preview renderer did not start (fonts?)': ['Die Vorschau steht gerade nicht zur Verfügung.', 'The preview is not available right now.'],
  'not an image name': ['Ungültiger Dateiname für ein Bild.', 'Not a valid file name for a picture.'],
  'no image \'%s\'': ['Das Bild „{0}“ gibt es nicht.', 'There is no picture “{0}”.'],
  'no version \'%s\'': ['Die Version {0} gibt es nicht.', 'There is no version {0}.'],
  'horizon_days: a number of days from 1 to %d': ['Zeitraum: 1 bis {0} Tage', 'Period: 1 to {0} days'],
  'name: letters a-z, digits and \'-\' (e.g. stadtkalender)': ['Name: nur Kleinbuchstaben a–z, Ziffern und „-“ (z. B. stadtkalender)', 'Name: only letters a–z, digits and “-” (e.g. citycalendar)'],
  'url: an https:// address of the calendar (.ics)': ['Adresse: bitte die https://-Adresse des Kalenders (.ics) angeben', 'Address: please give the https:// address of the calendar (.ics)'],
  'interval_seconds: from %d to %d': ['Abstand: mindestens {0} und höchstens {1} Sekunden', 'Interval: from {0} to {1} seconds'],
  'tag: a text': ['Schlagwort: bitte ein Text', 'Tag: please a text'],
  'a subscription \'%s\' exists already': ['Ein Abonnement „{0}“ gibt es schon.', 'A subscription “{0}” exists already.'],
  'at most %d subscriptions': ['Höchstens {0} Abonnements.', 'At most {0} subscriptions.'],
  'only a publisher may let a calendar publish by itself': ['Nur wer veröffentlichen darf, kann einen Kalender selbst veröffentlichen lassen.', 'Only someone who may publish can let a calendar publish by itself.'],
  'no subscription \'%s\'': ['Das Abonnement „{0}“ gibt es nicht.', 'There is no subscription “{0}”.'],
  'the request is larger than %zu bytes': ['Das ist zu groß (höchstens {0} Byte).', 'This is too large (at most {0} bytes).'],
  'missing or wrong X-CSRF-Token header': ['Die Seite ist veraltet: bitte neu laden.', 'The page is out of date: please reload it.'],
  'changes wait for a publisher\'s approval (four eyes)': ['Änderungen warten noch auf die Freigabe (vier Augen): bitte die angehakten Änderungen erst freigeben, dann veröffentlichen. Es warten',
    'Changes still wait for approval (four eyes): please approve them first, then publish. Waiting'],
  'a publish is under way: started by %s at %s': ['Wird gerade veröffentlicht – von {0} seit {1} Uhr. Das Ergebnis erscheint hier, sobald es fertig ist.',
    'Publishing is under way – started by {0} at {1}. The outcome shows here once it is done.'],
  'send the settings\' revision you edited: {"revision": N, ...} or If-Match: "settings-N" (GET /api/bundle)':
    ['Die Einstellungen wurden nicht gespeichert: die Seite ist veraltet. Bitte neu laden.', 'The settings were not saved: the page is out of date. Please reload.'],
  'cannot start publishing: try again in a minute': ['Das Veröffentlichen konnte nicht beginnen. Bitte in einer Minute noch einmal versuchen.', 'Publishing could not start. Please try again in a minute.'],
  'too many downloads at once: try again in a minute': ['Das Studio holt gerade schon mehrere Kalender. Bitte in einer Minute noch einmal versuchen.', 'The studio is already fetching several calendars. Please try again in a minute.'],
  /* the draft (src/studio/draft.c) */
  'the draft would be larger than %d bytes': ['Der Entwurf würde zu groß (höchstens {0} Byte).', null],
  'a bundle holds at most %d items': ['Höchstens {0} Einträge sind möglich.', 'At most {0} entries are possible.'],
  'id: use lowercase a-z, digits, \'-\' and \'_\' (at most %d characters)':
    ['Kennung: nur Kleinbuchstaben a–z, Ziffern, „-“ und „_“ (höchstens {0} Zeichen)', 'Identifier: only lowercase a–z, digits, “-” and “_” (at most {0} characters)'],
  'id: "%s" is already used by another item': ['Die Kennung „{0}“ hat schon ein anderer Eintrag. Bitte den Titel ändern oder eine andere Kennung wählen.', 'The identifier “{0}” is already used by another entry. Please change the title or choose another identifier.'],
  'id: an item keeps its id (use "copy as new" to rename)': ['Die Kennung eines Eintrags bleibt; für eine neue „Als neu kopieren“ verwenden.', 'An entry keeps its identifier; use “Copy as new” for a new one.'],
  '%s was changed by %s at %s (revision %lld, yours %lld)': ['{1} hat diesen Eintrag inzwischen geändert. Nichts wurde überschrieben.', '{1} changed this entry meanwhile. Nothing was overwritten.'],
  '%s was changed meanwhile (revision %lld, yours %lld)': ['Dieser Eintrag wurde inzwischen geändert. Nichts wurde überschrieben.', 'This entry was changed meanwhile. Nothing was overwritten.'],
  'ids: name every item exactly once': ['Die Reihenfolge ist veraltet: bitte die Seite neu laden.', 'The order is out of date: please reload the page.'],
  'ids[%zu]: %s': ['Die Reihenfolge ist veraltet: bitte die Seite neu laden.', 'The order is out of date: please reload the page.'],
  'the settings were changed by %s at %s (revision %lld, yours %lld)': ['{0} hat die Einstellungen inzwischen geändert. Nichts wurde überschrieben.', '{0} changed the settings meanwhile. Nothing was overwritten.'],
  '%s: not a field the studio sets (organisation, default_language, version)': ['„{0}“ lässt sich hier nicht einstellen.', '“{0}” cannot be set here.'],
  /* pictures uploaded (src/studio/draft.c) */
  'not an image file name: use letters, digits, \'.\', \'_\', \'-\' and the ending .png, .jpg, .jpeg, .gif or .webp (at most %d characters, no folders)':
    ['Ungültiger Dateiname: Buchstaben, Ziffern, „.“, „_“, „-“ und die Endung .png, .jpg, .jpeg, .gif oder .webp (höchstens {0} Zeichen)', null],
  '%s: larger than %d bytes': ['{0} ist zu groß (höchstens {1} Byte).', '{0} is too large (at most {1} bytes).'],
  '%s: not a PNG, JPEG, GIF or WebP image': ['{0} ist kein PNG-, JPEG-, GIF- oder WebP-Bild.', '{0} is not a PNG, JPEG, GIF or WebP picture.'],
  '%s: in %s format, not a PNG, JPEG, GIF or WebP image: save it as JPEG (a photo) or PNG (a logo, a flyer) and upload that': ['{0} ist im Format {1}, kein PNG-, JPEG-, GIF- oder WebP-Bild. Bitte als JPEG (Foto) oder PNG (Logo, Flyer) speichern und diese Datei hochladen.', '{0} is in {1} format, not a PNG, JPEG, GIF or WebP picture. Please save it as JPEG (a photo) or PNG (a logo, a flyer) and upload that.'],
  '%s: %d x %d pixels, more than %lld pixels or a side over %d (a JPEG of 6144 x 4096 or a PNG, GIF or WebP of 4096 x 4096 is fine)':
    ['{0} hat {1} × {2} Pixel: das ist zu groß. Bitte das Bild verkleinern (ein JPEG-Foto höchstens 6144 × 4096 Pixel, ein PNG, GIF oder WebP 4096 × 4096; für den Bildschirm reichen 1920 × 1080).', '{0} has {1} × {2} pixels: too large. Please make it smaller (a JPEG photo at most 6144 × 4096 pixels, a PNG, GIF or WebP 4096 × 4096; 1920 × 1080 is enough for a screen).'],
  '%s cannot be decoded: %s': ['{0} lässt sich nicht lesen: die Datei ist beschädigt oder nicht ganz hochgeladen ({1}). Bitte das Bild als JPEG oder PNG neu speichern und noch einmal hochladen.', '{0} cannot be read: the file is damaged or not uploaded whole ({1}). Please save it again as JPEG or PNG and upload it again.'],
  '%s: cannot write: %s': ['{0} konnte nicht gespeichert werden ({1}).', null],
  '%s: cannot store: %s': ['{0} konnte nicht gespeichert werden ({1}).', null],
  /* the calendar fetched once (codes of POST /api/import/ics-url) */
  'ics-url': ['Bitte die Adresse des Kalenders angeben, beginnend mit https://', 'Please give the address of the calendar, starting with https://'],
  'ics-url-http': ['Diese Adresse ist unverschlüsselt (http://).', 'This address is not encrypted (http://).'],
  'ics-horizon': ['Zeitraum: 1 bis {0} Tage', 'Period: 1 to {0} days'],
  /* ... and why it could not be fetched (code ics-fetch, by fetchKind: {0} the server, {1} the HTTP status) */
  'fetch-dns': ['Die Adresse wurde nicht gefunden: einen Server „{0}“ gibt es nicht. Bitte die Adresse auf Tippfehler prüfen (am besten neu aus dem Kalender kopieren). Stimmt sie, ist der Studio-Rechner vielleicht nicht mit dem Internet verbunden: dann bitte die IT fragen.',
    'The address was not found: there is no server “{0}”. Please check the address for typing errors (best copy it again from the calendar). If it is right, the studio\'s computer may not be connected to the internet: then please ask IT.'],
  'fetch-connect': ['Keine Verbindung zum Server „{0}“: er nimmt keine Verbindung an oder ist nicht erreichbar. Bitte die Adresse prüfen und es später noch einmal versuchen; klappt es dann nicht, bitte die IT fragen.',
    'No connection to the server “{0}”: it takes no connection or cannot be reached. Please check the address and try again later; if it still fails, please ask IT.'],
  'fetch-timeout': ['Der Server „{0}“ hat zu lange nicht geantwortet. Nichts wurde geholt. Bitte es später noch einmal versuchen; klappt es dann wieder nicht, bitte die Adresse prüfen (am besten neu aus dem Kalenderprogramm kopieren) oder die IT fragen.',
    'The server “{0}” took too long to answer. Nothing was fetched. Please try again later; if it fails again, please check the address (best copy it again from the calendar program) or ask IT.'],
  'fetch-certificate': ['Die sichere Verbindung zu „{0}“ kam nicht zustande: dem Zertifikat des Servers wird nicht vertraut. Nichts wurde geholt. Bitte prüfen, ob die Adresse stimmt; sonst bitte die IT fragen.',
    'The secure connection to “{0}” failed: the server\'s certificate is not trusted. Nothing was fetched. Please check the address; otherwise please ask IT.'],
  'fetch-tls': ['Die sichere Verbindung (https) zu „{0}“ kam nicht zustande. Nichts wurde geholt. Bitte prüfen, ob die Adresse stimmt; sonst bitte die IT fragen (die technische Angabe unten hilft ihr).',
    'The secure connection (https) to “{0}” failed. Nothing was fetched. Please check the address; otherwise please ask IT (the technical detail below helps them).'],
  'fetch-http-404': ['Unter dieser Adresse gibt es keinen Kalender: der Server „{0}“ antwortet „nicht gefunden“ (404). Bitte die Adresse prüfen, am besten neu aus dem Kalenderprogramm kopieren (unter „Veröffentlichen“ oder „Abonnieren“).',
    'There is no calendar at this address: the server “{0}” answers “not found” (404). Please check the address, best copy it again from the calendar program (under “publish” or “subscribe”).'],
  'fetch-http-denied': ['Der Server „{0}“ gibt den Kalender nicht heraus (Zugriff verweigert, {1}). Bitte die öffentliche Adresse des Kalenders nehmen (im Kalenderprogramm unter „Veröffentlichen“ oder „Freigeben“).',
    'The server “{0}” does not give out the calendar (access denied, {1}). Please use the calendar\'s public address (in the calendar program under “publish” or “share”).'],
  'fetch-http-server': ['Der Server „{0}“ hat einen eigenen Fehler gemeldet ({1}). Das liegt nicht am Studio: bitte es später noch einmal versuchen.',
    'The server “{0}” reported an error of its own ({1}). It is not the studio: please try again later.'],
  'fetch-http': ['Der Server „{0}“ antwortete mit dem Code {1} statt mit dem Kalender. Bitte die Adresse prüfen.',
    'The server “{0}” answered with code {1} instead of the calendar. Please check the address.'],
  'fetch-too-large': ['Unter dieser Adresse liegt eine Datei, die für einen Kalender viel zu groß ist. Bitte prüfen, ob die Adresse auf den Kalender (.ics) zeigt.',
    'The file at this address is far too large for a calendar. Please check that the address leads to the calendar (.ics).'],
  'fetch-redirect': ['Die Adresse leitet weiter, kommt aber nicht bei einem Kalender an, den das Studio holen darf (zu viele Weiterleitungen, oder eine Adresse ohne https://). Bitte die Adresse des Kalenders selbst angeben.',
    'The address redirects, but does not arrive at a calendar the studio may fetch (too many redirects, or an address without https://). Please give the calendar\'s own address.'],
  'fetch-cut': ['Der Server „{0}“ hat die Verbindung beendet, bevor der Kalender ganz da war. Nichts wurde übernommen. Bitte noch einmal versuchen; geschieht das wieder, bitte die Adresse prüfen (am besten neu aus dem Kalenderprogramm kopieren) oder die IT fragen.',
    'The server “{0}” ended the connection before the whole calendar had arrived. Nothing was imported. Please try again; if it happens again, please check the address (best copy it again from the calendar program) or ask IT.'],
  'fetch-address': ['Diese Adresse kann das Studio nicht holen: sie muss mit https:// beginnen.',
    'The studio cannot fetch this address: it must start with https://.'],
  'fetch-stopped': ['Das Studio wurde beendet, bevor der Kalender da war. Bitte noch einmal versuchen.',
    'The studio was stopped before the calendar had arrived. Please try again.'],
  'ics-fetch': ['Der Kalender konnte unter dieser Adresse nicht geholt werden. Bitte die Adresse prüfen und es noch einmal versuchen.',
    'The calendar could not be fetched from this address. Please check the address and try again.'],
  'fetch-compressed': ['Der Server „{0}“ hat die Datei gepackt (komprimiert) geschickt, obwohl das Studio sie ungepackt verlangt hat. Bitte die IT bitten, die Komprimierung für diese Adresse auszuschalten.',
    'The server “{0}” sent the file compressed although the studio asked for it uncompressed. Please ask IT to switch compression off for this address.'],
  'fetch-not-http': ['Unter dieser Adresse antwortet kein Web-Server („{0}“ schickt keine HTTP-Antwort). Bitte die Adresse prüfen, besonders die Nummer nach dem Doppelpunkt (den Port), am besten neu aus dem Kalenderprogramm kopieren.',
    'No web server answers at this address (“{0}” sends no HTTP answer). Please check the address, especially the number after the colon (the port); best copy it again from the calendar program.'],
  'fetch-other': ['Der Kalender konnte unter dieser Adresse nicht geholt werden. Bitte die Adresse prüfen und es noch einmal versuchen.',
    'The calendar could not be fetched from this address. Please check the address and try again.'],
  /* publishing failed (POST /api/publish): what happened ({0} the server or folder, {1} the HTTP status), then what to do */
  'publish-login': ['Der Server „{0}“ hat die Anmeldung abgelehnt: Benutzername oder Passwort stimmen nicht ({1}). Bitte die IT bitten, das Passwort des Studios für den Server zu prüfen (Einstellung [publish] password_file).',
    'The server “{0}” refused the login: user name or password is wrong ({1}). Please ask IT to check the studio\'s password for the server ([publish] password_file).'],
  'publish-denied': ['Der Server „{0}“ erlaubt dem Studio nicht, dort Dateien abzulegen (Zugriff verweigert, {1}). Bitte die IT bitten, dem Studio-Benutzer Schreibrechte auf den Ordner zu geben.',
    'The server “{0}” does not let the studio store files there (access denied, {1}). Please ask IT to give the studio\'s user write access to the folder.'],
  'publish-nofolder': ['Den Zielordner gibt es auf dem Server „{0}“ nicht ({1}). Bitte die IT bitten, den Ordner anzulegen oder die Adresse in der Einstellung [publish] url zu berichtigen.',
    'The target folder does not exist on the server “{0}” ({1}). Please ask IT to create it or to correct the address in [publish] url.'],
  'publish-method': ['Der Server „{0}“ nimmt Dateien so nicht an ({1}): dort ist WebDAV (Hochladen mit PUT und Umbenennen mit MOVE) nicht eingeschaltet. Bitte die IT bitten, WebDAV für den Ordner einzuschalten.',
    'The server “{0}” does not take files this way ({1}): WebDAV (upload with PUT, rename with MOVE) is not switched on there. Please ask IT to switch WebDAV on for the folder.'],
  'publish-full': ['Auf dem Server „{0}“ ist kein Platz mehr frei ({1}). Bitte die IT bitten, dort Platz zu schaffen.',
    'There is no space left on the server “{0}” ({1}). Please ask IT to free some space there.'],
  'publish-server': ['Der Server „{0}“ hat einen eigenen Fehler gemeldet ({1}). Das liegt nicht am Studio: bitte es später noch einmal versuchen; klappt es dann nicht, bitte die IT fragen.',
    'The server “{0}” reported an error of its own ({1}). It is not the studio: please try again later; if it still fails, please ask IT.'],
  'publish-http': ['Der Server „{0}“ hat das Hochladen abgelehnt ({1}). Bitte die IT fragen (die technische Angabe unten hilft ihr).',
    'The server “{0}” refused the upload ({1}). Please ask IT (the technical detail below helps them).'],
  'publish-dns': ['Den Server „{0}“ gibt es nicht (die Adresse wurde nicht gefunden). Bitte die IT bitten, die Adresse in der Einstellung [publish] url zu prüfen.',
    'There is no server “{0}” (the address was not found). Please ask IT to check the address in [publish] url.'],
  'publish-connect': ['Keine Verbindung zum Server „{0}“: er nimmt keine Verbindung an oder ist nicht erreichbar. Bitte es später noch einmal versuchen; klappt es dann nicht, bitte die IT fragen.',
    'No connection to the server “{0}”: it takes no connection or cannot be reached. Please try again later; if it still fails, please ask IT.'],
  'publish-timeout': ['Der Server „{0}“ hat zu lange nicht geantwortet. Bitte es später noch einmal versuchen; klappt es dann wieder nicht, bitte die IT fragen (die technische Angabe unten hilft ihr).',
    'The server “{0}” took too long to answer. Please try again later; if it fails again, please ask IT (the technical detail below helps them).'],
  'publish-cut': ['Der Server „{0}“ hat die Verbindung beendet, bevor alles hochgeladen war. Bitte noch einmal veröffentlichen. Geschieht das wieder, bitte die IT fragen: vielleicht nimmt der Server unter dieser Adresse keine Dateien an (Adresse und Port in der Einstellung [publish] url prüfen).',
    'The server “{0}” ended the connection before everything was uploaded. Please publish again. If it happens again, please ask IT: perhaps the server takes no files at this address (check address and port in [publish] url).'],
  'publish-nossh': ['Der Server „{0}“ hat nicht als SFTP-Server geantwortet: er hat die Verbindung gleich wieder beendet. Bitte die IT bitten, Adresse und Port in der Einstellung [publish] url zu prüfen.',
    'The server “{0}” did not answer as an SFTP server: it ended the connection at once. Please ask IT to check address and port in [publish] url.'],
  'publish-certificate': ['Die sichere Verbindung zum Server „{0}“ kam nicht zustande: seinem Zertifikat (oder Schlüssel) wird nicht vertraut. Nichts wurde hochgeladen. Bitte die IT fragen.',
    'The secure connection to the server “{0}” failed: its certificate (or key) is not trusted. Nothing was uploaded. Please ask IT.'],
  'publish-tls': ['Die sichere Verbindung (https) zum Server „{0}“ kam nicht zustande. Bitte die IT fragen (die technische Angabe unten hilft ihr).',
    'The secure connection (https) to the server “{0}” failed. Please ask IT (the technical detail below helps them).'],
  'publish-folder-denied': ['Das Studio darf im Ordner „{0}“ nicht schreiben (keine Berechtigung). Bitte die IT bitten, dem Studio Schreibrechte zu geben.',
    'The studio may not write in the folder “{0}” (no permission). Please ask IT to give the studio write access.'],
  'publish-folder-full': ['Auf dem Laufwerk des Ordners „{0}“ ist kein Platz mehr frei. Bitte die IT bitten, dort Platz zu schaffen.',
    'There is no space left on the drive of the folder “{0}”. Please ask IT to free some space there.'],
  'publish-stopped': ['Das Studio wurde beendet, während es zum Server „{0}“ hochlud; dort ist alles geblieben, wie es war. Bitte noch einmal veröffentlichen, wenn das Studio wieder läuft.',
    'The studio was stopped while it uploaded to the server “{0}”; everything there stayed as it was. Please publish again once the studio runs again.'],
  'publish-other': ['Das Hochladen ist fehlgeschlagen. Bitte es noch einmal versuchen; klappt es dann nicht, bitte die IT fragen (die technische Angabe unten hilft ihr).',
    'The upload failed. Please try again; if it still fails, please ask IT (the technical detail below helps them).'],
  'publish-kept': ['Auf den Bildschirmen ändert sich dadurch nichts: sie zeigen weiter, was sie bisher zeigten. Ist das Problem behoben, einfach noch einmal „Jetzt veröffentlichen“.',
    'Nothing changes on the screens: they keep showing what they showed. Once the problem is solved, simply “Publish now” again.'],
};

/* A failed download ({reason, http_status, error, source}: the studio's word for the kind
 * (sync/fetch.h), or only libcurl's English "URL: problem", as a kiosk reports it): which
 * kind it was, the HTTP status, and the server's name. */
const FETCH_KINDS = [
  [/^HTTP \d{3}/, 'http'],
  [/resolve host|resolve proxy/i, 'dns'],
  [/Failed to connect|Couldn't connect|Connection refused|No route to host/i, 'connect'],
  [/timed out|timeout|too slow|slower than/i, 'timeout'],
  [/certificate/i, 'certificate'],
  [/SSL|TLS/i, 'tls'],
  [/redirect|only https?(?:\/https)? is allowed/i, 'redirect'],
  [/larger than/i, 'too-large'],
  [/Empty reply|Recv failure|Send failure|partial|transfer closed|reset/i, 'cut'],
];
function fetchProblem(o) {
  const english = o.error || o.message || '';
  const m = /^(\S+): (.*)$/.exec(english);
  const what = m ? m[2] : english;
  let kind = o.reason || (FETCH_KINDS.find(([re]) => re.test(what)) || [null, 'other'])[1];
  const status = o.http_status || Number((/^HTTP (\d{3})/.exec(what) || [])[1]) || 0;
  let host = '';
  try { host = new URL(o.source || (m ? m[1] : '')).hostname; } catch (e) { /* none */ }
  if (kind === 'http') {
    kind = status === 404 || status === 410 ? 'http-404' : status === 401 || status === 403 ? 'http-denied'
      : status >= 500 ? 'http-server' : 'http';
  }
  return {key: 'fetch-' + kind, kind, status, host, where: m ? m[1] : '', english};
}

/* The text of a message object ({msgid, args, message|error|text}) in the page's
 * language ('de' or 'en'). `fieldName` turns a JSON key among the values into its label. */
/* A message the server wrote out in English (the reason inside another
 * message) found again by its msgid's shape, in the page's language;
 * null when none fits. */
let MSG_SHAPES = null;
function msgByText(text, ui) {
  if (!MSG_SHAPES) {
    MSG_SHAPES = Object.keys(MSGS).map((k) => [new RegExp('^' + k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/%(?:0?\d+)?(?:s|d|u|zu|lld|X)/g, '(.*?)') + '$'), MSGS[k]]);
  }
  for (const [re, entry] of MSG_SHAPES) {
    const m = re.exec(text);
    const s = m && entry[ui === 'en' ? 1 : 0];
    if (s) return m.slice(1).reduce((acc, a, i) => acc.split('{' + i + '}').join(a), s);
  }
  return null;
}

/* Messages of the calendar reader whose plain words leave out what it found. */
const TECHNICAL_DETAIL = new Set([
  'not an iCalendar feed: it must begin with BEGIN:VCALENDAR and end with END:VCALENDAR',
  'not a text file (it holds a NUL byte)',
]);

/* The technical text behind a message that says it in plain words, for a smaller line
 * under it (the English of libcurl or the calendar reader); '' where there is none. */
function msgDetail(o) {
  if (!o || typeof o !== 'object') return '';
  const english = o.error || o.message || '';
  return o.code === 'ics-fetch' || TECHNICAL_DETAIL.has(o.msgid) ? english : '';
}

function msgText(o, ui, fieldName) {
  if (!o) return '';
  if (typeof o === 'string') return o;
  const english = o.message || o.error || o.text || '';
  const entry = MSGS[o.msgid] || MSGS[o.code];
  let args = (o.args || []).slice();
  if (o.code === 'ics-fetch') {
    const f = fetchProblem(o);
    return msgText({msgid: MSGS[f.key] ? f.key : 'fetch-other', args: [f.host, String(f.status)], error: english}, ui);
  }
  if (o.code === 'ics-horizon') args = [String(o.max)];
  if (o.msgid && o.msgid.startsWith('%zu later events within the horizon are left out') && ui !== 'en') {
    args[3] = String(args[3] || '').replace(/^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d))?$/, (m, y, mo, d, hm) => d + '.' + mo + '.' + y + (hm ? ' ' + hm : ''));
  }
  if (o.msgid === '%s does not exist: that month has %d days' && ui !== 'en') args[0] = String(args[0] || '').replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$3.$2.$1');
  if (o.msgid && ui !== 'en' && o.msgid.startsWith('every event of the feed is over')) args[0] = String(args[0] || '').replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$3.$2.$1');
  if (o.msgid && ui !== 'en' && o.msgid.startsWith('no event of the feed lies within')) args[1] = String(args[1] || '').replace(/^(\d{4})-(\d\d)-(\d\d)$/, '$3.$2.$1');
  if (o.msgid === 'left out the event "%s" (UID %s, DTSTART %s): %s; the rest of the feed is imported' && args[3]) {
    args[3] = msgByText(args[3], ui) || args[3];
  }
  if (o.msgid === 'a %s may not do this (it needs a %s)' && fieldName) args = args.map((a) => fieldName('role_' + a));
  if (o.msgid && o.msgid.startsWith('%s: required, but blank') && fieldName) args[0] = fieldName(args[0]);
  if ((o.msgid === '    %s: %s' || o.msgid === '    %s: (not in the calendar)') && fieldName) {
    args[0] = fieldName(args[0]);
    if (args.length > 1) {
      try { const v = JSON.parse(args[1]); args[1] = typeof v === 'object' && v ? (v.de || Object.values(v)[0] || '') : String(v); } catch (e) { /* as it is */ }
    }
  }
  if (!entry) return ui === 'de' && english ? 'Technischer Hinweis (englisch): ' + english : english;
  let s = entry[ui === 'en' ? 1 : 0];
  if (s === null || s === undefined) return english;
  args.forEach((a, i) => { s = s.split('{' + i + '}').join(a); });
  return s;
}

/* Why publishing failed, from the studio's English ("version N was signed but not delivered:
 * WHERE: PROBLEM", or the delivery's "WHERE: PROBLEM" kept with a version): {key, args,
 * english} for MSGS' 'publish-*' texts; the screens keep the old version in every case. */
const PUBLISH_HTTP = {401: 'login', 403: 'denied', 404: 'nofolder', 409: 'nofolder', 405: 'method', 501: 'method',
  413: 'full', 507: 'full'};
function publishProblem(english) {
  const text = String(english || '').replace(/^version \d+ was signed but not delivered: /, '');
  let m = /^(?:publish\.dir )?(\S+?):? (?:cannot (?:create|write)): (.*)$/.exec(text);
  if (m) {
    const kind = /Permission denied|Read-only/i.test(m[2]) ? 'folder-denied' : /No space|quota/i.test(m[2]) ? 'folder-full' : 'other';
    return {key: 'publish-' + kind, args: [m[1].replace(/\/[^/]*\.[^/]*$/, ''), ''], english: text};
  }
  m = /^(\S+): (.*)$/.exec(text);
  const where = m ? m[1] : '', what = m ? m[2] : text;
  let host = '';
  try { host = new URL(where).hostname; } catch (e) { host = where; }
  const status = Number((/^HTTP (\d{3})/.exec(what) || [])[1]) || 0;
  let kind;
  if (status) kind = PUBLISH_HTTP[status] || (status >= 500 ? 'server' : 'http');
  else if (/Authentication failure|Login denied|Access denied|authentication/i.test(what)) kind = 'login';
  else if (/host key|known_hosts|fingerprint/i.test(what)) kind = 'certificate';
  else if (/No such file|does not exist/i.test(what)) kind = 'nofolder';
  else if (/Permission denied/i.test(what)) kind = 'denied';
  else if (/Disk full|No space|quota/i.test(what)) kind = 'full';
  else if (/ssh session|getting banner/i.test(what)) kind = 'nossh';
  else if (/^cancelled: the studio is stopping/.test(what)) kind = 'stopped';
  else kind = (FETCH_KINDS.find(([re]) => re.test(what)) || [null, 'other'])[1];
  if (!MSGS['publish-' + kind]) kind = 'other';
  return {key: 'publish-' + kind, args: [host, status ? 'HTTP ' + status : ''], english: text};
}
/* The plain words for a failed publishing, in the page's language: what happened and what to do. */
function publishText(english, ui, short) {
  const p = publishProblem(english);
  const pick = (k) => MSGS[k][ui === 'en' ? 1 : 0];
  let s = pick(p.key);
  p.args.forEach((a, i) => { s = s.split('{' + i + '}').join(a); });
  s = s.replace(' ()', '').replace(/\(\)/g, '');
  return short ? s.split(/\. /)[0] + '.' : s + ' ' + pick('publish-kept');
}
