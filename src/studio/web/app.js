/* litfass studio: the page KI staff work in. Plain JavaScript, no build
 * step, nothing loaded from elsewhere; every request goes to the studio's
 * own JSON API (docs/studio-api.md). Text from users is only ever put into
 * the page as text (textContent, value), never as HTML. */
'use strict';

/* ---- words ---------------------------------------------------------------------------- */

const WORDS = {
  de: {
    appTitle: 'litfass studio', login: 'Anmelden', user: 'Benutzername', password: 'Passwort',
    loginHint: 'Melden Sie sich mit dem Namen und Passwort an, die Sie von Ihrer Administration bekommen haben.',
    loginAgain: 'Bitte prüfen Sie die Schreibweise (auch Groß- und Kleinbuchstaben) und versuchen Sie es noch einmal. Passwort vergessen? Die Administration kann ein neues setzen.',
    skip: 'Zum Inhalt springen',
    logout: 'Abmelden', expired: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich wieder an.',
    restoredTyping: 'Ihre nicht gespeicherten Eingaben von vor dem Neuladen sind wieder da. Bitte speichern.',
    keptTyping: 'Ihre Eingaben in „{0}“ sind nicht verloren: nach der Anmeldung geht es mit ihnen weiter (noch nicht gespeichert).',
    events: 'Termine', offers: 'Angebote', contacts: 'Kontakte', notices: 'Mitteilungen',
    translations: 'Übersetzungen', publish: 'Veröffentlichen', audit: 'Protokoll', settings: 'Einstellungen',
    newEvent: 'Neuer Termin', newOffer: 'Neues Angebot', newContact: 'Neuer Kontakt', newNotice: 'Neue Mitteilung',
    urgent: 'Dringende Mitteilung', edit: 'Bearbeiten', copy: 'Als neu kopieren', del: 'Löschen',
    up: 'Nach oben', down: 'Nach unten', save: 'Speichern', saved: 'Gespeichert.', cancel: 'Abbrechen',
    back: 'Zurück zur Liste', nothing: 'Noch nichts da. Legen Sie den ersten Eintrag an.',
    past: 'vorbei', yearly: 'jährlich', texts: 'Texte und Übersetzungen', details: 'Angaben',
    missing: 'fehlt', german: 'Deutsch (Pflicht)', easy: 'Leichte Sprache', addLang: 'Sprache hinzufügen',
    showLangs: 'Sprachen', preview: 'Vorschau', landscape: 'Quer', portrait: 'Hoch',
    pageOf: 'Seite {0} von {1}', showPage: 'Vorschau {0}: Seite {1} von {2} zeigen', morePages: 'Der Text braucht {0} Seiten auf dem Bildschirm.',
    previewLang: 'Vorschau-Sprache', previewFix: 'Die Vorschau erscheint, sobald die markierten Fehler behoben sind.',
    errorsTitle: 'Bitte noch korrigieren:', warningsTitle: 'Hinweise:', ok: 'Alles in Ordnung.',
    date: 'Datum', time: 'Uhrzeit', berlin: 'Uhrzeit in Deutschland', from: 'von', to: 'bis',
    addRange: 'Zeitraum hinzufügen', removeRange: 'Zeitraum entfernen', hoursNote: 'Zusatz',
    image: 'Bild', upload: 'Bild hochladen', removeImage: 'Bild entfernen',
    imageRules: 'PNG, JPEG, GIF (sein erstes Bild) oder WebP, höchstens 8 MB und 4096 × 4096 Pixel.',
    notAnImage: '„{0}“ ist kein Bild im Format PNG, JPEG, GIF oder WebP. Bitte ein Foto oder Plakat als PNG oder JPEG wählen (ein PDF oder Word-Dokument vorher als Bild speichern oder exportieren).',
    tooBig: 'Das Bild ist größer als 8 MB.', tag: 'Schlagwort', addTag: 'Schlagwort hinzufügen',
    removeTag: 'Schlagwort entfernen', priority0: 'normal', priority1: 'wichtig', priority2: 'dringend (ganzer Bildschirm)',
    confirmDeleteTitle: 'Diesen Eintrag löschen?', confirmDeleteWhat: 'Gelöscht wird:',
    confirmDelete: 'Der Eintrag verschwindet aus dem Entwurf; nach dem nächsten Veröffentlichen ist er auf keinem Bildschirm mehr.',
    confirmDeleteAction: 'Endgültig löschen', delNamed: '„{0}“ löschen',
    kindWord_event: 'Termin', kindWord_offer: 'Angebot', kindWord_contact: 'Kontakt', kindWord_notice: 'Mitteilung',
    goneTitle: 'Dieser Eintrag wurde inzwischen gelöscht', goneText: 'Jemand hat „{0}“ gelöscht, während Sie ihn bearbeitet haben. Ihre Eingaben sind noch da: Sie können sie als neuen Eintrag speichern.', goneAction: 'Als neuen Eintrag speichern',
    againTitle: 'Ältere Version wieder veröffentlichen?', leaveTitle: 'Änderungen nicht gespeichert', leaveAction: 'Verlassen, ohne zu speichern',
    conflictTitle: 'Jemand anderes hat diesen Eintrag inzwischen geändert',
    conflictText: '{0} hat am {1} Uhr gespeichert. Nichts wurde überschrieben. Vergleichen Sie beide Fassungen:',
    conflictSelfTitle: 'Dieser Eintrag ist inzwischen anderswo gespeichert worden',
    conflictSelfText: 'Sie selbst haben ihn am {1} Uhr in einem anderen Fenster oder Tab gespeichert. Nichts wurde überschrieben. Vergleichen Sie beide Fassungen:',
    settingsConflictTitle: 'Jemand anderes hat die Einstellungen inzwischen geändert',
    settingsConflictText: '{0} hat die Einstellungen am {1} Uhr gespeichert, nachdem Sie diese Seite geöffnet haben. Ihre Änderung ist noch nicht gespeichert, und nichts wurde überschrieben.',
    settingsConflictSelfTitle: 'Die Einstellungen sind inzwischen anderswo gespeichert worden',
    settingsConflictSelfText: 'Sie selbst haben sie am {1} Uhr in einem anderen Fenster oder Tab gespeichert. Ihre Änderung hier ist noch nicht gespeichert, und nichts wurde überschrieben.',
    theyChanged: 'Das hat {0} geändert:', selfChanged: 'Das wurde dort geändert:', nowBefore: '{0}: jetzt „{1}“, vorher „{2}“',
    settingsChoose: 'Welche Fassung soll gelten? Mit „Meine Fassung speichern“ ersetzen Ihre Angaben die Zeilen unten; mit „Gespeicherte Fassung übernehmen“ verwerfen Sie Ihre Änderung.',
    versionOf: 'Fassung von {0}',
    yours: 'Ihre Fassung', theirs: 'Gespeicherte Fassung', keepMine: 'Meine Fassung speichern', takeTheirs: 'Gespeicherte Fassung übernehmen',
    field: 'Feld', status: 'Stand', complete: 'vollständig', itemsComplete: '{0} von {1} vollständig',
    changes: 'Änderungen seit der letzten Veröffentlichung', noChanges: 'Keine Änderungen seit der letzten Veröffentlichung.',
    added: 'neu', changed: 'geändert', removed: 'gelöscht', approve: 'Freigeben', approveMarked: 'Angehakte Änderungen freigeben', approved: 'freigegeben',
    waiting: 'wartet auf Freigabe', approveHint: 'Vier Augen: Änderungen von Redakteurinnen und Redakteuren gehen erst nach Ihrer Freigabe hinaus. Haken Sie an, was Sie geprüft haben, und geben Sie es dann frei.',
    nothingToPublish: 'Nichts zu veröffentlichen: seit Version {0} wurde nichts geändert.',
    nothingToPublishAgain: 'Fehlt diese Version auf dem Server oder den Bildschirmen, hilft unten in der Liste „Diese Version erneut veröffentlichen“.',
    publishNow: 'Jetzt veröffentlichen', publishing: 'Wird veröffentlicht … Bei einem langsamen Server kann das einige Minuten dauern. Sie und Ihre Kolleginnen und Kollegen können währenddessen weiterarbeiten.',
    publishingBy: 'Wird veröffentlicht … (von {0} seit {1} Uhr, Version {2}). Bei einem langsamen Server kann das einige Minuten dauern; währenddessen kann weitergearbeitet werden.',
    publishFailed: 'Die Version {0} wurde nicht veröffentlicht.',
    interruptedTitle: 'Die Veröffentlichung von Version {0} wurde unterbrochen.',
    interruptedWhy: 'Das Studio wurde beendet oder neu gestartet, während {1} sie seit {2} Uhr veröffentlichte.',
    live_unchanged: 'Auf den Bildschirmen ändert sich dadurch nichts: sie zeigen weiter, was sie bisher zeigten. Bitte noch einmal „Jetzt veröffentlichen“.',
    live_changed: 'Die neue Version war schon beim {0} angekommen, aber vielleicht nicht überall: bitte noch einmal „Jetzt veröffentlichen“, dann zeigen alle Bildschirme dieselbe.',
    live_everywhere: 'Die neue Version war da schon vollständig beim {0} angekommen: Die Bildschirme zeigen sie nach ihrer nächsten Abfrage. Es ist nichts weiter zu tun.',
    live_unknown: 'Das geschah genau beim Austauschen der Dateien auf dem Server: ob die Bildschirme die neue oder die Version davor zeigen, ist nicht sicher (nie eine halbe). Bitte noch einmal „Jetzt veröffentlichen“.',
    techDetail: 'Technische Angabe (für die IT): {0}', note: 'Notiz (z. B. „Termine Dezember“)',
    noteLabel: 'Notiz zu dieser Version (freiwillig, erscheint in der Liste der Versionen)', noteExample: 'z. B. „Termine Dezember“',
    published: 'Version {0} ist veröffentlicht. Die Bildschirme zeigen sie spätestens nach ihrer nächsten Abfrage.',
    versions: 'Versionen', version: 'Version', when: 'Wann', who: 'Wer', itemsN: 'Einträge',
    delivered: 'Ausgeliefert', again: 'Diese Version erneut veröffentlichen',
    vCut_unchanged: 'Nicht ausgeliefert: Das Studio wurde beendet oder neu gestartet, während es diese Version veröffentlichte.',
    vCut_changed: 'Nur teilweise ausgeliefert: Das Studio wurde beendet oder neu gestartet, als die Version schon beim {0} war, aber noch nicht überall.',
    vCut_everywhere: 'Das Studio wurde beendet oder neu gestartet, gleich nachdem die Version beim {0} angekommen war.',
    vCut_unknown: 'Unterbrochen: Das Studio wurde beendet oder neu gestartet, genau als die Dateien auf dem Server ausgetauscht wurden.',
    vShowsPrev: 'Die Bildschirme zeigen weiter Version {0}.', vShowedPrev: 'Die Bildschirme zeigten weiter Version {0}.',
    vShowsNone: 'Die Bildschirme zeigen weiter, was sie vorher zeigten.', vShowsThis: 'Die Bildschirme zeigen diese Version.',
    vShowsEither: 'Ob die Bildschirme diese Version oder Version {0} zeigen, ist nicht sicher (nie eine halbe).',
    vShowsEitherNone: 'Ob die Bildschirme diese Version oder die vorherige zeigen, ist nicht sicher (nie eine halbe).',
    againConfirm: 'Version {0} erneut veröffentlichen? Die Bildschirme zeigen dann wieder deren Inhalt.',
    editorNoPublish: 'Veröffentlichen dürfen nur Personen mit der Rolle „Veröffentlichung“ oder „Administration“. Ihre Änderungen sind gespeichert; bitten Sie eine dieser Personen, sie zu veröffentlichen.',
    cannotPublish: 'Veröffentlichen geht erst, wenn alle Fehler behoben sind:', action: 'Aktion', entry: 'Eintrag',
    organisation: 'Name der Einrichtung', defaultLang: 'Startsprache der Bildschirme', urgentTitle: 'Dringende Mitteilung',
    urgentHint: 'Erscheint sofort auf allen Bildschirmen, bis zum angegebenen Ende (danach verschwindet sie von selbst).',
    urgentDefaultTitle: 'Heute geschlossen', urgentDefaultMessage: 'Das Büro ist heute geschlossen. Wir sind morgen wieder für Sie da.',
    until: 'Sichtbar bis', untilMidnight: '00:00 heißt: bis Mitternacht am Ende des Vortags',urgentPublish: 'Jetzt auf allen Bildschirmen zeigen', urgentSave: 'Speichern (wartet auf Freigabe)',
    urgentDone: 'Die dringende Mitteilung ist veröffentlicht.', urgentSaved: 'Gespeichert. Eine Person mit Veröffentlichungsrecht muss sie noch freigeben und veröffentlichen.',
    role_editor: 'Redaktion', role_publisher: 'Veröffentlichung', role_admin: 'Administration',
    loading: 'Lädt …', idAuto: 'wird aus dem Titel gebildet', translatedBy: 'Übersetzungsstand je Sprache',
    missingTexts: 'fehlt: {0}', open: 'Öffnen', sessionEnds: 'Abmeldung nach {0} Minuten ohne Aktivität.',
    requiredMark: 'Pflichtfeld', orderHint: 'Die Reihenfolge hier ist die Reihenfolge auf den Bildschirmen.',
    notSaved: 'Nicht gespeicherte Änderungen', leaveConfirm: 'Ihre Änderungen sind noch nicht gespeichert. Trotzdem verlassen?',
    weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'], spoken: 'In diesen Sprachen wird beraten',
    otherLangs: 'weitere Sprachen (Kürzel, mit Leerzeichen getrennt)', saveFirst: 'Speichern Sie zuerst.',
    failed: 'Das hat nicht geklappt: {0}', uilang: 'English',
    away: 'Das Studio antwortet gerade nicht (der Studio-Rechner ist aus oder startet neu, oder die Netzverbindung ist unterbrochen). Ihre Eingaben in diesem Fenster bleiben erhalten: bitte das Fenster offen lassen. Die Seite sagt hier Bescheid, sobald das Studio wieder da ist.',
    studioBack: 'Das Studio ist wieder erreichbar.', studioBackUnsaved: 'Das Studio ist wieder erreichbar. Ihre Änderungen an „{0}“ sind noch nicht gespeichert: bitte jetzt „Speichern“.',
    unreachable: 'Das Studio antwortet gerade nicht: der Studio-Rechner ist aus oder startet neu, oder die Netzverbindung ist unterbrochen. Ihre Eingaben in diesem Fenster bleiben erhalten. Bitte in einer Minute noch einmal versuchen; klappt es dann nicht, bitte die IT fragen.',
    serverError: 'Das Studio hat mit einem Fehler geantwortet ({0}). Bitte noch einmal versuchen; klappt es dann nicht, bitte die IT fragen.', before: 'Vorher', after: 'Nachher',
    to_dir: 'Ordner des Webservers', to_url: 'Webserver', users: 'Benutzer', roleWord: 'Rolle', screen: 'Bildschirmgröße (Pixel)', detailsCol: 'Einzelheiten',
    usersHint: 'Neue Benutzer, Passwörter und Rollen richtet die IT am Rechner des Studios ein; Passwörter gehen nie durch den Browser. Die Befehle dafür:',
    datePlaceholder: 'TT.MM.JJJJ', timePlaceholder: 'HH:MM', openCalendar: 'Kalender öffnen',
    badDate: 'Datum bitte als Tag.Monat.Jahr, z. B. 24.12.2026', badTime: 'Uhrzeit bitte als Stunde:Minute (24 Stunden), z. B. 18:30',
    chooseFile: 'Datei auswählen …', noFile: 'Keine Datei ausgewählt',
    zoomPreview: 'Vorschau {0} groß zeigen', close: 'Schließen',
  },
  en: {
    appTitle: 'litfass studio', login: 'Log in', user: 'User name', password: 'Password',
    loginHint: 'Log in with the name and password your administrator gave you.',
    loginAgain: 'Please check the spelling (capital letters too) and try again. Forgot the password? Your administrator can set a new one.',
    skip: 'Skip to the content',
    logout: 'Log out', expired: 'Your session has expired. Please log in again.',
    restoredTyping: 'What you typed before the reload and had not saved is back. Please save it.',
    keptTyping: 'What you typed in “{0}” is not lost: after logging in you go on with it (not saved yet).',
    events: 'Events', offers: 'Offers', contacts: 'Contacts', notices: 'Notices',
    translations: 'Translations', publish: 'Publish', audit: 'Audit log', settings: 'Settings',
    newEvent: 'New event', newOffer: 'New offer', newContact: 'New contact', newNotice: 'New notice',
    urgent: 'Urgent notice', edit: 'Edit', copy: 'Copy as new', del: 'Delete',
    up: 'Move up', down: 'Move down', save: 'Save', saved: 'Saved.', cancel: 'Cancel',
    back: 'Back to the list', nothing: 'Nothing here yet. Create the first entry.',
    past: 'over', yearly: 'yearly', texts: 'Texts and translations', details: 'Details',
    missing: 'missing', german: 'German (required)', easy: 'Easy German', addLang: 'Add a language',
    showLangs: 'Languages', preview: 'Preview', landscape: 'Landscape', portrait: 'Portrait',
    pageOf: 'Page {0} of {1}', showPage: 'Preview {0}: show page {1} of {2}', morePages: 'The text takes {0} pages on screen.',
    previewLang: 'Preview language', previewFix: 'The preview appears once the marked errors are fixed.',
    errorsTitle: 'Please correct:', warningsTitle: 'Notes:', ok: 'All good.',
    date: 'Date', time: 'Time', berlin: 'time in Germany', from: 'from', to: 'to',
    addRange: 'Add hours', removeRange: 'Remove these hours', hoursNote: 'Note',
    image: 'Picture', upload: 'Upload a picture', removeImage: 'Remove picture',
    imageRules: 'PNG, JPEG, GIF (its first picture) or WebP, at most 8 MB and 4096 × 4096 pixels.',
    notAnImage: '“{0}” is not a picture in PNG, JPEG, GIF or WebP format. Please choose a photo or poster as PNG or JPEG (save or export a PDF or Word document as a picture first).',
    tooBig: 'The picture is larger than 8 MB.', tag: 'Tag', addTag: 'Add a tag', removeTag: 'Remove tag',
    priority0: 'normal', priority1: 'important', priority2: 'urgent (whole screen)',
    confirmDeleteTitle: 'Delete this entry?', confirmDeleteWhat: 'To be deleted:',
    confirmDelete: 'The entry leaves the draft; after the next publishing it is on no screen any more.',
    confirmDeleteAction: 'Delete for good', delNamed: 'Delete “{0}”',
    kindWord_event: 'Event', kindWord_offer: 'Offer', kindWord_contact: 'Contact', kindWord_notice: 'Notice',
    goneTitle: 'This entry was deleted meanwhile', goneText: 'Someone deleted “{0}” while you were editing it. What you typed is still here: you can save it as a new entry.', goneAction: 'Save as a new entry',
    againTitle: 'Publish an older version again?', leaveTitle: 'Changes not saved', leaveAction: 'Leave without saving',
    conflictTitle: 'Someone else changed this entry meanwhile',
    conflictText: '{0} saved on {1}. Nothing was overwritten. Compare both versions:',
    conflictSelfTitle: 'This entry was saved elsewhere meanwhile',
    conflictSelfText: 'You saved it yourself on {1} in another window or tab. Nothing was overwritten. Compare both versions:',
    settingsConflictTitle: 'Someone else changed the settings meanwhile',
    settingsConflictText: '{0} saved the settings on {1}, after you opened this page. Your change is not saved yet, and nothing was overwritten.',
    settingsConflictSelfTitle: 'The settings were saved elsewhere meanwhile',
    settingsConflictSelfText: 'You saved them yourself on {1} in another window or tab. Your change here is not saved yet, and nothing was overwritten.',
    theyChanged: '{0} changed this:', selfChanged: 'Changed there:', nowBefore: '{0}: now “{1}”, before “{2}”',
    settingsChoose: 'Which version should count? “Save my version” puts your entries in place of the rows below; “Take the saved version” drops your change.',
    versionOf: '{0}\'s version',
    yours: 'Your version', theirs: 'Saved version', keepMine: 'Save my version', takeTheirs: 'Take the saved version',
    field: 'Field', status: 'Status', complete: 'complete', itemsComplete: '{0} of {1} complete',
    changes: 'Changes since the last publishing', noChanges: 'No changes since the last publishing.',
    added: 'new', changed: 'changed', removed: 'deleted', approve: 'Approve', approveMarked: 'Approve the ticked changes', approved: 'approved',
    waiting: 'waiting for approval', approveHint: 'Four eyes: editors’ changes go out only after your approval. Tick what you have checked, then approve it.',
    nothingToPublish: 'Nothing to publish: nothing has changed since version {0}.',
    nothingToPublishAgain: 'If the server or the screens lack this version, use “Publish this version again” in the list below.',
    publishNow: 'Publish now', publishing: 'Publishing … With a slow server this can take some minutes. You and your colleagues can go on working meanwhile.',
    publishingBy: 'Publishing … (by {0} since {1}, version {2}). With a slow server this can take some minutes; work can go on meanwhile.',
    publishFailed: 'Version {0} was not published.',
    interruptedTitle: 'Publishing version {0} was interrupted.',
    interruptedWhy: 'The studio was stopped or restarted while {1} was publishing it (since {2}).',
    live_unchanged: 'Nothing changes on the screens: they go on showing what they showed. Please “Publish now” once more.',
    live_changed: 'The new version had already reached the {0}, but perhaps not everywhere: please “Publish now” once more so that every screen shows the same.',
    live_everywhere: 'The new version had already reached the {0} in full: the screens show it after their next check. Nothing more to do.',
    live_unknown: 'That happened right while the files on the server were being replaced: whether the screens show the new version or the one before is not certain (never half of one). Please “Publish now” once more.',
    techDetail: 'Technical detail (for IT): {0}', note: 'Note (e.g. “December events”)',
    noteLabel: 'Note on this version (optional, shown in the list of versions)', noteExample: 'e.g. “December events”',
    published: 'Version {0} is published. Screens show it at their next look at the latest.',
    versions: 'Versions', version: 'Version', when: 'When', who: 'Who', itemsN: 'Entries',
    delivered: 'Delivered', again: 'Publish this version again',
    vCut_unchanged: 'Not delivered: the studio was stopped or restarted while it was publishing this version.',
    vCut_changed: 'Delivered in part: the studio was stopped or restarted when the version had reached the {0}, but not everywhere yet.',
    vCut_everywhere: 'The studio was stopped or restarted right after the version had reached the {0}.',
    vCut_unknown: 'Interrupted: the studio was stopped or restarted just as the files on the server were being replaced.',
    vShowsPrev: 'The screens go on showing version {0}.', vShowedPrev: 'The screens went on showing version {0}.',
    vShowsNone: 'The screens go on showing what they showed before.', vShowsThis: 'The screens show this version.',
    vShowsEither: 'Whether the screens show this version or version {0} is not certain (never half of one).',
    vShowsEitherNone: 'Whether the screens show this version or the one before is not certain (never half of one).',
    againConfirm: 'Publish version {0} again? The screens then show its content again.',
    editorNoPublish: 'Only people with the role “publisher” or “administrator” may publish. Your changes are saved; ask one of them to publish them.',
    cannotPublish: 'Publishing works once all errors are fixed:', action: 'Action', entry: 'Entry',
    organisation: 'Name of the centre', defaultLang: 'Starting language of the screens', urgentTitle: 'Urgent notice',
    urgentHint: 'Appears at once on every screen until the end given (then it goes by itself).',
    urgentDefaultTitle: 'Closed today', urgentDefaultMessage: 'The office is closed today. We are back for you tomorrow.',
    until: 'Visible until', untilMidnight: '00:00 means: until midnight at the end of the day before',urgentPublish: 'Show on every screen now', urgentSave: 'Save (waits for approval)',
    urgentDone: 'The urgent notice is published.', urgentSaved: 'Saved. Someone who may publish still has to approve and publish it.',
    role_editor: 'editor', role_publisher: 'publisher', role_admin: 'administrator',
    loading: 'Loading …', idAuto: 'made from the title', translatedBy: 'Translations per language',
    missingTexts: 'missing: {0}', open: 'Open', sessionEnds: 'Logged out after {0} minutes without activity.',
    requiredMark: 'required', orderHint: 'The order here is the order on the screens.',
    notSaved: 'Unsaved changes', leaveConfirm: 'Your changes are not saved yet. Leave anyway?',
    weekdays: ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'], spoken: 'Counselling in these languages',
    otherLangs: 'more languages (tags, separated by spaces)', saveFirst: 'Save first.',
    failed: 'That did not work: {0}', uilang: 'Deutsch',
    away: 'The studio does not answer right now (its computer is off or restarting, or the network is down). What you typed in this window is kept: please leave the window open. This page says so here as soon as the studio is back.',
    studioBack: 'The studio can be reached again.', studioBackUnsaved: 'The studio can be reached again. Your changes to “{0}” are not saved yet: please “Save” now.',
    unreachable: 'The studio does not answer right now: its computer is off or restarting, or the network is down. What you typed in this window is kept. Please try again in a minute; if it still fails, please ask IT.',
    serverError: 'The studio answered with an error ({0}). Please try again; if it still fails, please ask IT.', before: 'Before', after: 'After',
    to_dir: 'web server folder', to_url: 'web server', users: 'Users', roleWord: 'Role', screen: 'Screen size (pixels)', detailsCol: 'Details',
    usersHint: 'New users, passwords and roles are set up by IT on the studio’s computer; passwords never pass through the browser. The commands:',
    datePlaceholder: 'DD.MM.YYYY', timePlaceholder: 'HH:MM', openCalendar: 'Open the calendar',
    badDate: 'Please write the date as day.month.year, e.g. 24.12.2026', badTime: 'Please write the time as hour:minute (24 hours), e.g. 18:30',
    chooseFile: 'Choose a file …', noFile: 'No file chosen',
    zoomPreview: 'Show the {0} preview large', close: 'Close',
  },
};

