/* litfass studio: a calendar (.ics) imported into the events (POST /api/import/ics).
 * Loaded after app.js, whose helpers (h, t, api, state, loadItems, render, toast) it uses. */
'use strict';

Object.assign(WORDS.de, {
  icsImport: 'Kalender importieren (.ics)', icsHint: 'Termine aus Outlook, Nextcloud, Google oder dem Stadtkalender übernehmen. Sie kommen als Änderungen in den Entwurf; erneutes Importieren aktualisiert sie, ohne doppelte Einträge.',
  icsTag: 'Schlagwort für alle (optional)', icsResult: '{0}: {1} neu, {2} geändert, {3} entfernt, {4} unverändert.',
  icsKept: 'Von Hand geändert und deshalb nicht überschrieben:', icsFailed: 'Der Kalender wurde nicht importiert:',
});
Object.assign(WORDS.en, {
  icsImport: 'Import a calendar (.ics)', icsHint: 'Take over events from Outlook, Nextcloud, Google or the city calendar. They arrive as changes in the draft; importing again updates them without duplicates.',
  icsTag: 'Tag for all of them (optional)', icsResult: '{0}: {1} new, {2} changed, {3} removed, {4} unchanged.',
  icsKept: 'Changed by hand and therefore not overwritten:', icsFailed: 'The calendar was not imported:',
});

function icsImportBox() {
  const file = h('input', {type: 'file', id: 'ics-file', accept: '.ics,text/calendar'});
  const tag = h('input', {id: 'ics-tag', placeholder: t('icsTag'), 'aria-label': t('icsTag')});
  const report = state.icsReport;
  let result = null;
  if (report && report.error) {
    result = h('div', {class: 'box error', id: 'ics-result'}, t('icsFailed'),
      h('ul', {}, (report.problems || []).slice(0, 10).map((p) => h('li', {}, p.text))), report.problems && report.problems.length ? null : h('p', {}, report.error));
  } else if (report) {
    result = h('div', {class: 'box ' + (report.notes.length ? 'warn' : 'info'), id: 'ics-result'},
      t('icsResult', report.source, report.added, report.updated, report.removed, report.unchanged),
      report.notes.length ? [h('p', {}, t('icsKept')), h('ul', {}, report.notes.map((n) => h('li', {}, n)))] : null);
  }
  return h('details', {class: 'ics-import', open: report ? true : null},
    h('summary', {}, t('icsImport')),
    h('p', {class: 'muted'}, t('icsHint')),
    h('div', {class: 'ics-row'}, file, tag,
      h('button', {type: 'button', class: 'primary', id: 'ics-upload', onclick: async () => {
        const f = file.files[0];
        if (!f) return;
        const q = '?name=' + encodeURIComponent(f.name) + (tag.value.trim() ? '&tag=' + encodeURIComponent(tag.value.trim()) : '');
        try {
          state.icsReport = await api('POST', '/api/import/ics' + q, undefined, {raw: await f.arrayBuffer()});
        } catch (e) {
          state.icsReport = e.body || {error: e.message, problems: []};
        }
        await loadItems();
        render();
      }}, t('icsImport'))),
    result);
}