/* More words from a part of the page (calendar.js, fleet.js), each key's two
 * languages side by side as in LABELS: {key: [German, English]}. */
function addWords(pairs) {
  for (const [key, [de, en]] of Object.entries(pairs)) {
    WORDS.de[key] = de;
    WORDS.en[key] = en;
  }
}

/* Field labels and hints: [German, English]. */
const LABELS = {
  id: ['Kennung', 'Identifier'], kind: ['Art', 'Kind'], title: ['Titel', 'Title'], description: ['Beschreibung', 'Description'],
  message: ['Text der Mitteilung', 'Message'], start: ['Beginn', 'Start'], end: ['Ende', 'End'],
  recurrence: ['Jedes Jahr am selben Tag', 'Every year on the same day'], place: ['Ort', 'Venue'],
  address: ['Adresse', 'Address'], room: ['Raum', 'Room'], organiser: ['Veranstalter', 'Organiser'],
  registration: ['Anmeldung', 'Registration'], tags: ['Schlagworte', 'Tags'], phone: ['Telefon', 'Phone'],
  email: ['E-Mail', 'E-mail'], url: ['Internetadresse', 'Web address'], image: ['Bild', 'Picture'],
  duration: ['Anzeigedauer in Sekunden (0 = automatisch)', 'Seconds on screen (0 = automatic)'],
  provider: ['Anbieter', 'Provider'], audience: ['Für wen', 'For whom'], languages: ['Beratungssprachen', 'Languages spoken'],
  hours: ['Sprechzeiten', 'Consultation hours'], role: ['Funktion', 'Role'], unit: ['Stelle / Abteilung', 'Unit'],
  valid_from: ['Sichtbar ab', 'Visible from'], valid_until: ['Sichtbar bis (ausschließlich)', 'Visible until (excluding)'],
  priority: ['Wichtigkeit', 'Priority'], 'hours.note': ['Zusatz zu den Sprechzeiten', 'Note on the hours'],
  organisation: ['Name der Einrichtung', 'Name of the centre'], default_language: ['Startsprache der Bildschirme', 'Starting language of the screens'],
};
const HINTS = {
  url: ['mit https:// am Anfang, z. B. https://www.stadt-muenster.de', 'starting with https://'],
  email: ['z. B. integration@stadt-muenster.de', 'e.g. integration@city.de'],
  phone: ['so, wie er erscheinen soll, z. B. 0251 492-7077', 'as it should appear'],
  registration: ['leer lassen, wenn keine Anmeldung nötig ist', 'leave empty when no registration is needed'],
  valid_until: ['danach verschwindet die Mitteilung von selbst', 'the notice goes by itself after this'],
};

/* Validation messages of `litfass validate` in plain German (the English
 * text stays where there is no entry). */
const PLAIN_DE = [
  [/^missing/, 'fehlt noch'],
  [/not a date-time/, 'kein gültiges Datum mit Uhrzeit'],
  [/must be later than start/, 'muss nach dem Beginn liegen'],
  [/must be later than valid_from/, 'muss nach „Sichtbar ab“ liegen'],
  [/no German text/, 'Deutsch fehlt: Deutsch ist Pflicht (Ersatz für fehlende Übersetzungen)'],
  [/must start with https?:\/\//, 'muss mit https:// beginnen'],
  [/not an e-mail address|e-mail/, 'sieht nicht wie eine E-Mail-Adresse aus'],
  [/empty/, 'darf nicht leer sein'],
  [/duplicate id/, 'diese Kennung gibt es schon'],
  [/file not found/, 'Bilddatei nicht gefunden'],
  [/unknown field/, 'unbekanntes Feld (wird ignoriert)'],
  [/not a time|HH:MM/, 'keine gültige Uhrzeit (z. B. 09:00)'],
  [/later than from/, '„bis“ muss nach „von“ liegen'],
  [/at least one day|days/, 'mindestens einen Wochentag wählen'],
];

/* What the audit log's actions mean: [German, English]. */
const ACTIONS = {
  login: ['angemeldet', 'logged in'], 'login-failed': ['falsches Passwort', 'wrong password'],
  'login-throttled': ['Anmeldung gesperrt (zu viele Versuche)', 'login blocked (too many tries)'],
  create: ['angelegt', 'created'], change: ['geändert', 'changed'], delete: ['gelöscht', 'deleted'],
  order: ['Reihenfolge geändert', 'order changed'], bundle: ['Einstellungen geändert', 'settings changed'],
  image: ['Bild hochgeladen', 'picture uploaded'], approve: ['freigegeben', 'approved'],
  publish: ['veröffentlicht', 'published'], 'publish-failed': ['Veröffentlichen fehlgeschlagen', 'publishing failed'],
  'import-ics': ['Kalender importiert', 'calendar imported'], subscribe: ['Kalender abonniert', 'calendar subscribed'],
};

/* ---- each kind's form, declared once -------------------------------------------------
 * view: the list it lives in; newWord: its "new" button; texts: the fields a visitor reads,
 * one row per field with a column per language; tags: free tags as more such rows; details:
 * the other fields, each drawn by the widget its type names (FIELD_TYPES, else a line of
 * text); required: marked with * (the check itself is `litfass validate`'s, on the server). */
const FORMS = {
  event: {view: 'events', newWord: 'newEvent', tags: true,
    texts: ['title', 'description', 'place', 'room', 'organiser', 'registration'],
    details: ['start', 'end', 'recurrence', 'address', 'phone', 'email', 'url', 'image', 'duration'],
    required: ['title', 'start', 'end']},
  offer: {view: 'offers', newWord: 'newOffer',
    texts: ['title', 'description', 'provider', 'audience'],
    details: ['hours', 'languages', 'address', 'phone', 'email', 'url', 'image', 'duration'],
    required: ['title', 'description']},
  contact: {view: 'contacts', newWord: 'newContact',
    texts: ['title', 'description', 'role', 'unit'],
    details: ['hours', 'address', 'phone', 'email', 'url', 'image', 'duration'],
    required: ['title']},
  notice: {view: 'notices', newWord: 'newNotice',
    texts: ['title', 'message'],
    details: ['valid_from', 'valid_until', 'priority', 'image', 'duration'],
    required: ['title', 'valid_from', 'valid_until']},
};
const FIELD_TYPES = {
  start: 'datetime', end: 'datetime', valid_from: 'datetime', valid_until: 'datetime',
  recurrence: 'yearly', priority: 'priority', duration: 'seconds', hours: 'hours',
  languages: 'languages', image: 'image', email: 'email', url: 'url',
};
/* list view -> kind ("events" -> "event") */
const KINDS = Object.fromEntries(Object.entries(FORMS).map(([kind, f]) => [f.view, kind]));
const textFields = (kind) => (FORMS[kind] || {texts: []}).texts;
const isRequired = (kind, field) => FORMS[kind].required.includes(field);
/* Languages: names, names in themselves and direction come from the studio (GET
 * /api/languages), which has them from the kiosk's own locale data (ICU/CLDR and its
 * table in layout/locale.c): a field is right to left exactly when the kiosk writes that
 * language right to left, and "ar-SY" reads "Arabisch (Syrien) – العربية (سوريا)". */
/* the languages an offer's staff may speak, as boxes to tick */
const SPOKEN = ['de', 'en', 'tr', 'ar', 'fa', 'prs', 'ps', 'kmr', 'ti', 'uk', 'ru', 'pl', 'fr'];
const DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'];
const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/* Screens kiosks have, as the preview can show them (landscape; portrait turns them). */
const SCREENS = ['1920x1080', '1280x720', '1024x600', '800x480', '3840x2160'];
const DEBOUNCE_MS = 700;

const state = {
  ui: localStorage.getItem('litfass.ui') || 'de',
  session: null, items: [], bundle: {}, bundleMeta: {revision: 1}, view: 'events', editing: null,
  /* tag -> {name: {de, en}, autonym, dir}, from the studio; the tags it offers to add */
  langs: {}, offered: [],
  extraLangs: JSON.parse(localStorage.getItem('litfass.langs') || '[]'),
  hiddenLangs: JSON.parse(localStorage.getItem('litfass.hidden') || '[]'),
  screen: SCREENS.includes(localStorage.getItem('litfass.screen')) ? localStorage.getItem('litfass.screen') : '1920x1080',
  message: null,
};

function t(key, ...args) {
  let s = (WORDS[state.ui] && WORDS[state.ui][key]) || WORDS.de[key] || key;
  args.forEach((a, i) => { s = s.replace('{' + i + '}', a); });
  return s;
}
function label(field) {
  const l = LABELS[field];
  return l ? l[state.ui === 'en' ? 1 : 0] : field;
}
function hint(field) {
  const l = HINTS[field];
  return l ? l[state.ui === 'en' ? 1 : 0] : '';
}
function langInfo(tag) {
  if (!tag) return null;
  const i = state.langs[tag] || state.langs[Object.keys(state.langs).find((k) => k.toLowerCase() === tag.toLowerCase())];
  if (!i) wantLang(tag);
  return i || null;
}
/* "Arabisch (Syrien) – العربية (سوريا)": the name in the page's language, then the name a
 * reader of it knows (isolated, so its direction does not turn the line around) */
function langName(tag) {
  const i = langInfo(tag);
  if (!i) return tag || '';
  const name = i.name[state.ui === 'en' ? 'en' : 'de'] || tag;
  return i.autonym && i.autonym !== name && i.autonym !== tag ? name + ' – \u2068' + i.autonym + '\u2069' : name;
}
/* The same as nodes, for a heading or a box: the name in the page's language is read in it,
 * the name in itself in its own language and direction (lang on the whole heading had a
 * screen reader read "Arabisch" with an Arabic voice); the tag small after it. */
function langLabel(tag, withTag) {
  const i = langInfo(tag);
  const small = withTag ? h('small', {class: 'tag'}, ' ' + tag) : null;
  if (!i) return [tag, small];
  const name = i.name[state.ui === 'en' ? 'en' : 'de'] || tag;
  const own = i.autonym && i.autonym !== name && i.autonym !== tag;
  return [name, own ? ' – ' : null, own ? h('bdi', {lang: tag, dir: i.dir}, i.autonym) : null, small];
}
function isRtl(lang) {
  const i = langInfo(lang);
  return !!i && i.dir === 'rtl';
}
/* Tags the page met that the studio has not named yet: asked for together, then drawn again. */
let langsWanted = new Set();
/* pages drawn from what the studio says when they open: drawn anew, they stand empty a moment,
 * so names of languages coming in wait for the next drawing while a control has the focus */
const ASKING_PAGES = ['publish', 'audit', 'users', 'fleet'];
function onControl() {
  const a = document.activeElement;
  return !!a && a !== document.body && a.id !== 'main' && $app().contains(a);
}
let langsTimer = null;
function wantLang(tag) {
  if (!/^[A-Za-z0-9-]{1,35}$/.test(tag) || langsWanted.has(tag)) return;
  langsWanted.add(tag);
  if (!langsTimer) langsTimer = setTimeout(async () => {
    langsTimer = null;
    const known = Object.keys(state.langs).length;
    try { await loadLangs([...langsWanted]); } catch (e) { return; }
    if (Object.keys(state.langs).length > known && state.session && !(state.editing && document.activeElement && document.activeElement.closest('textarea, input')) &&
        !(ASKING_PAGES.includes(state.view) && !state.editing && onControl())) render();
  }, 0);
}
async function loadLangs(tags) {
  const ask = tags.filter((l) => l && !state.langs[l]);
  if (!ask.length && state.offered.length) return;
  const out = await api('GET', '/api/languages' + (ask.length ? '?tags=' + encodeURIComponent(ask.slice(0, 120).join(',')) : ''));
  out.languages.forEach((l) => { state.langs[l.tag] = l; });
  state.offered = out.offered;
}
/* A message of the check or the API in the page's language (web/messages.js, by its
 * msgid); an older answer without one through the patterns above. */
function uiName(key) {
  return key.startsWith('role_') ? t(key) : fieldLabel(key);
}
function plain(p) {
  if (p && typeof p === 'object' && (MSGS[p.msgid] || MSGS[p.code])) return msgText(p, state.ui, uiName);
  const message = p && typeof p === 'object' ? (p.message || p.error || p.text || '') : String(p || '');
  if (state.ui !== 'de') return message;
  for (const [re, de] of PLAIN_DE) if (re.test(message)) return de;
  return msgText({message}, 'de');
}

/* ---- DOM ------------------------------------------------------------------------------- */

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = !!v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
  return el;
}
function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
const $app = () => document.getElementById('app');

/* The live region of the short messages: on the page from the start (a region made at the
 * moment of its first message is often not read out). */
function toastBox() {
  let box = document.getElementById('toasts');
  if (!box) { box = h('div', {id: 'toasts', 'aria-live': 'polite'}); document.body.appendChild(box); }
  return box;
}
function toast(text, kind) {
  let box = document.getElementById('toasts');
  if (!box) box = toastBox();
  const el = h('div', {class: 'toast ' + (kind || 'info'), role: kind === 'error' ? 'alert' : 'status'}, text);
  box.appendChild(el);
  setTimeout(() => el.remove(), kind === 'error' ? 8000 : 4000);
}

/* ---- API ------------------------------------------------------------------------------- */

class ApiError extends Error {
  /* the message in the page's language (web/messages.js) */
  constructor(status, body) {
    super(body && (body.msgid || body.code) && (MSGS[body.msgid] || MSGS[body.code]) ? msgText(body, state.ui, uiName)
      : body && status === 502 && /^version \d+ was signed but not delivered: /.test(body.error || '') ? publishText(body.error, state.ui)
        : body && body.error ? msgByText(body.error, state.ui) || msgText({error: body.error}, state.ui)
          /* no answer at all, or a proxy's page in front of a studio that is down */
          : !status || status === 502 || status === 503 || status === 504 ? t('unreachable') : t('serverError', 'HTTP ' + status));
    this.status = status; this.body = body;
  }
}

/* The studio gone away (stopped, restarting, the network cut) and back, said at the top of
 * the page in a live region (screen readers hear it) whatever the page shows: noticed by a
 * request that got no answer, or by a look every STUDIO_LOOK_MS at a static file (which
 * neither needs nor prolongs the session); while it is away, a look every STUDIO_AWAY_LOOK_MS. */
const STUDIO_LOOK_MS = 15000, STUDIO_AWAY_LOOK_MS = 3000;
let studioAway = false, studioLook = null;
function connectionBox() {
  let box = document.getElementById('connection');
  if (!box) {
    box = h('div', {id: 'connection', 'aria-live': 'assertive'});
    document.body.insertBefore(box, document.body.firstChild);
  }
  return box;
}
function sayStudio(away) {
  if (away === studioAway) return;
  studioAway = away;
  const box = clear(connectionBox());
  const ed = state.editing;
  box.appendChild(h('p', {id: 'studio-away', class: 'box ' + (away ? 'error' : 'info'), role: 'status'},
    away ? t('away') : ed && ed.dirty ? t('studioBackUnsaved', itemTitle(ed.item)) : t('studioBack')));
  lookForStudio();
}
function lookForStudio() {
  clearTimeout(studioLook);
  studioLook = setTimeout(async () => {
    let up = false;
    try { up = (await fetch('/favicon.svg', {cache: 'no-store', credentials: 'same-origin'})).ok; } catch (e) { up = false; }
    sayStudio(!up);
    lookForStudio();
  }, studioAway ? STUDIO_AWAY_LOOK_MS : STUDIO_LOOK_MS);
}

async function api(method, path, body, opts) {
  const headers = {};
  let data;
  if (opts && opts.raw !== undefined) {
    data = opts.raw;
    headers['Content-Type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    data = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && state.session) headers['X-CSRF-Token'] = state.session.csrf;
  const sentIn = state.session; /* the session this request went out in */
  let resp;
  try {
    resp = await fetch(path, {method, headers, body: data, credentials: 'same-origin', cache: 'no-store'});
  } catch (e) {
    sayStudio(true);
    throw new ApiError(0, null); /* the studio did not answer (the browser says only "Failed to fetch") */
  }
  if (resp.status === 502 || resp.status === 504) sayStudio(true); /* a proxy in front: the studio did not answer */
  else sayStudio(false);
  const type = resp.headers.get('Content-Type') || '';
  if (opts && opts.blob && resp.ok) return {blob: await resp.blob(), headers: resp.headers};
  const out = type.startsWith('application/json') ? await resp.json() : null;
  if (resp.status === 401 && path !== '/api/login' && state.session && state.session !== sentIn) {
    /* sent before the login that happened meanwhile (a preview asked with the ended
     * session): its answer does not end the new session nor show the login page again */
    throw new ApiError(401, out);
  }
  if (resp.status === 401 && path !== '/api/login') {
    /* a session that ended (the previews and the check ask at once: only the first answer
     * says "expired"; the login page, once shown, stays with its message); what was typed
     * stays in state.editing and comes back after the login */
    const ended = !!state.session || (out && out.error && out.error.indexOf('expired') >= 0);
    state.session = null;
    if (ended || !document.getElementById('login-user')) {
      const ed = state.editing;
      renderLogin(ended ? t('expired') + (ed && ed.dirty ? ' ' + t('keptTyping', itemTitle(ed.item)) : '') : null);
    }
    throw new ApiError(401, out);
  }
  if (!resp.ok) throw new ApiError(resp.status, out);
  return out;
}

/* Publishing runs on a thread of the studio's own: POST /api/publish (or
 * /api/versions/N/publish) answers at once (202) with the job, GET /api/publish says how
 * it goes. followPublish resolves with {version, job} when the version is delivered and
 * throws the ApiError of a failed delivery (502, "version N was signed but not
 * delivered: ..."); onState(job) hears every state seen. */
const PUBLISH_POLL_MS = 700;
let publishWatch = null; /* {id, promise, listeners}: one follower per job, however many pages ask */
function followPublish(job, onState) {
  if (!publishWatch || publishWatch.id !== job.id) {
    const listeners = new Set();
    const promise = (async () => {
      for (;;) {
        listeners.forEach((f) => f(job));
        if (job.state === 'done') return {version: job.version, job};
        if (job.state === 'failed') throw new ApiError(502, {error: job.error});
        if (job.state === 'interrupted') throw Object.assign(new ApiError(503, {error: 'interrupted'}), {interrupted: job});
        await new Promise((res) => setTimeout(res, PUBLISH_POLL_MS));
        const out = await api('GET', '/api/publish');
        /* another job, or none: the studio was restarted meanwhile */
        if (!out.job || out.job.id !== job.id) throw new ApiError(0, null);
        job = out.job;
      }
    })();
    publishWatch = {id: job.id, promise, listeners};
  }
  if (onState) { publishWatch.listeners.add(onState); onState(job); }
  return publishWatch.promise;
}
/* Several callers may wait for one job (the page that clicked, the page opened again):
 * the outcome (or the error) is told once, by the first. */
function firstToTell(outcome) {
  if (!outcome || outcome.told) return false;
  outcome.told = true;
  return true;
}
/* Starts publishing and follows it. A publish under way already (409 with its job:
 * "Wird gerade veröffentlicht – von NAME seit HH:MM") is, with onBusy, followed instead
 * after onBusy(message) (its version holds the draft as it was when it began); without,
 * thrown like any refusal (the urgent notice, publishing a version again). */
async function publishJob(path, body, onState, onBusy) {
  let out;
  try {
    out = await api('POST', path, body);
  } catch (e) {
    if (e.status !== 409 || !e.body || !e.body.job || !onBusy) throw e;
    onBusy(e.message);
    return followPublish(e.body.job, onState);
  }
  return followPublish(out.job, onState);
}

/* ---- login ----------------------------------------------------------------------------- */

function uiSwitch() {
  return h('button', {class: 'link', type: 'button', id: 'ui-lang', lang: state.ui === 'de' ? 'en' : 'de',
    onclick: () => { state.ui = state.ui === 'de' ? 'en' : 'de'; localStorage.setItem('litfass.ui', state.ui);
      document.documentElement.lang = state.ui; state.session ? render() : renderLogin(); }}, t('uilang'));
}

function renderLogin(message) {
  shownPage = null;
  const app = clear($app());
  const user = h('input', {id: 'login-user', name: 'user', autocomplete: 'username', required: true, autofocus: true});
  const pass = h('input', {id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const err = h('p', {class: 'error', role: 'alert', id: 'login-error'}, message || '');
  const form = h('form', {class: 'login card', onsubmit: async (ev) => {
    ev.preventDefault();
    err.textContent = '';
    try {
      const out = await api('POST', '/api/login', {user: user.value.trim(), password: pass.value});
      state.session = out;
      pass.value = '';
      await loadItems();
      if (!state.editing) restoreEditing();
      render();
    } catch (e) {
      err.textContent = e.status === 429 ? e.message + ' (' + e.body.retry_after + ' s)'
        : e.message + (e.status === 401 ? ' ' + t('loginAgain') : '');
    }
  }},
  h('h1', {}, 'litfass studio'),
  h('p', {class: 'muted'}, t('loginHint')),
  h('label', {for: 'login-user'}, t('user')), user,
  h('label', {for: 'login-password'}, t('password')), pass,
  err,
  h('button', {type: 'submit', class: 'primary', id: 'login-submit'}, t('login')),
  h('div', {class: 'right'}, uiSwitch()));
  app.appendChild(h('main', {class: 'login-page'}, form));
}

/* ---- data ------------------------------------------------------------------------------ */

async function loadItems() {
  const out = await api('GET', '/api/items');
  state.items = out.items;
  state.bundle = out.bundle || {};
  state.bundleMeta = out.bundle_meta || {revision: 1};
  const spoken = [].concat(...state.items.map((e) => e.item.languages || []));
  try { await loadLangs(bundleLangs().concat(SPOKEN, spoken)); } catch (e) { /* names come with the next look */ }
}

function textOf(v, lang) {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return lang === 'de' ? v : '';
  return v[lang] || '';
}

/* Every language any text of the draft has, German first, then Leichte
 * Sprache, then the rest in the order they appear; plus the ones added here. */
function bundleLangs() {
  const seen = ['de'];
  const add = (tag) => { if (tag && !seen.includes(tag)) seen.push(tag); };
  const scan = (v) => { if (v && typeof v === 'object' && !Array.isArray(v)) Object.keys(v).forEach(add); };
  scan(state.bundle.organisation);
  for (const e of state.items) {
    const it = e.item;
    for (const f of textFields(it.kind)) scan(it[f]);
    (it.tags || []).forEach(scan);
    if (it.hours) scan(it.hours.note);
  }
  state.extraLangs.forEach(add);
  /* Leichte Sprache always has its own column, next to German */
  const rest = seen.filter((l) => l !== 'de' && l !== 'de-x-ls');
  return ['de', 'de-x-ls'].concat(rest);
}

/* The texts of an item a visitor reads (as lf_item_translated counts them). */
function itemTexts(it) {
  const out = [];
  for (const f of textFields(it.kind)) if (it[f] !== undefined) out.push([f, it[f]]);
  (it.tags || []).forEach((tg, i) => out.push(['tags[' + i + ']', tg]));
  if (it.hours && it.hours.note !== undefined) out.push(['hours.note', it.hours.note]);
  return out;
}
function missingIn(it, lang) {
  if (lang === 'de') return [];
  return itemTexts(it).filter(([, v]) => !textOf(v, lang)).map(([f]) => f);
}

function itemTitle(it) { return textOf(it.title, 'de') || it.id || '(ohne Titel)'; }

/* A field's value in words, for comparing versions. */
function showValue(field, v) {
  if (v === undefined || v === null) return '—';
  /* the kind in the page's words ('Termin', not 'event') */
  if (field === 'kind' && typeof v === 'string') return WORDS.de['kindWord_' + v] ? t('kindWord_' + v) : v;
  if (typeof v === 'string' || typeof v === 'number') return ['start', 'end', 'valid_from', 'valid_until'].includes(field) ? fmtDate(String(v)) : String(v);
  if (Array.isArray(v)) {
    if (field === 'ranges') return v.map((r) => (r.days || []).map((d) => t('weekdays')[DAYS.indexOf(d)]).join(', ') + ' ' + r.from + '–' + r.to).join('; ');
    /* several texts in several languages each (tags): one block each, a blank line between,
     * not one run where a tag's last language seemed to own the next tag */
    if (v.some((x) => x && typeof x === 'object')) return v.map((x) => showValue('', x)).join('\n\n');
    return v.map((x) => showValue('', x)).join(', ');
  }
  if (field === 'hours') return [showValue('ranges', v.ranges || []), v.note ? showValue('', v.note) : ''].filter(Boolean).join(' · ');
  return Object.entries(v).map(([k, x]) => (/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(k) ? langName(k) : label(k)) + ': ' + (typeof x === 'string' ? x : JSON.stringify(x))).join('\n');
}

function fmtDate(s) {
  if (!s) return '';
  const m = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)/.exec(s);
  if (!m) return s;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const wd = (state.ui === 'en' ? ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] : ['So', 'Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa'])[d.getUTCDay()];
  return wd + ', ' + m[3] + '.' + m[2] + '.' + m[1] + ' ' + m[4] + ':' + m[5];
}
/* Now as Europe/Berlin wall-clock text "YYYY-MM-DDTHH:MM". */
function berlinNow(offsetDays, endOfDay) {
  const d = new Date(Date.now() + (offsetDays || 0) * 86400000);
  const parts = new Intl.DateTimeFormat('en-CA', {timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'}).formatToParts(d);
  const p = Object.fromEntries(parts.map((x) => [x.type, x.value]));
  return p.year + '-' + p.month + '-' + p.day + 'T' + (endOfDay ? '00:00' : p.hour + ':' + p.minute);
}
function fmtStamp(iso) {
  if (!iso) return '';
  const d = new Date(/T\d\d:\d\dZ$/.test(iso) ? iso.replace(/Z$/, ':00Z') : iso);
  if (isNaN(d)) return iso;
  return d.toLocaleString(state.ui === 'en' ? 'en-GB' : 'de-DE', {timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short'});
}

/* ---- dates and times as in Germany, whatever the browser's language ---------------------
 * <input type=date/time> shows the browser's locale (MM/DD/YYYY, 6:00 PM in an English
 * browser): the studio's own fields show and take TT.MM.JJJJ and 24-hour HH:MM; a button
 * beside the date opens the browser's own calendar to pick a day. */
function pad2(n) { return String(n).padStart(2, '0'); }
function isoToDe(iso) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso || '');
  return m ? m[3] + '.' + m[2] + '.' + m[1] : (iso || '');
}
/* "24.12.2026", "24.12.26" or "2026-12-24" -> "2026-12-24"; null when it is no date. */
function deToIso(text) {
  const s = (text || '').trim();
  let m, d, mo, y;
  if ((m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d\d)$/.exec(s))) { d = +m[1]; mo = +m[2]; y = +m[3] < 100 ? 2000 + +m[3] : +m[3]; }
  else if ((m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s))) { y = +m[1]; mo = +m[2]; d = +m[3]; }
  else return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
    /* 29.02.2027, 31.04.: written right, but no such day; the check at the field says so */
    return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? y + '-' + pad2(mo) + '-' + pad2(d) : null;
  }
  return y + '-' + pad2(mo) + '-' + pad2(d);
}
/* "18:30", "18.30", "1830", "18" -> "18:30" / "18:00"; null when it is no time. */
function normTime(text) {
  const m = /^(\d{1,2})(?:[:.]?(\d\d))?$/.exec((text || '').trim());
  if (m && +m[1] === 24 && (!m[2] || m[2] === '00')) return '24:00'; /* the end of a day */
  if (!m || +m[1] > 23 || (m[2] && +m[2] > 59)) return null;
  return pad2(+m[1]) + ':' + (m[2] || '00');
}
/* A date field: onchange(iso) with "YYYY-MM-DD", "" when empty, or the text as typed
 * when it is no date (the check at the field then says so). */
function dateInput(attrs, iso, onchange) {
  const text = h('input', Object.assign({type: 'text', class: 'date-de', inputmode: 'numeric', autocomplete: 'off',
    placeholder: t('datePlaceholder'), size: 10, maxlength: 10, value: isoToDe(iso)}, attrs));
  const native = h('input', {type: 'date', class: 'picker-native', tabindex: '-1', 'aria-hidden': 'true'});
  const fire = () => {
    const raw = text.value.trim(), v = deToIso(raw);
    const bad = raw !== '' && v === null;
    text.classList.toggle('bad', bad);
    text.title = bad ? t('badDate') : '';
    onchange(v === null ? raw : v);
  };
  text.addEventListener('input', fire);
  text.addEventListener('blur', () => { const v = deToIso(text.value); if (v) text.value = isoToDe(v); });
  native.addEventListener('change', () => { if (native.value) { text.value = isoToDe(native.value); fire(); } });
  const button = h('button', {type: 'button', class: 'picker-button', title: t('openCalendar'), 'aria-label': t('openCalendar'),
    onclick: () => {
      native.value = deToIso(text.value) || '';
      try { native.showPicker(); } catch (e) { native.focus(); }
    }}, '📅');
  return h('span', {class: 'date-field'}, text, button, native);
}
function timeInput(attrs, value, onchange) {
  const el = h('input', Object.assign({type: 'text', class: 'time-de', inputmode: 'numeric', autocomplete: 'off',
    placeholder: t('timePlaceholder'), size: 5, maxlength: 5, value: value || ''}, attrs));
  el.addEventListener('input', () => {
    const raw = el.value.trim(), v = normTime(raw);
    const bad = raw !== '' && v === null;
    el.classList.toggle('bad', bad);
    el.title = bad ? t('badTime') : '';
    onchange(v === null ? raw : v);
  });
  el.addEventListener('blur', () => { const v = normTime(el.value); if (v) el.value = v; });
  return el;
}
/* A file chooser in the page's language (the browser's own says "Choose File" in English). */
function fileInput(attrs, text) {
  const input = h('input', Object.assign({type: 'file', class: 'file-native'}, attrs));
  const name = h('span', {class: 'file-name muted'}, t('noFile'));
  input.addEventListener('change', () => { name.textContent = input.files[0] ? input.files[0].name : t('noFile'); });
  return {input, box: h('span', {class: 'file-field'},
    h('label', {class: 'button secondary file-button', for: attrs.id}, text || t('chooseFile')), input, name)};
}

/* ---- the frame ------------------------------------------------------------------------- */

function isPublisher() { return state.session && (state.session.role === 'publisher' || state.session.role === 'admin'); }

function navButton(view, text) {
  return h('button', {class: 'tab' + (state.view === view && !state.editing ? ' active' : ''), type: 'button',
    'data-view': view, 'aria-current': state.view === view ? 'page' : null,
    /* the page on screen again (drawn anew, what was typed on the settings page kept) or another one */
    onclick: () => (state.view === view && !state.editing ? render() : leaveEditor(() => { state.view = view; state.editing = null; render(); }))}, text);
}

/* Where the focus was, as a selector that finds the same control in the page made anew
 * (render replaces every element): its id, the tab's view, the field; null for none. */
function focusMark(el) {
  if (!el || el === document.body) return null;
  const tag = el.tagName.toLowerCase();
  if (el.id) return '#' + CSS.escape(el.id);
  if (el.dataset && el.dataset.view) return tag + '[data-view="' + CSS.escape(el.dataset.view) + '"]';
  if (el.dataset && el.dataset.field) return tag + '[data-field="' + CSS.escape(el.dataset.field) + '"]';
  if (el.getAttribute('aria-label')) return tag + '[aria-label="' + CSS.escape(el.getAttribute('aria-label')) + '"]';
  /* a control with no name of its own (a button in a list, a link in a table): its kind and
   * words, and which of the page's controls with those it was */
  if (!$app().contains(el)) return null;
  const words = controlWords(el);
  const same = [...$app().querySelectorAll(tag)].filter((e) => controlWords(e) === words);
  return {tag, words, nth: same.indexOf(el)};
}
function controlWords(el) { return (el.getAttribute('title') || el.textContent || '').trim().slice(0, 200); }
/* the control a mark names on the page drawn anew, or null */
function findMark(mark) {
  if (!mark) return null;
  if (typeof mark === 'string') return document.querySelector(mark);
  const same = [...$app().querySelectorAll(mark.tag)].filter((e) => controlWords(e) === mark.words);
  return same[mark.nth] || null;
}
let shownPage = null; /* the page render drew last: 'editor' or a view */
/* the control that had the focus last: a button disabled while its request runs (Speichern)
 * drops the focus to <body> before the page is drawn anew */
let lastFocused = null;
document.addEventListener('focusin', (ev) => { lastFocused = ev.target; });

function render() {
  /* render replaces the whole page, the focused control too: without a word the focus fell
   * to <body> (a tab opened with Enter, Speichern pressed), and the next Tab started at the
   * top of the page again. Another page: the focus on its content (main, as the skip link
   * does); the same page drawn anew: on the same control, else on its content. */
  let was = document.activeElement;
  if ((!was || was === document.body) && lastFocused && (lastFocused.disabled || !lastFocused.isConnected)) was = lastFocused;
  const ours = !!was && (was === document.body || was === lastFocused || $app().contains(was));
  const mark = ours ? focusMark(was) : null;
  const page = state.editing ? 'editor' : state.view;
  const first = shownPage === null; /* just logged in: a page like a new one, its first Tab on the skip link */
  const moved = page !== shownPage;
  shownPage = page;
  const out = drawPage();
  const main = document.getElementById('main');
  if (ours && !first && main && !document.querySelector('dialog[open]')) {
    const again = !moved && findMark(mark);
    if (again) again.focus({preventScroll: true});
    else if (moved || document.activeElement === document.body || !document.activeElement) main.focus({preventScroll: true});
    /* a page that asks the studio first (Veröffentlichen, Protokoll) has its controls a
     * moment later: drawn anew in the background (names of languages come in), the focus
     * waits on its content and goes back to its control then, unless the user moved it */
    if (!moved && !again && mark && out && typeof out.then === 'function') {
      out.then(() => {
        const a = document.activeElement;
        if (!main.isConnected || (a && a !== main && a !== document.body) || document.querySelector('dialog[open]')) return;
        const back = findMark(mark);
        if (back) back.focus({preventScroll: true});
      }, () => {});
    }
  }
  return out;
}

function drawPage() {
  document.documentElement.lang = state.ui;
  if (!studioAway && document.getElementById('connection')) clear(connectionBox()); /* "back again" said; the next page without it */
  const app = clear($app());
  const s = state.session;
  const header = h('header', {class: 'top'},
    h('div', {class: 'brand'}, h('strong', {}, 'litfass studio'),
      h('span', {class: 'org', title: textOf(state.bundle.organisation, 'de').slice(0, 200)}, textOf(state.bundle.organisation, 'de'))),
    h('button', {class: 'urgent-button', type: 'button', id: 'urgent-open', onclick: () => leaveEditor(openUrgent)}, '⚠ ' + t('urgent')),
    h('div', {class: 'who'}, h('span', {}, s.user + ' · ' + t('role_' + s.role)), uiSwitch(),
      h('button', {class: 'link', type: 'button', id: 'logout', onclick: () => leaveEditor(async () => {
        await api('POST', '/api/logout').catch(() => {});
        state.session = null; renderLogin();
      })}, t('logout'))));
  const nav = h('nav', {class: 'tabs'},
    navButton('events', t('events')), navButton('offers', t('offers')), navButton('contacts', t('contacts')),
    navButton('notices', t('notices')), navButton('translations', t('translations')),
    navButton('publish', t('publish')), isPublisher() ? navButton('audit', t('audit')) : null,
    navButton('fleet', t('fleet')),
    navButton('settings', t('settings')), s.role === 'admin' ? navButton('users', t('users')) : null);
  const main = h('main', {id: 'main', tabindex: '-1'});
  /* the first Tab of the page: past the header and the tabs, straight to the content */
  const skip = h('a', {href: '#main', class: 'skip', onclick: (ev) => { ev.preventDefault(); main.focus(); }}, t('skip'));
  app.append(skip, header, nav, main);
  if (state.editing) return renderEditor(main);
  if (KINDS[state.view]) return renderList(main, state.view);
  if (state.view === 'translations') return renderTranslations(main);
  if (state.view === 'publish') return renderPublish(main);
  if (state.view === 'audit') return renderAudit(main);
  if (state.view === 'settings') return renderSettings(main);
  if (state.view === 'users') return renderUsers(main);
  if (state.view === 'fleet') return renderFleet(main); // fleet.js
}

/* ---- lists ----------------------------------------------------------------------------- */

function renderList(main, view) {
  const kind = KINDS[view];
  let entries = state.items.filter((e) => e.item.kind === kind);
  const now = berlinNow();
  if (kind === 'event') entries = entries.slice().sort((a, b) => String(a.item.start).localeCompare(String(b.item.start)));
  const langs = bundleLangs();
  main.appendChild(h('div', {class: 'list-head'},
    h('h1', {}, t(view)),
    h('button', {class: 'primary', type: 'button', id: 'new-item', onclick: () => openEditor(newItem(kind), true)}, '+ ' + t(FORMS[kind].newWord))));
  if (kind !== 'event') main.appendChild(h('p', {class: 'muted'}, t('orderHint')));
  if (kind === 'event') main.appendChild(icsImportBox()); // calendar.js
  if (!entries.length) {
    main.appendChild(h('p', {class: 'empty'}, t('nothing')));
    return;
  }
  const list = h('ul', {class: 'items'});
  entries.forEach((e, idx) => {
    const it = e.item;
    let when = '';
    let past = false;
    if (kind === 'event') {
      when = fmtDate(it.start) + (it.recurrence === 'yearly' ? ' · ' + t('yearly') : '');
      past = it.recurrence !== 'yearly' && String(it.end || '') < now;
    } else if (kind === 'notice') {
      when = fmtDate(it.valid_from) + ' – ' + fmtDate(it.valid_until);
      past = String(it.valid_until || '') < now;
    }
    const chips = langs.filter((l) => l !== 'de').map((l) => {
      const miss = missingIn(it, l);
      return h('span', {class: 'chip ' + (miss.length ? 'missing' : 'done'), title: miss.length ? t('missingTexts', miss.map(label).join(', ')) : t('complete')},
        (miss.length ? '✗ ' : '✓ ') + langName(l));
    });
    const orderButtons = kind === 'event' ? [] : [
      h('button', {class: 'icon', type: 'button', title: t('up'), 'aria-label': t('up') + ': ' + itemTitle(it), disabled: idx === 0, onclick: () => move(it.id, -1)}, '↑'),
      h('button', {class: 'icon', type: 'button', title: t('down'), 'aria-label': t('down') + ': ' + itemTitle(it), disabled: idx === entries.length - 1, onclick: () => move(it.id, 1)}, '↓')];
    list.appendChild(h('li', {class: 'item' + (past ? ' past' : '') + (it.priority === 2 ? ' is-urgent' : ''), 'data-id': it.id},
      it.image ? h('img', {class: 'thumb', alt: '', src: '/api/images/' + encodeURIComponent(it.image.replace(/^images\//, ''))}) : h('span', {class: 'thumb none'}),
      h('div', {class: 'what'},
        h('button', {class: 'title link', type: 'button', onclick: () => openEditor(e, false)}, itemTitle(it)),
        h('div', {class: 'when'}, when, past ? h('span', {class: 'badge grey'}, t('past')) : null,
          it.priority === 2 ? h('span', {class: 'badge red'}, t('priority2')) : null,
          state.session.require_approval && !e.approved ? h('span', {class: 'badge amber'}, t('waiting')) : null),
        h('div', {class: 'chips'}, chips)),
      h('div', {class: 'actions'}, orderButtons,
        h('button', {type: 'button', class: 'edit', 'aria-label': t('edit') + ': ' + itemTitle(it), onclick: () => openEditor(e, false)}, t('edit')),
        h('button', {type: 'button', class: 'copy', 'aria-label': t('copy') + ': ' + itemTitle(it), onclick: () => copyAsNew(it)}, t('copy')),
        h('button', {type: 'button', class: 'danger', 'aria-label': t('delNamed', itemTitle(it)), onclick: () => removeItem(e)}, t('del')))));
  });
  main.appendChild(list);
}

async function move(id, delta) {
  const ids = state.items.map((e) => e.item.id);
  const kindOf = (x) => state.items.find((e) => e.item.id === x).item.kind;
  const kind = kindOf(id);
  const same = ids.filter((x) => kindOf(x) === kind);
  const pos = same.indexOf(id);
  const other = same[pos + delta];
  if (!other) return;
  const a = ids.indexOf(id), b = ids.indexOf(other);
  [ids[a], ids[b]] = [ids[b], ids[a]];
  try { await api('POST', '/api/order', {ids}); await loadItems(); render(); } catch (e) { toast(t('failed', e.message), 'error'); }
}

/* What a list shows of an entry under its title: the kind, and the date of an event or notice. */
function itemSummary(it) {
  const when = it.kind === 'event' ? fmtDate(it.start) : it.kind === 'notice' ? fmtDate(it.valid_from) + ' – ' + fmtDate(it.valid_until) : '';
  return t('kindWord_' + it.kind) + (when ? ' · ' + when : '');
}

async function removeItem(e) {
  const yes = await askDialog({id: 'delete-dialog', title: t('confirmDeleteTitle'), danger: true,
    body: [h('p', {}, t('confirmDeleteWhat')),
      h('div', {class: 'doomed', id: 'delete-what'}, h('strong', {}, itemTitle(e.item)), h('span', {class: 'muted'}, itemSummary(e.item))),
      h('p', {}, t('confirmDelete'))],
    action: t('confirmDeleteAction')});
  if (!yes) return;
  try {
    await api('DELETE', '/api/items/' + encodeURIComponent(e.item.id) + '?revision=' + e.revision);
    await loadItems(); render();
  } catch (err) { toast(t('failed', err.message), 'error'); }
}

function newItem(kind) {
  const it = {kind, title: {de: ''}};
  if (kind === 'event') { it.start = berlinNow(7).slice(0, 11) + '18:00'; it.end = berlinNow(7).slice(0, 11) + '20:00'; }
  if (kind === 'offer') it.description = {de: ''};
  if (kind === 'notice') { it.valid_from = berlinNow(); it.valid_until = berlinNow(7, true); it.priority = 0; }
  return {item: it, revision: 0};
}

function copyAsNew(it) {
  const copy = JSON.parse(JSON.stringify(it));
  delete copy.id;
  if (typeof copy.title === 'string') copy.title = {de: copy.title};
  copy.title = Object.assign({}, copy.title, {de: (copy.title.de || '') + ' (Kopie)'});
  openEditor({item: copy, revision: 0}, true);
}

/* ---- the editor ------------------------------------------------------------------------ */

let previewTimer = null, validateTimer = null, previewSeq = 0;
/* leaveEditor's history.back() has not arrived yet (it comes as a popstate, later) */
let ownBack = false;

function openEditor(entry, isNew) {
  state.editing = {item: JSON.parse(JSON.stringify(entry.item)), revision: entry.revision, isNew,
    dirty: false, problems: [], page: {landscape: 1, portrait: 1}, lang: 'de', meta: entry};
  /* the browser's Back button leaves the editor for the list, not the studio */
  if (!ownBack && !(history.state && history.state.editor)) history.pushState({editor: true}, '');
  render();
  window.scrollTo(0, 0);
}

/* Leaving the page (another tab, the urgent notice, logging out): with unsaved changes in the
 * editor or on the settings page, only after the question; "leave" drops them. */
async function leaveEditor(then) {
  const settings = settingsUnsaved();
  if ((state.editing && state.editing.dirty || settings) &&
      !await askDialog({id: 'leave-dialog', title: t('leaveTitle'), body: [h('p', {}, t('leaveConfirm'))], action: t('leaveAction')})) return;
  if (settings) { settingsDraft = null; render(); } /* the fields as saved, whatever comes next (the urgent notice stays on this page) */
  state.editing = null;
  if (history.state && history.state.editor) { ownBack = true; history.back(); } /* its entry goes with it */
  then();
}

window.addEventListener('popstate', () => {
  if (ownBack) {
    /* the editor's own step back: an entry opened meanwhile stays open, with its entry */
    ownBack = false;
    if (state.editing) history.pushState({editor: true}, '');
    return;
  }
  if (!state.editing) return;
  /* Back in the editor: the list, after the question about unsaved changes */
  history.pushState({editor: true}, '');
  leaveEditor(() => render());
});

function changed() {
  const ed = state.editing;
  ed.dirty = true;
  const mark = document.getElementById('dirty');
  if (mark) mark.textContent = t('notSaved');
  clearTimeout(previewTimer);
  clearTimeout(validateTimer);
  previewTimer = setTimeout(updatePreviews, DEBOUNCE_MS);
  validateTimer = setTimeout(validateNow, DEBOUNCE_MS);
}

function setField(name, value) {
  const it = state.editing.item;
  if (value === '' || value === null || value === undefined) delete it[name];
  else it[name] = value;
  changed();
}

/* A text area as tall as its text, so that nothing hides behind a scroll bar; but at most
 * 60 % of the window (at least 10 lines): a text pasted by mistake (a whole document,
 * 100 kB) scrolls inside its box instead of pushing the rest of the form metres down. */
function fitHeight(area) {
  area.style.height = 'auto';
  const want = area.scrollHeight + 4;
  const most = Math.max(Math.round(window.innerHeight * 0.6), 240);
  area.style.height = Math.min(want, most) + 'px';
  area.style.overflowY = want > most ? 'auto' : 'hidden';
}

/* A text field as a row of text areas, one per language; missing ones marked. */
function textRow(field, value, langs, onset, rowLabel, required) {
  const cells = langs.map((lang) => {
    const v = textOf(value, lang);
    /* German is missing where the field is required; a translation where German has text */
    const missing = (obj, l) => !textOf(obj, l) && (l === 'de' ? !!required : !!textOf(obj, 'de'));
    const miss = missing(value, lang);
    const area = h('textarea', {rows: field === 'title' || /^tags/.test(field) ? 2 : 4, lang, dir: isRtl(lang) ? 'rtl' : 'ltr',
      'data-field': field + '.' + lang, 'aria-label': (rowLabel || label(field)) + ' – ' + langName(lang),
      class: miss ? 'missing' : '', value: v,
      oninput: (ev) => {
        let obj = typeof value === 'string' ? {de: value} : Object.assign({}, value || {});
        if (ev.target.value.trim() === '') delete obj[lang]; else obj[lang] = ev.target.value;
        value = obj;
        /* the marks of the whole row: German text makes the other languages missing */
        ev.target.closest('tr').querySelectorAll('textarea').forEach((ta) => {
          const m = missing(obj, ta.lang);
          ta.classList.toggle('missing', m);
          const lab = ta.parentNode.querySelector('.miss-label');
          if (lab) lab.hidden = !m;
        });
        onset(Object.keys(obj).length ? obj : undefined);
      }});
    area.addEventListener('input', () => fitHeight(area));
    return h('td', {class: 'cell' + (lang === 'de' ? ' german' : '') + (lang === 'de-x-ls' ? ' easy' : '')}, area,
      h('span', {class: 'miss-label', hidden: !miss}, lang === 'de' ? t('requiredMark') : t('missing')),
      h('div', {class: 'field-error', 'data-error-for': field + '.' + lang}));
  });
  return h('tr', {'data-row': field},
    h('th', {scope: 'row'}, rowLabel || label(field), required ? h('span', {class: 'req', title: t('requiredMark')}, ' *') : null,
      hint(field) ? h('div', {class: 'hint'}, hint(field)) : null,
      h('div', {class: 'field-error', 'data-error-for': field})),
    cells);
}

function textGrid(it, langs) {
  const shown = langs.filter((l) => l === 'de' || !state.hiddenLangs.includes(l));
  const head = h('tr', {}, h('th', {}, t('field')), shown.map((l) => h('th', {scope: 'col', class: l === 'de-x-ls' ? 'easy' : ''},
    l === 'de' ? [t('german'), h('small', {class: 'tag'}, ' de')] : langLabel(l, true))));
  const form = FORMS[it.kind];
  const rows = form.texts.map((f) => textRow(f, it[f], shown, (v) => setField(f, v), null, isRequired(it.kind, f)));
  if (form.tags) {
    (it.tags || []).forEach((tg, i) => {
      const row = textRow('tags[' + i + ']', tg, shown, (v) => { it.tags[i] = v || {de: ''}; changed(); }, t('tag') + ' ' + (i + 1));
      row.firstChild.appendChild(h('button', {type: 'button', class: 'link small', onclick: () => { it.tags.splice(i, 1); if (!it.tags.length) delete it.tags; changed(); render(); }}, t('removeTag')));
      rows.push(row);
    });
  }
  if (it.hours) rows.push(textRow('hours.note', it.hours.note, shown, (v) => { if (v) it.hours.note = v; else delete it.hours.note; changed(); }, label('hours.note')));
  const langPicker = h('div', {class: 'lang-picker'},
    h('span', {}, t('showLangs') + ': '),
    langs.filter((l) => l !== 'de').map((l) => h('label', {class: 'check'},
      h('input', {type: 'checkbox', checked: !state.hiddenLangs.includes(l), onchange: (ev) => {
        state.hiddenLangs = ev.target.checked ? state.hiddenLangs.filter((x) => x !== l) : state.hiddenLangs.concat([l]);
        localStorage.setItem('litfass.hidden', JSON.stringify(state.hiddenLangs)); render();
      }}), ' ', langLabel(l))),
    h('select', {'aria-label': t('addLang'), id: 'add-lang', onchange: (ev) => {
      const l = ev.target.value;
      if (!l) return;
      state.extraLangs = state.extraLangs.concat([l]);
      state.hiddenLangs = state.hiddenLangs.filter((x) => x !== l);
      localStorage.setItem('litfass.langs', JSON.stringify(state.extraLangs));
      render();
    }}, h('option', {value: ''}, '+ ' + t('addLang')),
    state.offered.filter((l) => !langs.includes(l)).map((l) => h('option', {value: l}, langName(l) + ' (' + l + ')'))));
  return h('section', {class: 'texts'},
    h('h2', {}, t('texts')), langPicker,
    h('div', {class: 'grid-scroll'}, h('table', {class: 'grid'}, h('thead', {}, head), h('tbody', {}, rows))),
    form.tags ? h('button', {type: 'button', class: 'secondary', onclick: () => { it.tags = (it.tags || []).concat([{de: ''}]); changed(); render(); }}, '+ ' + t('addTag')) : null);
}

function dateTimeInput(field) {
  const it = state.editing.item;
  const v = it[field] || '';
  const m = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(:\d\d)?$/.exec(v);
  if (v && !m) {
    /* written with a zone or in another form: as text, so nothing is lost */
    return h('input', {value: v, 'data-field': field, oninput: (ev) => setField(field, ev.target.value.trim())});
  }
  let day = m ? m[1] : '', clock = m ? m[2] : '';
  const set = () => setField(field, day && clock ? day + 'T' + clock : (day ? day + 'T' : ''));
  const date = dateInput({'data-field': field + '-date', 'aria-label': label(field) + ' – ' + t('date')}, day, (v) => { day = v; set(); });
  const time = timeInput({'data-field': field + '-time', 'aria-label': label(field) + ' – ' + t('time')}, clock, (v) => { clock = v; set(); });
  return h('span', {class: 'dt'}, date, time, h('span', {class: 'hint'}, t('berlin')));
}

function hoursEditor() {
  const it = state.editing.item;
  const ranges = (it.hours && it.hours.ranges) || [];
  const rows = ranges.map((r, i) => h('div', {class: 'range', 'data-range': i},
    h('span', {class: 'days'}, DAYS.map((d, k) => h('label', {class: 'day'},
      h('input', {type: 'checkbox', checked: (r.days || []).includes(d), onchange: (ev) => {
        r.days = DAYS.filter((x) => x === d ? ev.target.checked : (r.days || []).includes(x));
        changed();
      }}), t('weekdays')[k]))),
    h('label', {}, t('from') + ' ', timeInput({'data-field': 'hours.ranges[' + i + '].from'}, r.from, (v) => { r.from = v; changed(); })),
    h('label', {}, t('to') + ' ', timeInput({'data-field': 'hours.ranges[' + i + '].to'}, r.to, (v) => { r.to = v; changed(); })),
    h('button', {type: 'button', class: 'link small', onclick: () => { ranges.splice(i, 1); changed(); render(); }}, t('removeRange')),
    h('div', {class: 'field-error', 'data-error-for': 'hours.ranges[' + i + ']'})));
  return h('div', {class: 'hours'}, rows,
    h('button', {type: 'button', class: 'secondary', id: 'add-range', onclick: () => {
      it.hours = it.hours || {};
      it.hours.ranges = (it.hours.ranges || []).concat([{days: ['mo'], from: '09:00', to: '12:00'}]);
      changed(); render();
    }}, '+ ' + t('addRange')));
}

function languagesEditor() {
  const it = state.editing.item;
  const spoken = it.languages || [];
  const boxes = SPOKEN.map((l) => h('label', {class: 'check'},
    h('input', {type: 'checkbox', checked: spoken.includes(l), onchange: (ev) => {
      const cur = it.languages || [];
      const next = ev.target.checked ? cur.concat([l]) : cur.filter((x) => x !== l);
      setField('languages', next.length ? next : undefined);
    }}), ' ' + langName(l)));
  const others = spoken.filter((l) => !SPOKEN.includes(l));
  return h('div', {class: 'spoken'}, boxes,
    h('label', {class: 'block'}, t('otherLangs'), h('input', {value: others.join(' '), oninput: (ev) => {
      const base = (it.languages || []).filter((l) => !others.includes(l));
      const extra = ev.target.value.split(/[\s,]+/).filter(Boolean);
      setField('languages', base.concat(extra).length ? base.concat(extra) : undefined);
    }})));
}

/* A picture's file name as the studio keeps it: "Plakat Münster (groß).PNG" -> "Plakat-Muenster-gross.PNG";
  * umlauts spelt out, accents dropped, anything else (spaces, "/", "..") a "-". */
function imageFileName(original) {
  const text = String(original || '');
  const ext = (/\.(png|jpe?g|gif|webp)$/i.exec(text) || ['.png'])[0];
  const spelt = text.slice(0, text.length - (text.toLowerCase().endsWith(ext.toLowerCase()) ? ext.length : 0))
    .replace(/[äöüÄÖÜß]/g, (c) => ({ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss'})[c]);
  const base = spelt.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/\.\.+/g, '-').replace(/^[.-]+/, '').replace(/-+$/, '').slice(-80);
  /* a name of Arabic letters alone keeps nothing: "bild" */
  return (base || 'bild') + ext;
}

function imageEditor() {
  const it = state.editing.item;
  /* a refused picture is announced at once: the choice of a file gives no other feedback */
  /* kept with the entry (ed.imageRefused): the form's check, run again as the user types on,
   * clears the messages beside the fields and puts this one back (it vanished before) */
  const ed = state.editing;
  const status = h('div', {class: 'field-error', 'data-error-for': 'image', role: 'alert'}, ed.imageRefused || '');
  const refuse = (msg) => { ed.imageRefused = msg; status.textContent = msg; };
  const file = fileInput({accept: 'image/png,image/jpeg,image/gif,image/webp', id: 'image-file', onchange: async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    /* a PDF or a document picked by mistake: said with the name the user picked */
    if (!/^image\/(png|jpeg|gif|webp)$/.test(f.type) && !/\.(png|jpe?g|gif|webp)$/i.test(f.name)) { refuse(t('notAnImage', f.name)); return; }
    if (f.size > MAX_IMAGE_BYTES) { refuse(t('tooBig')); return; }
    const name = imageFileName(f.name);
    try {
      const out = await api('PUT', '/api/images/' + encodeURIComponent(name), undefined, {raw: f});
      ed.imageRefused = '';
      setField('image', out.path);
      render();
    } catch (e) {
      /* the studio's words name the file by the name it would keep: the user knows the one picked */
      refuse(e.message.split(name).join(f.name));
    }
  }});
  return h('div', {class: 'image-field'},
    it.image ? h('img', {class: 'image-preview', alt: '', src: '/api/images/' + encodeURIComponent(it.image.replace(/^images\//, ''))}) : null,
    it.image ? h('div', {}, h('code', {}, it.image), ' ', h('button', {type: 'button', class: 'link small', onclick: () => { setField('image', undefined); render(); }}, t('removeImage'))) : null,
    h('div', {class: 'upload'}, h('strong', {}, t('upload')), ' ', file.box), h('div', {class: 'hint'}, t('imageRules')), status);
}

/* The widget of each field type (FIELD_TYPES): (field, item) -> the control. */
const WIDGETS = {
  datetime: (f) => dateTimeInput(f),
  yearly: (f, it) => h('input', {type: 'checkbox', checked: it[f] === 'yearly', onchange: (ev) => setField(f, ev.target.checked ? 'yearly' : undefined)}),
  priority: (f, it) => h('select', {onchange: (ev) => setField(f, +ev.target.value)},
    [0, 1, 2].map((p) => h('option', {value: p, selected: (it[f] || 0) === p ? true : null}, t('priority' + p)))),
  seconds: (f, it) => h('input', {type: 'number', min: 0, max: 300, value: it[f] || '', oninput: (ev) => setField(f, ev.target.value === '' ? undefined : +ev.target.value)}),
  hours: () => hoursEditor(),
  languages: () => languagesEditor(),
  image: () => imageEditor(),
  /* an address or a name runs in the direction of its own letters (dir=auto: an Arabic or
   * Persian address right to left, a German one left to right); an e-mail or web address
   * always left to right */
  line: (f, it, type) => h('input', {type: type || 'text', value: it[f] || '', dir: type ? 'ltr' : 'auto',
    oninput: (ev) => setField(f, ev.target.value.trim() === '' ? undefined : ev.target.value)}),
  email: (f, it) => WIDGETS.line(f, it, 'email'),
  url: (f, it) => WIDGETS.line(f, it, 'url'),
};

/* One row of a form: label, control, hint, and the place where the check's word on the
 * field appears (errorFor). A control made of several inputs is a group the label names. */
function formRow({id, text, control, required, hintText, errorFor, row}) {
  const single = ['INPUT', 'SELECT', 'TEXTAREA'].includes(control.tagName);
  const group = !single && control.querySelector && control.querySelector('input, select, textarea');
  if (single) control.id = id;
  if (group) { control.setAttribute('role', 'group'); control.setAttribute('aria-labelledby', 'l-' + id); }
  return h('div', {class: 'detail', 'data-row': row || null},
    h('label', {for: single ? id : null, id: 'l-' + id}, text, required ? h('span', {class: 'req', title: t('requiredMark')}, ' *') : null),
    control, hintText ? h('div', {class: 'hint'}, hintText) : null,
    errorFor ? h('div', {class: 'field-error', 'data-error-for': errorFor}) : null);
}

function detailField(field) {
  const it = state.editing.item;
  const control = WIDGETS[FIELD_TYPES[field] || 'line'](field, it);
  if (['INPUT', 'SELECT'].includes(control.tagName)) control.setAttribute('data-field', field);
  return formRow({id: 'f-' + field, row: field, text: label(field), control, required: isRequired(it.kind, field),
    hintText: hint(field), errorFor: field === 'image' ? null : field});
}

function renderEditor(main) {
  const ed = state.editing;
  const it = ed.item;
  const langs = bundleLangs();
  const saveBtn = h('button', {type: 'button', class: 'primary', id: 'save', onclick: save}, t('save'));
  const head = h('div', {class: 'editor-head'},
    h('button', {type: 'button', class: 'link', id: 'back', onclick: () => leaveEditor(() => render())}, '← ' + t('back')),
    h('h1', {}, ed.isNew ? t(FORMS[it.kind].newWord) : itemTitle(it)),
    h('span', {id: 'dirty', class: 'dirty', role: 'status'}, ed.dirty ? t('notSaved') : ''),
    saveBtn);
  const summary = h('div', {id: 'problems', class: 'problems', 'aria-live': 'polite'});
  const idRow = formRow({id: 'f-id', text: label('id'), errorFor: 'id', control: ed.isNew
    ? h('input', {'data-field': 'id', value: it.id || '', placeholder: t('idAuto'), oninput: (ev) => setField('id', ev.target.value.trim())})
    : h('code', {}, it.id)});
  const details = h('section', {class: 'details'}, h('h2', {}, t('details')), idRow, FORMS[it.kind].details.map(detailField));
  const preview = h('aside', {class: 'preview', id: 'preview'},
    h('h2', {}, t('preview')),
    h('label', {}, t('previewLang') + ' ', h('select', {id: 'preview-lang', onchange: (ev) => { ed.lang = ev.target.value; updatePreviews(); }},
      langs.map((l) => h('option', {value: l, selected: ed.lang === l ? true : null}, langName(l))))),
    h('label', {class: 'block-label'}, t('screen') + ' ', h('select', {id: 'preview-screen', onchange: (ev) => {
      state.screen = ev.target.value; localStorage.setItem('litfass.screen', state.screen);
      ed.page = {landscape: 1, portrait: 1}; updatePreviews();
    }}, SCREENS.map((sz) => h('option', {value: sz, selected: state.screen === sz ? true : null}, sz.replace('x', ' × '))))),
    ['landscape', 'portrait'].map((o) => h('figure', {class: 'shot ' + o},
      /* the small picture beside the form is too small to read: a click shows it as large as
       * the window allows */
      h('button', {type: 'button', class: 'shot-zoom', id: 'zoom-' + o, 'aria-label': t('zoomPreview', t(o)), title: t('zoomPreview', t(o)),
        onclick: () => zoomPreview(o)}, h('img', {id: 'preview-' + o, alt: t('preview') + ' – ' + t(o)})),
      h('figcaption', {}, h('span', {}, t(o)), ' ', h('span', {class: 'pages', id: 'pages-' + o}), ' ',
        h('span', {class: 'page-buttons', id: 'page-buttons-' + o})))),
    h('p', {class: 'hint', id: 'preview-note'}));
  main.appendChild(h('div', {class: 'editor'}, head, summary,
    h('div', {class: 'editor-body'}, h('div', {class: 'form'}, textGrid(it, langs), details), preview)));
  main.querySelectorAll('table.grid textarea').forEach(fitHeight);
  showProblems();
  updatePreviews();
  validateNow();
}

/* The preview of orientation o as large as the window allows, in a dialog (Escape, the
 * button or a click on the picture closes it). */
function zoomPreview(o) {
  const small = document.getElementById('preview-' + o);
  if (!small || !small.src) return;
  const [a, b] = state.screen.split('x');
  const size = o === 'landscape' ? a + ' × ' + b : b + ' × ' + a;
  const page = document.getElementById('pages-' + o);
  const dlg = h('dialog', {class: 'zoom', id: 'zoom-dialog'},
    h('h2', {id: 'zoom-dialog-title'}, t('preview') + ' – ' + t(o) + ' (' + size + ')' + (page && page.textContent ? ' · ' + page.textContent : '')),
    h('img', {id: 'zoom-image', src: small.src, alt: small.alt, onclick: () => dlg.close()}),
    h('div', {class: 'buttons'}, h('button', {type: 'button', class: 'secondary', id: 'zoom-close', onclick: () => dlg.close()}, t('close'))));
  showDialog(dlg, 'zoom-' + o);
  document.getElementById('zoom-close').focus();
}

async function validateNow() {
  const ed = state.editing;
  if (!ed) return;
  try {
    const out = await api('POST', '/api/validate', {item: withId(ed.item)});
    if (state.editing !== ed) return;
    const start2400 = /T24:00$/.test(ed.item.start || '');
    ed.problems = out.problems.filter((p) => p.item === withId(ed.item).id &&
      !(start2400 && p.field === 'start' && /^not a date-time/.test(p.msgid || ''))).concat(formWarnings(ed.item));
    showProblems();
  } catch (e) { /* shown on save */ }
}

/* What the server's check leaves to the studio: an event or notice whose end lies in the past
 * (a year typed wrong: it would never show, without a word) and 24:00 as a start. */
function formWarnings(it) {
  const out = [];
  const now = new Date();
  const local = pad2(now.getMonth() + 1) + '-' + pad2(now.getDate()) + 'T' + pad2(now.getHours()) + ':' + pad2(now.getMinutes());
  const today = now.getFullYear() + '-' + local;
  const last = it.kind === 'event' ? [it.end ? 'end' : 'start', it.end || it.start] : it.kind === 'notice' ? ['valid_until', it.valid_until] : null;
  if (last && /^\d{4}-\d\d-\d\d/.test(last[1] || '') && it.recurrence !== 'yearly' &&
      (last[1].length === 10 ? last[1] < today.slice(0, 10) : last[1] < today)) {
    out.push({severity: 'warning', field: last[0], msgid: 'studio-past-end', message: 'in the past'});
  }
  if (it.kind === 'event' && /T24:00$/.test(it.start || '')) {
    out.push({severity: 'error', field: 'start', msgid: 'studio-start-2400', message: '24:00 as a start'});
  }
  return out;
}

/* The item as it is checked and previewed: a new one gets a stand-in id. */
function withId(it) {
  if (it.id) return it;
  return Object.assign({}, it, {id: 'neu-' + it.kind});
}

function showProblems() {
  const ed = state.editing;
  if (!ed) return;
  document.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = el.dataset.errorFor === 'image' && ed.imageRefused || ''; });
  document.querySelectorAll('.has-error').forEach((el) => el.classList.remove('has-error'));
  document.querySelectorAll('[aria-invalid]').forEach((el) => { el.removeAttribute('aria-invalid'); el.removeAttribute('aria-describedby'); });
  const box = document.getElementById('problems');
  if (!box) return;
  clear(box);
  const errors = ed.problems.filter((p) => p.severity === 'error');
  const warnings = ed.problems.filter((p) => p.severity !== 'error');
  for (const p of ed.problems) {
    /* the nearest place in the form: "title.ar", "title", "hours.ranges[0]", "hours" */
    let f = p.field;
    let target = null;
    while (f && !(target = document.querySelector('[data-error-for="' + CSS.escape(f) + '"]'))) {
      f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : (f.includes('[') ? f.slice(0, f.lastIndexOf('[')) : '');
    }
    if (target) {
      target.textContent = (target.textContent ? target.textContent + ' · ' : '') + plain(p);
      const row = target.closest('td, .detail, tr, .range');
      if (row && p.severity === 'error') {
        row.classList.add('has-error');
        /* a screen reader says the message with the field it belongs to */
        target.id = target.id || 'err-' + (f || 'item').replace(/[^A-Za-z0-9_-]/g, '-');
        row.querySelectorAll('input, textarea, select').forEach((el) => {
          el.setAttribute('aria-invalid', 'true');
          el.setAttribute('aria-describedby', target.id);
        });
      }
    }
  }
  if (errors.length) {
    box.appendChild(h('div', {class: 'box error'}, h('strong', {}, t('errorsTitle')),
      h('ul', {}, errors.map((p) => h('li', {}, h('strong', {}, fieldLabel(p.field)), ': ' + plain(p))))));
  }
  if (warnings.length) {
    box.appendChild(h('div', {class: 'box warn'}, h('strong', {}, t('warningsTitle')),
      h('ul', {}, warnings.map((p) => h('li', {}, h('strong', {}, fieldLabel(p.field)), ': ' + plain(p))))));
  }
}

/* The form's words for a field path of the check ("hours.ranges[1].to" -> "Sprechzeiten,
 * Zeitraum 2, bis"; "title.ar" -> "Titel (العربية)"), never a JSON key where a label exists. */
const SUBLABELS = {ranges: ['Zeitraum', 'hours'], days: ['Wochentage', 'weekdays'], from: ['von', 'from'],
  to: ['bis', 'to'], note: ['Zusatz', 'note']};
function fieldLabel(path) {
  if (!path) return '';
  const out = [];
  const segs = path.split('.');
  segs.forEach((seg, k) => {
    const m = /^([A-Za-z_-]+)(?:\[(\d+)\])?$/.exec(seg);
    if (!m) { out.push(seg); return; }
    const name = m[1], idx = m[2] !== undefined ? ' ' + (+m[2] + 1) : '';
    if (k > 0 && k === segs.length - 1 && !SUBLABELS[name] && (state.langs[name] || /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(name))) {
      out[out.length - 1] += ' (' + langName(name) + ')';
      return;
    }
    const l = k === 0 ? LABELS[name] : (SUBLABELS[name] || LABELS[name]);
    /* one of the tags: "Schlagwort 2", as its row in the form says */
    out.push((name === 'tags' && idx ? t('tag') : (l ? l[state.ui === 'en' ? 1 : 0] : name)) + idx);
  });
  return out.join(', ');
}

async function updatePreviews() {
  const ed = state.editing;
  if (!ed) return;
  const seq = ++previewSeq;
  const note = document.getElementById('preview-note');
  for (const o of ['landscape', 'portrait']) {
    const [a, b] = state.screen.split('x').map(Number);
    const [w, hgt] = o === 'landscape' ? [a, b] : [b, a];
    const q = '?size=' + w + 'x' + hgt + '&lang=' + encodeURIComponent(ed.lang) + '&page=' + ed.page[o];
    let res;
    try {
      res = await api('POST', '/api/preview' + q, {item: withId(ed.item)}, {blob: true});
    } catch (e) {
      if (seq !== previewSeq) return;
      if (e.status === 400 && ed.page[o] > 1) { ed.page[o] = 1; return updatePreviews(); }
      if (note) note.textContent = e.status === 422 ? t('previewFix') : e.message;
      const img = document.getElementById('preview-' + o);
      if (img) img.classList.add('stale');
      continue;
    }
    if (seq !== previewSeq || state.editing !== ed) return;
    const img = document.getElementById('preview-' + o);
    if (!img) return;
    const old = img.src;
    img.src = URL.createObjectURL(res.blob);
    img.classList.remove('stale');
    if (old && old.startsWith('blob:')) URL.revokeObjectURL(old);
    if (note) note.textContent = '';
    const pages = +res.headers.get('X-Litfass-Pages') || 1;
    const label = document.getElementById('pages-' + o);
    label.textContent = t('pageOf', ed.page[o], pages);
    label.classList.toggle('many', pages > 1);
    label.title = pages > 1 ? t('morePages', pages) : '';
    const buttons = clear(document.getElementById('page-buttons-' + o));
    if (pages > 1) {
      for (let p = 1; p <= pages; p++) {
        /* a screen reader hears which preview and which page, not a bare "2" */
        buttons.appendChild(h('button', {type: 'button', class: 'page' + (p === ed.page[o] ? ' active' : ''),
          'aria-label': t('showPage', t(o), p, pages), 'aria-pressed': p === ed.page[o] ? 'true' : 'false',
          onclick: () => { ed.page[o] = p; updatePreviews(); }}, String(p)));
      }
    }
  }
}

async function save() {
  const ed = state.editing;
  const btn = document.getElementById('save');
  btn.disabled = true;
  try {
    let out;
    if (ed.isNew) out = await api('POST', '/api/items', {item: ed.item});
    else out = await api('PUT', '/api/items/' + encodeURIComponent(ed.item.id), {item: ed.item, revision: ed.revision});
    ed.item = out.item;
    ed.revision = out.revision;
    ed.isNew = false;
    ed.dirty = false;
    ed.meta = out;
    await loadItems();
    toast(t('saved'));
    render();
  } catch (e) {
    if (e.status === 409 && e.body && e.body.theirs) showConflict(e.body);
    else if (e.status === 400 && e.body && Array.isArray(e.body.problems) && state.editing === ed) {
      /* a required text left blank (only spaces or invisible characters): not saved; the
       * reason beside the field, which gets the focus */
      const fields = new Set(e.body.problems.map((p) => p.field));
      ed.problems = e.body.problems.concat(ed.problems.filter((p) => !fields.has(p.field)));
      showProblems();
      toast(e.message, 'error');
      const first = document.querySelector('.has-error input, .has-error textarea');
      if (first) first.focus();
    } else if (e.status === 404 && !ed.isNew && state.editing === ed) {
      /* a colleague deleted it meanwhile: nothing typed is thrown away */
      if (btn.isConnected) btn.disabled = false;
      if (await askDialog({id: 'gone-dialog', title: t('goneTitle'), body: [h('p', {}, t('goneText', itemTitle(ed.item)))], action: t('goneAction')})) {
        ed.isNew = true;
        ed.revision = 0;
        await save();
      }
    } else toast(t('failed', e.message), 'error');
  } finally {
    if (btn.isConnected) btn.disabled = false;
  }
}

/* The rows of one field's two versions side by side (the conflict dialog): a text one row
 * per language that differs, written in that language's direction as the kiosk shows it (an
 * Arabic text in a left-to-right cell put its full stop and numbers elsewhere); anything
 * else one row. */
function sideBySide(k, mine, theirs) {
  const isText = (v) => typeof v === 'string' || (v && typeof v === 'object' && !Array.isArray(v) && k !== 'hours');
  if ((mine === undefined || isText(mine)) && (theirs === undefined || isText(theirs))) {
    const langs = new Set(['de']);
    [mine, theirs].forEach((v) => { if (v && typeof v === 'object') Object.keys(v).forEach((l) => langs.add(l)); });
    return Array.from(langs).filter((l) => textOf(mine, l) !== textOf(theirs, l)).map((l) => h('tr', {},
      h('th', {}, label(k) + ' (' + langName(l) + ')'),
      h('td', {class: 'mine', lang: l, dir: isRtl(l) ? 'rtl' : null}, textOf(mine, l) || '—'),
      h('td', {class: 'theirs', lang: l, dir: isRtl(l) ? 'rtl' : null}, textOf(theirs, l) || '—')));
  }
  return [h('tr', {}, h('th', {}, label(k)), h('td', {class: 'mine'}, showValue(k, mine)), h('td', {class: 'theirs'}, showValue(k, theirs)))];
}

function showConflict(body) {
  const ed = state.editing;
  const theirs = body.theirs;
  const self = !!(state.session && theirs.modified_by === state.session.user);
  const keys = Array.from(new Set(Object.keys(body.yours).concat(Object.keys(theirs.item))));
  const rows = keys.filter((k) => JSON.stringify(body.yours[k]) !== JSON.stringify(theirs.item[k]))
    .flatMap((k) => sideBySide(k, body.yours[k], theirs.item[k]));
  const dlg = h('dialog', {class: 'conflict', id: 'conflict'},
    /* the same user in another tab is no "someone else" */
    h('h2', {id: 'conflict-title'}, t(self ? 'conflictSelfTitle' : 'conflictTitle')),
    h('p', {}, t(self ? 'conflictSelfText' : 'conflictText', theirs.modified_by, fmtStamp(theirs.modified_at))),
    h('table', {class: 'diff'}, h('thead', {}, h('tr', {}, h('th', {}, t('field')), h('th', {}, t('yours')), h('th', {}, t('theirs')))), h('tbody', {}, rows)),
    h('div', {class: 'buttons'},
      h('button', {type: 'button', class: 'primary', id: 'keep-mine', onclick: async () => {
        dlg.close(); dlg.remove(); ed.revision = theirs.revision; await save();
      }}, t('keepMine')),
      h('button', {type: 'button', class: 'secondary', id: 'take-theirs', onclick: () => {
        dlg.close(); dlg.remove(); ed.item = theirs.item; ed.revision = theirs.revision; ed.dirty = false; render();
      }}, t('takeTheirs'))));
  showDialog(dlg, 'save');
}

/* A modal dialog: the page behind it is inert (Tab stays inside), Escape closes it, a
 * closed dialog leaves the page and the focus goes back to where it was. */
function showDialog(dlg, returnTo) {
  const before = document.activeElement;
  const title = dlg.querySelector('h2[id]');
  if (title) dlg.setAttribute('aria-labelledby', title.id);
  /* said outright, not left to the browser's mapping of <dialog>: a dialog (a question: an
   * alertdialog) that is modal, so a screen reader reads nothing of the page behind it */
  if (!dlg.getAttribute('role')) dlg.setAttribute('role', 'dialog');
  dlg.setAttribute('aria-modal', 'true');
  /* Tab from the last control goes to the first and Shift+Tab back (the browser alone would
   * leave for its own address bar) */
  dlg.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Tab') return;
    const stops = [...dlg.querySelectorAll('button, input, select, textarea, [href], [tabindex]')]
      .filter((e) => !e.disabled && e.tabIndex >= 0 && e.getClientRects().length && !e.closest('[aria-hidden="true"]'));
    if (!stops.length) return;
    const first = stops[0], last = stops[stops.length - 1];
    if (!ev.shiftKey && document.activeElement === last) { ev.preventDefault(); first.focus(); }
    else if (ev.shiftKey && document.activeElement === first) { ev.preventDefault(); last.focus(); }
  });
  dlg.addEventListener('close', () => {
    dlg.remove();
    /* returnTo: the id of the control to go back to (the one pressed was disabled meanwhile) */
    const back = (returnTo && document.getElementById(returnTo)) || before;
    if (back && back.isConnected) back.focus();
  });
  document.body.appendChild(dlg);
  dlg.showModal();
}

/* A question before an action, in the studio's own dialog (showDialog: Tab stays inside,
 * Escape closes): a title, the body, Cancel (focused first, so Enter alone never does
 * it) and the action's button (red with `danger`). Resolves true only for the action. */
function askDialog({id, title, body, action, danger}) {
  return new Promise((resolve) => {
    let yes = false;
    const text = h('div', {id: id + '-text'}, body);
    const cancel = h('button', {type: 'button', class: 'secondary big', id: id + '-cancel', autofocus: true,
      onclick: () => dlg.close()}, t('cancel'));
    const act = h('button', {type: 'button', class: danger ? 'danger big' : 'primary', id: id + '-ok',
      onclick: () => { yes = true; dlg.close(); }}, (danger ? '🗑 ' : '') + action);
    const dlg = h('dialog', {class: 'ask' + (danger ? ' destructive' : ''), id, role: 'alertdialog',
      'aria-describedby': id + '-text'},
      h('h2', {id: id + '-title'}, title), text, h('div', {class: 'buttons'}, cancel, act));
    dlg.addEventListener('close', () => resolve(yes));
    showDialog(dlg);
    cancel.focus();
  });
}

/* ---- urgent notice: the button, then "show now" ------------------------------------------ */

function openUrgent() {
  const title = h('input', {id: 'urgent-title', dir: 'auto', value: t('urgentDefaultTitle')});
  const message = h('textarea', {id: 'urgent-message', dir: 'auto', rows: 3, value: t('urgentDefaultMessage')});
  const tomorrow = berlinNow(1, true);
  let untilDay = tomorrow.slice(0, 10), untilClock = '00:00';
  const untilDate = dateInput({id: 'urgent-until-date', 'aria-label': t('until') + ' – ' + t('date')}, untilDay, (v) => { untilDay = v; });
  const untilTime = timeInput({id: 'urgent-until-time', 'aria-label': t('until') + ' – ' + t('time')}, untilClock, (v) => { untilClock = v; });
  const err = h('p', {class: 'error', role: 'alert'});
  const pub = isPublisher();
  const dlg = h('dialog', {class: 'urgent-dialog', id: 'urgent-dialog'},
    h('h2', {id: 'urgent-dialog-title'}, '⚠ ' + t('urgentTitle')),
    h('p', {class: 'muted'}, t('urgentHint')),
    h('label', {for: 'urgent-title'}, label('title')), title,
    h('label', {for: 'urgent-message'}, label('message')), message,
    h('label', {for: 'urgent-until-date'}, t('until') + ' (' + t('berlin') + ')'), h('div', {class: 'dt'}, untilDate, untilTime), h('p', {class: 'hint'}, t('untilMidnight')),
    err,
    h('div', {class: 'buttons'},
      h('button', {type: 'button', class: 'danger big', id: 'urgent-publish', onclick: async () => {
        const item = {kind: 'notice', title: {de: title.value.trim()}, message: {de: message.value.trim()},
          valid_from: berlinNow(), valid_until: untilDay + 'T' + (untilClock || '00:00'), priority: 2};
        if (!message.value.trim()) delete item.message;
        try {
          await api('POST', '/api/items', {item});
          if (pub) await publishJob('/api/publish', {note: t('urgentTitle')});
          dlg.close(); dlg.remove();
          await loadItems();
          state.view = 'notices';
          render();
          toast(pub ? t('urgentDone') : t('urgentSaved'));
        } catch (e) {
          err.textContent = e.body && e.body.problems ? e.body.problems.filter((p) => p.severity === 'error').map((p) => fieldLabel(p.field) + ': ' + plain(p)).join(' · ') : e.message;
        }
      }}, pub ? t('urgentPublish') : t('urgentSave')),
      h('button', {type: 'button', class: 'secondary', onclick: () => { dlg.close(); dlg.remove(); }}, t('cancel'))));
  showDialog(dlg);
}

/* ---- translations overview --------------------------------------------------------------- */

function renderTranslations(main) {
  const langs = bundleLangs().filter((l) => l !== 'de');
  const items = state.items.map((e) => e.item);
  main.appendChild(h('h1', {}, t('translations')));
  main.appendChild(h('p', {class: 'muted'}, t('translatedBy')));
  const totals = h('tr', {class: 'totals'}, h('th', {scope: 'row'}, t('status')), langs.map((l) => {
    const done = items.filter((it) => !missingIn(it, l).length).length;
    return h('td', {class: done === items.length ? 'done' : 'missing', 'data-lang': l}, t('itemsComplete', done, items.length));
  }));
  const rows = items.map((it) => h('tr', {},
    h('th', {scope: 'row'}, h('button', {type: 'button', class: 'link', onclick: () => openEditor(state.items.find((e) => e.item === it), false)}, itemTitle(it)),
      h('div', {class: 'hint'}, t(FORMS[it.kind].view))),
    langs.map((l) => {
      const miss = missingIn(it, l);
      return h('td', {class: miss.length ? 'missing' : 'done'}, miss.length ? t('missingTexts', miss.map(fieldLabel).join(', ')) : '✓');
    })));
  main.appendChild(h('div', {class: 'grid-scroll'}, h('table', {class: 'overview'},
    h('thead', {}, h('tr', {}, h('th', {}, t('entry')), langs.map((l) => h('th', {scope: 'col', class: l === 'de-x-ls' ? 'easy' : ''}, langLabel(l, true))))),
    h('tbody', {}, totals, rows))));
}

/* ---- publishing -------------------------------------------------------------------------- */

async function renderPublish(main) {
  main.appendChild(h('h1', {}, t('publish')));
  const holder = h('div', {}, t('loading'));
  main.appendChild(holder);
  let changes, versions, validation, running;
  try {
    [changes, versions, validation, running] = await Promise.all([api('GET', '/api/changes'), api('GET', '/api/versions'), api('POST', '/api/validate'),
      api('GET', '/api/publish').then((o) => o.job)]);
  } catch (e) { holder.textContent = e.message; return; }
  clear(holder);
  const pub = isPublisher();
  const selected = new Set();
  const changeList = changes.changes.length ? h('ul', {class: 'changes'}, changes.changes.map((c) => {
    const id = c.item.id;
    const box = pub && state.session.require_approval && !c.approved
      ? h('input', {type: 'checkbox', 'aria-label': t('approve') + ' ' + id, onchange: (ev) => ev.target.checked ? selected.add(id) : selected.delete(id)}) : null;
    return h('li', {class: 'change ' + c.status, 'data-id': id},
      h('div', {class: 'change-head'}, box, h('strong', {}, itemTitle(c.item)),
        h('span', {class: 'badge ' + (c.status === 'removed' ? 'grey' : 'blue')}, t(c.status)),
        state.session.require_approval ? h('span', {class: 'badge ' + (c.approved ? 'green' : 'amber')}, c.approved ? t('approved') : t('waiting')) : null,
        c.modified_by ? h('span', {class: 'muted'}, ' ' + c.modified_by + ', ' + fmtStamp(c.modified_at)) : null),
      c.fields && c.fields.length ? h('table', {class: 'diff'},
        h('thead', {}, h('tr', {}, h('th', {}, t('field')), h('th', {}, t('before')), h('th', {}, t('after')))),
        h('tbody', {}, c.fields.map((f) => h('tr', {},
          h('th', {}, label(f.field) + (f.lang ? ' (' + langName(f.lang) + ')' : '')),
          h('td', {class: 'before', lang: f.lang || null, dir: isRtl(f.lang) ? 'rtl' : null}, showValue(f.field, f.before)),
          h('td', {class: 'after', lang: f.lang || null, dir: isRtl(f.lang) ? 'rtl' : null}, showValue(f.field, f.after)))))) : null);
  })) : h('p', {class: 'muted'}, t('noChanges'));
  holder.appendChild(h('section', {}, h('h2', {}, t('changes')), changeList));
  if (pub && state.session.require_approval && changes.changes.some((c) => !c.approved)) {
    holder.appendChild(h('p', {class: 'hint'}, t('approveHint')));
    holder.appendChild(h('button', {type: 'button', class: 'secondary', id: 'approve', onclick: async () => {
      try { await api('POST', '/api/approve', {ids: Array.from(selected)}); await loadItems(); render(); } catch (e) { toast(t('failed', e.message), 'error'); }
    }}, t('approveMarked')));
  }
  const errors = validation.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    holder.appendChild(h('div', {class: 'box error'}, h('strong', {}, t('cannotPublish')),
      h('ul', {id: 'publish-errors'}, errors.map((p) => {
        /* the entry by its title and kind, as the lists show it (its identifier said nothing
         * to whoever wrote it), then the field in the form's words */
        const entry = p.item && state.items.find((e) => e.item.id === p.item);
        return h('li', {}, entry ? [h('button', {type: 'button', class: 'link', onclick: () => openEditor(entry, false)}, itemTitle(entry.item)),
          ' (' + t('kindWord_' + entry.item.kind) + ')'] : (p.item || ''), (p.item ? ' – ' : '') + fieldLabel(p.field) + ': ' + plain(p));
      }))));
  }
  if (pub) {
    const result = h('div', {id: 'publish-result', role: 'status'});
    const holderResult = result;
    const note = h('input', {id: 'publish-note', dir: 'auto', placeholder: t('noteExample')});
    /* the draft is what the newest version holds, delivered everywhere (the server says so:
     * /api/changes): a publish would only repeat it. Said beside the button, which waits;
     * a version missing on the server goes out again from the list of versions. */
    const nothing = !errors.length && changes.nothing_to_publish && !(running && running.state === 'running');
    holder.appendChild(h('label', {for: 'publish-note', class: 'publish-label'}, t('noteLabel')));
    holder.appendChild(h('div', {class: 'publish-row'}, note,
      h('button', {type: 'button', class: 'primary big', id: 'publish-now', disabled: errors.length || nothing ? true : null,
        'aria-describedby': nothing ? 'publish-nothing' : null, onclick: async (ev) => {
        const button = ev.target;
        button.disabled = true;
        clear(result).className = 'box info';
        result.appendChild(h('p', {id: 'publish-progress'}, t('publishing')));
        try {
          const out = await publishJob('/api/publish', note.value.trim() ? {note: note.value.trim()} : undefined,
            (job) => showRunning(job), (busy) => result.prepend(h('p', {id: 'publish-busy'}, busy)));
          if (firstToTell(out)) { toast(t('published', out.version.serial)); render(); }
        } catch (e) {
          if (firstToTell(e)) showFailure(e);
          const now = document.getElementById('publish-now');
          if (now) now.disabled = false;
          button.disabled = false;
        }
      }}, t('publishNow')),
      nothing ? h('p', {id: 'publish-nothing', class: 'publish-nothing'},
        h('strong', {}, t('nothingToPublish', changes.published_serial)), ' ', t('nothingToPublishAgain')) : null));
    holder.appendChild(result);
    /* a publish under way (a colleague's, or this page's before a reload): followed here */
    const showRunning = (job) => {
      if (job.state !== 'running') return;
      const p = document.getElementById('publish-progress');
      if (p) p.textContent = t('publishingBy', job.by, job.since, job.serial);
    };
    const showFailure = (e) => {
      /* the page on screen: this one, or the publish page opened again meanwhile */
      const result = document.getElementById('publish-result') || holderResult;
      clear(result).className = '';
      const runningTop = document.getElementById('publish-running-top');
      if (runningTop) runningTop.parentNode.remove(); /* it has ended: no longer "wird veröffentlicht" */
      if (e.interrupted) { showInterrupted(result, e.interrupted); result.scrollIntoView({block: 'nearest'}); return; }
      const failed = e.status === 502 && e.body && /^version (\d+) was signed but not delivered: /.exec(e.body.error || '');
      if (failed) {
        /* what happened and what to do, in plain words, and the server's own words for IT */
        result.className = 'box error';
        result.append(h('strong', {}, t('publishFailed', failed[1])), h('p', {id: 'publish-error'}, publishText(e.body.error, state.ui)),
          h('span', {class: 'tech-detail'}, t('techDetail', publishProblem(e.body.error).english)));
      }
      /* the entries that wait, by their titles */
      const waiting = e.body && e.body.waiting && e.body.waiting.map((id) => {
        const x = state.items.find((en) => en.item.id === id);
        return x ? '„' + itemTitle(x.item) + '“' : id;
      }).join(', ');
      toast(t('failed', waiting ? e.message + ': ' + waiting : failed ? t('publishFailed', failed[1]) : e.message), 'error');
    };
    /* the last publish was cut off by a stop or crash of the studio: said at the top of the
     * page (before a long list of changes) until the next one */
    if (running && running.state === 'interrupted') {
      const note = h('div', {id: 'publish-last', role: 'status'});
      showInterrupted(note, running);
      main.insertBefore(note, holder);
    }
    if (running && running.state === 'running') {
      /* a publish under way when the page opens (a colleague's, or this one's before Back or a
       * reload): said at the top too, not only under the list of changes by the button */
      main.insertBefore(h('div', {id: 'publish-last', class: 'box info'},
        h('p', {id: 'publish-running-top'}, t('publishingBy', running.by, running.since, running.serial))), holder);
      const button = document.getElementById('publish-now');
      if (button) button.disabled = true;
      result.className = 'box info';
      result.appendChild(h('p', {id: 'publish-progress'}, t('publishing')));
      followPublish(running, showRunning).then((out) => { if (firstToTell(out)) { toast(t('published', out.version.serial)); if (state.view === 'publish') render(); } },
        (e) => { if (!firstToTell(e)) return; if (state.view === 'publish') showFailure(e); if (button) button.disabled = !!errors.length; });
    }
  } else {
    holder.appendChild(h('p', {class: 'box info'}, t('editorNoPublish')));
  }
  holder.appendChild(h('h2', {}, t('versions')));
  holder.appendChild(h('table', {class: 'versions', id: 'versions'},
    h('thead', {}, h('tr', {}, [t('version'), t('when'), t('who'), t('itemsN'), t('note').split(' (')[0], t('delivered'), pub ? t('action') : ''].map((x) => h('th', {}, x)))),
    h('tbody', {}, versions.versions.map((v) => h('tr', {'data-serial': v.serial},
      h('td', {}, String(v.serial)), h('td', {}, fmtStamp(v.created)), h('td', {}, v.by || ''), h('td', {}, String(v.items)),
      h('td', {}, v.note || ''), versionDelivery(v, versions.versions),
      h('td', {}, pub ? h('button', {type: 'button', class: 'secondary small', onclick: async () => {
        if (!await askDialog({id: 'again-dialog', title: t('againTitle'), body: [h('p', {}, t('againConfirm', v.serial))], action: t('again')})) return;
        toast(t('publishing'));
        try { const out = await publishJob('/api/versions/' + v.serial + '/publish'); if (firstToTell(out)) { toast(t('published', out.version.serial)); render(); } } catch (e) { if (firstToTell(e)) { toast(t('failed', e.message), 'error'); render(); } }
      }}, t('again')) : null))))));
}

/* The versions list's "Ausgeliefert" cell: where the version went; where it did not, why
 * (a failed upload in plain words, a publish cut off by the studio's stop or crash) and what
 * the screens showed instead (the newest version delivered before it). `all`: newest first. */
function versionDelivery(v, all) {
  const delivered = v.delivered || [];
  const where = delivered.map((d) => t('to_' + d)).join(', ');
  if (!v.error && !v.interrupted) return h('td', {}, where);
  const older = all.filter((o) => o.serial < v.serial && (o.delivered || []).length)[0];
  const later = all.some((o) => o.serial > v.serial && (o.delivered || []).length);
  const prev = older ? t(later ? 'vShowedPrev' : 'vShowsPrev', older.serial) : t('vShowsNone');
  let why, screens;
  if (v.interrupted === 'unknown') {
    why = t('vCut_unknown');
    screens = older ? t('vShowsEither', older.serial) : t('vShowsEitherNone');
  } else if (v.interrupted === 'changed' && v.everywhere) {
    /* every target had it: out, though the studio stopped before it could say so */
    why = t('vCut_everywhere', where);
    screens = t('vShowsThis');
  } else if (v.interrupted === 'changed' || (v.error && delivered.length)) {
    why = v.interrupted ? t('vCut_changed', where) : publishText(v.error, state.ui, true);
    screens = '';
  } else {
    why = v.interrupted && !v.error ? t('vCut_unchanged') : publishText(v.error, state.ui, true);
    screens = prev;
  }
  return h('td', {class: v.everywhere ? '' : 'error'}, h('span', {class: 'why'}, why + (screens ? ' ' + screens : '')),
    v.error ? h('span', {class: 'tech-detail'}, t('techDetail', v.error)) : null);
}

/* A publish the studio's stop or crash cut off (GET /api/publish "interrupted"): which
 * version, by whom since when, and what the screens show since, in plain words. */
function showInterrupted(box, job) {
  const where = Object.keys(job.targets || {}).filter((k) => job.targets[k] === 'replaced').map((k) => t('to_' + k)).join(', ');
  box.className = 'box ' + (job.live === 'changed' && job.everywhere ? 'info' : job.live === 'unchanged' ? 'warn' : 'error');
  box.append(h('strong', {}, t('interruptedTitle', job.serial)),
    h('p', {id: 'publish-interrupted'}, t('interruptedWhy', job.serial, job.by, job.since) + ' ' + t('live_' + (job.live === 'changed' && job.everywhere ? 'everywhere' : job.live || 'unknown'), where)));
}

/* ---- audit log and settings -------------------------------------------------------------- */

async function renderAudit(main) {
  main.appendChild(h('h1', {}, t('audit')));
  const out = await api('GET', '/api/audit');
  main.appendChild(h('table', {class: 'audit'},
    h('thead', {}, h('tr', {}, [t('when'), t('who'), t('action'), t('entry'), t('detailsCol')].map((x) => h('th', {}, x)))),
    h('tbody', {}, out.entries.map((e) => h('tr', {'data-action': e.action}, h('td', {}, fmtStamp(e.at)), h('td', {}, e.user),
      h('td', {}, (ACTIONS[e.action] || [e.action, e.action])[state.ui === 'en' ? 1 : 0]), auditItem(e.item), h('td', {}, auditDetail(e.detail || '')))))));
}

/* The entry of a log line by its title where it still exists (its identifier under it). */
function auditItem(id) {
  const e = id && state.items.find((x) => x.item.id === id);
  if (!e) return h('td', {}, id || '');
  return h('td', {}, itemTitle(e.item), h('div', {class: 'hint'}, id));
}

/* The log's details (written in English for city IT) in the page's words. */
function auditDetail(d) {
  const de = state.ui !== 'en';
  let m;
  if ((m = /^serial (\d+) \(again: version (\d+)\)$/.exec(d))) return de ? 'Version ' + m[1] + ' (erneut: Version ' + m[2] + ')' : 'version ' + m[1] + ' (again: version ' + m[2] + ')';
  if ((m = /^serial (\d+)$/.exec(d))) return (de ? 'Version ' : 'version ') + m[1];
  if (d === 'calendar subscription') return de ? 'abonnierter Kalender' : d;
  if ((m = /^(.*): (\d+) added, (\d+) updated, (\d+) removed(?:, (\d+) kept)?$/.exec(d))) {
    return m[1] + ': ' + (de ? m[2] + ' neu, ' + m[3] + ' geändert, ' + m[4] + ' entfernt' + (m[5] !== undefined ? ', ' + m[5] + ' von Hand geändert behalten' : '')
      : m[2] + ' new, ' + m[3] + ' changed, ' + m[4] + ' removed' + (m[5] !== undefined ? ', ' + m[5] + ' kept (changed by hand)' : ''));
  }
  return d;
}

/* The settings page's fields as typed ({org, def, base, user}): kept while the page is drawn
 * anew (a language switch, a login after the session ended) until saved or left. */
let settingsDraft = null;
function settingsUnsaved() {
  const d = settingsDraft;
  return !state.editing && state.view === 'settings' && !!d &&
    settingsDiff({organisation: d.org, default_language: d.def}, d.base.bundle).length > 0;
}

function renderSettings(main) {
  if (!settingsUnsaved() || settingsDraft.user !== state.session.user) {
    const raw = state.bundle.organisation || {de: ''};
    /* base: what this page was opened with: a save names its revision, and a colleague's
     * save meanwhile is shown against it */
    settingsDraft = {org: typeof raw === 'string' ? {de: raw} : JSON.parse(JSON.stringify(raw)),
      def: state.bundle.default_language || 'de', user: state.session.user,
      base: {bundle: JSON.parse(JSON.stringify(state.bundle)), revision: state.bundleMeta.revision || 1}};
  }
  const draft = settingsDraft, org = draft.org, base = draft.base;
  const langs = bundleLangs();
  const rows = langs.map((l) => formRow({id: 'organisation-' + l, text: label('organisation') + ' – ' + langName(l), errorFor: 'organisation.' + l,
    control: h('input', {value: textOf(org, l), lang: l, dir: isRtl(l) ? 'rtl' : 'ltr', 'data-field': 'organisation.' + l, oninput: (ev) => {
      if (ev.target.value.trim()) org[l] = ev.target.value; else delete org[l];
    }})}));
  const def = h('select', {onchange: (ev) => { draft.def = ev.target.value; }},
    langs.map((l) => h('option', {value: l, selected: draft.def === l ? true : null}, langName(l))));
  main.append(h('h1', {}, t('settings')), h('section', {class: 'details'}, rows,
    formRow({id: 'default-lang', text: t('defaultLang'), control: def}),
    h('button', {type: 'button', class: 'primary', id: 'save-settings', onclick: () => saveSettings({organisation: org, default_language: def.value}, base)}, t('save'))),
  h('p', {class: 'muted'}, t('sessionEnds', Math.round(state.session.session_seconds / 60))));
  /* what keeps the name from being published (too long, a pasted document) beside its field */
  api('POST', '/api/validate').then((v) => v.problems.filter((p) => !p.item && /^organisation\./.test(p.field || '')).forEach((p) => {
    const box = document.querySelector('[data-error-for="' + p.field + '"]');
    if (box) box.textContent = plain(p);
  }), () => {});
}

async function saveSettings(fields, base) {
  const btn = document.getElementById('save-settings');
  if (btn) btn.disabled = true;
  try {
    await api('PUT', '/api/bundle', Object.assign({revision: base.revision}, fields));
    settingsDraft = null;
    await loadItems(); toast(t('saved')); render();
  } catch (e) {
    if (e.status === 409 && e.body && e.body.theirs && e.body.theirs.bundle) showSettingsConflict(fields, base, e.body.theirs);
    else toast(t('failed', e.message), 'error');
  } finally {
    if (btn && btn.isConnected) btn.disabled = false;
  }
}

/* The settings' fields of a (the page sends organisation and default_language) that differ
 * in b: [{label, a, b, lang}], a text one row per language. */
function settingsDiff(a, b) {
  const out = [];
  const org = (v) => (typeof v === 'string' ? {de: v} : (v || {}));
  const oa = org(a.organisation), ob = org(b.organisation);
  const langs = Array.from(new Set(['de'].concat(Object.keys(oa), Object.keys(ob))));
  langs.filter((l) => (oa[l] || '') !== (ob[l] || '')).forEach((l) =>
    out.push({label: label('organisation') + ' (' + langName(l) + ')', a: oa[l] || '', b: ob[l] || '', lang: l}));
  const da = a.default_language || 'de', db = b.default_language || 'de';
  if (da !== db) out.push({label: label('default_language'), a: langName(da), b: langName(db)});
  return out;
}

/* Someone saved the settings after this page was opened: say who and when, what they changed
 * (against what this page was opened with), both versions side by side; the user keeps
 * theirs or takes the saved one. Nothing was written. */
function showSettingsConflict(mine, base, theirs) {
  const self = !!(state.session && theirs.modified_by === state.session.user);
  const diff = settingsDiff(mine, theirs.bundle);
  if (!diff.length) { /* the same as what was saved meanwhile: nothing to choose */
    settingsDraft = null;
    loadItems().then(() => { toast(t('saved')); render(); });
    return;
  }
  const cell = (cls, v, lang) => h('td', {class: cls, lang: lang || null, dir: lang && isRtl(lang) ? 'rtl' : null}, v || '—');
  const theirChanges = settingsDiff(base.bundle, theirs.bundle);
  const dlg = h('dialog', {class: 'conflict', id: 'settings-conflict'},
    h('h2', {id: 'settings-conflict-title'}, t(self ? 'settingsConflictSelfTitle' : 'settingsConflictTitle')),
    h('p', {}, t(self ? 'settingsConflictSelfText' : 'settingsConflictText', theirs.modified_by || '?', fmtStamp(theirs.modified_at))),
    theirChanges.length ? [h('p', {}, t(self ? 'selfChanged' : 'theyChanged', theirs.modified_by || '?')),
      h('ul', {class: 'their-changes'}, theirChanges.map((c) => h('li', {}, t('nowBefore', c.label, c.b || '—', c.a || '—'))))] : null,
    h('p', {}, t('settingsChoose')),
    h('table', {class: 'diff'}, h('thead', {}, h('tr', {}, h('th', {}, t('field')), h('th', {}, t('yours')),
      h('th', {}, self ? t('theirs') : t('versionOf', theirs.modified_by || '?')))),
    h('tbody', {}, diff.map((d) => h('tr', {}, h('th', {scope: 'row'}, d.label), cell('mine', d.a, d.lang), cell('theirs', d.b, d.lang))))),
    h('div', {class: 'buttons'},
      h('button', {type: 'button', class: 'primary', id: 'keep-mine', onclick: () => {
        dlg.close(); saveSettings(mine, {bundle: theirs.bundle, revision: theirs.revision});
      }}, t('keepMine')),
      h('button', {type: 'button', class: 'secondary', id: 'take-theirs', onclick: async () => {
        dlg.close(); settingsDraft = null; await loadItems(); render();
      }}, t('takeTheirs'))));
  showDialog(dlg, 'save-settings');
}

async function renderUsers(main) {
  main.appendChild(h('h1', {}, t('users')));
  const out = await api('GET', '/api/users');
  main.appendChild(h('table', {class: 'audit', id: 'users'},
    h('thead', {}, h('tr', {}, h('th', {}, t('user')), h('th', {}, t('roleWord')))),
    h('tbody', {}, out.users.map((u) => h('tr', {}, h('td', {}, u.name), h('td', {}, t('role_' + u.role) + ' (' + u.role + ')'))))));
  main.appendChild(h('p', {class: 'box info'}, t('usersHint')));
  main.appendChild(h('pre', {class: 'cmd'}, 'litfass studio user add NAME --role editor --data DIR\nlitfass studio user passwd NAME --data DIR\nlitfass studio user remove NAME --data DIR'));
}

/* ---- start ------------------------------------------------------------------------------- */

window.addEventListener('beforeunload', (ev) => {
  if (settingsUnsaved()) { ev.preventDefault(); ev.returnValue = ''; } /* the browser asks, as for the editor */
  if (state.editing && state.editing.dirty) {
    ev.preventDefault(); ev.returnValue = '';
    /* a reload (F5) anyway: what was typed comes back in this tab (sessionStorage: this tab only) */
    const ed = state.editing;
    try {
      sessionStorage.setItem('litfass.editing', JSON.stringify({item: ed.item, revision: ed.revision, isNew: ed.isNew,
        meta: ed.meta, user: state.session && state.session.user}));
    } catch (e) { /* storage full or off: the browser's question stays */ }
  }
});
window.addEventListener('pagehide', () => { if (!(state.editing && state.editing.dirty)) sessionStorage.removeItem('litfass.editing'); });

/* The unsaved editor of this tab before a reload, marked as not saved (a colleague's later save
 * is caught on saving, by the revision). */
function restoreEditing() {
  let kept = null;
  try { kept = JSON.parse(sessionStorage.getItem('litfass.editing') || 'null'); } catch (e) { kept = null; }
  sessionStorage.removeItem('litfass.editing');
  if (!kept || !kept.item || !state.session || kept.user !== state.session.user) return;
  state.editing = {item: kept.item, revision: kept.revision, isNew: !!kept.isNew, dirty: true, problems: [],
    page: {landscape: 1, portrait: 1}, lang: 'de', meta: kept.meta || {}};
  toast(t('restoredTyping'));
}

(async function start() {
  document.documentElement.lang = state.ui;
  connectionBox();
  toastBox();
  lookForStudio();
  try {
    state.session = await api('GET', '/api/session');
    await loadItems();
    restoreEditing();
    render();
  } catch (e) {
    if (e.status !== 401) renderLogin(e.message);
  }
}());
