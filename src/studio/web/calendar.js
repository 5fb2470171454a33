/* litfass studio: a calendar (.ics) imported into the events (POST /api/import/ics).
 * Loaded after app.js, whose helpers (h, t, api, state, loadItems, render, toast) it uses. */
'use strict';

addWords({
  icsImport: ['Kalender importieren (.ics)',
              'Import a calendar (.ics)'],
  icsHint: ['Termine aus Outlook, Nextcloud, Google oder dem Stadtkalender übernehmen. Sie kommen als Änderungen in den Entwurf; erneutes Importieren aktualisiert sie, ohne doppelte Einträge.',
            'Take over events from Outlook, Nextcloud, Google or the city calendar. They arrive as changes in the draft; importing again updates them without duplicates.'],
  icsTag: ['Schlagwort für alle (optional)',
           'Tag for all of them (optional)'],
  icsResult: ['{0}: {1} neu, {2} geändert, {3} entfernt, {4} unverändert.',
              '{0}: {1} new, {2} changed, {3} removed, {4} unchanged.'],
  icsKept: ['Von Hand geändert und deshalb nicht überschrieben:',
            'Changed by hand and therefore not overwritten:'],
  icsFailed: ['Der Kalender wurde nicht importiert:',
              'The calendar was not imported:'],
  icsSubs: ['Abonnierte Kalender',
            'Subscribed calendars'],
  icsSubsHint: ['Diese Kalender holt das Studio regelmäßig selbst ab.',
                'The studio fetches these calendars regularly by itself.'],
  icsSubName: ['Name',
               'Name'],
  icsSubUrl: ['Adresse des Kalenders',
              'Address of the calendar'],
  icsSubEvery: ['alle … Minuten',
                'every … minutes'],
  icsSubPublish: ['gleich veröffentlichen',
                  'publish at once'],
  icsSubRemoveTitle: ['Diesen Kalender abbestellen?',
                      'Unsubscribe from this calendar?'],
  icsSubRemoveText: ['Das Studio holt ihn dann nicht mehr ab. Die schon übernommenen Termine bleiben im Entwurf.',
                     'The studio then no longer fetches it. The events already imported stay in the draft.'],
  icsSubRemoveNamed: ['„{0}“ abbestellen',
                      'Unsubscribe from “{0}”'],
  icsSubAdd: ['Abonnieren',
              'Subscribe'],
  icsSubRemove: ['Abbestellen',
                 'Unsubscribe'],
  icsSubOk: ['zuletzt geholt {0}',
             'last fetched {0}'],
  icsSubError: ['Fehler (der letzte gute Stand bleibt): {0}',
                'Error (the last good import stays): {0}'],
  icsSubNever: ['noch nicht geholt',
                'not fetched yet'],
  icsSubPoll: ['alle {0}',
               'every {0}'],
  icsSubDirect: ['veröffentlicht direkt',
                 'publishes directly'],
  icsFile: ['Aus einer Datei:',
            'From a file:'],
  icsUrl: ['Oder einmal von einer Adresse holen:',
           'Or fetch once from an address:'],
  icsUrlPlaceholder: ['https://…/kalender.ics',
                      'https://…/calendar.ics'],
  icsUrlImport: ['Von der Adresse importieren',
                 'Import from the address'],
  icsFetching: ['Der Kalender wird geholt …',
                'Fetching the calendar …'],
  icsLine: ['Zeile {0}',
            'line {0}'],
  icsSummary: ['{0} Termine übernommen, {1} von Hand geändert und deshalb nicht überschrieben.',
               '{0} events taken over, {1} changed by hand and therefore not overwritten.'],
  icsCategories: ['Nur diese Kategorien (mit Komma getrennt, optional)',
                  'Only these categories (separated by commas, optional)'],
  icsMatches: ['Nur Termine mit diesem Text in Titel, Ort oder Veranstalter (mit Komma getrennt, optional)',
               'Only events with this text in title, place or organiser (separated by commas, optional)'],
  icsFilterHint: ['Schlagwort und Auswahl gelten für Datei, Adresse und Abonnement. Mit beiden Feldern wird übernommen, was eines von beiden trifft.',
                  'Tag and selection apply to the file, the address and the subscription. With both fields, whatever either one takes is imported.'],
  icsFiltered: ['{0} Termine im Zeitraum passten nicht zur Auswahl.',
                '{0} events in the period did not match the selection.'],
  icsSkipped: ['{0} fehlerhafte Einträge wurden weggelassen (siehe unten); alle anderen sind übernommen.',
               '{0} faulty entries were left out (see below); all others are imported.'],
  icsLeftOut: ['Nicht vollständig: {0} spätere Termine wurden weggelassen (siehe unten).',
               'Not complete: {0} later events were left out (see below).'],
  icsWarnings: ['Hinweise zum Kalender:',
                'Notes on the calendar:'],
  icsSubFilter: ['nur {0}',
                 'only {0}'],
  icsDetail: ['Technische Angabe (für die IT): {0}',
              'Technical detail (for IT): {0}'],
});

/* A problem of the calendar or a note of the import, in the page's language. */
function icsProblem(p) {
  return (p.line ? t('icsLine', p.line) + ': ' : '') + plain(p);
}
function icsNote(n) {
  return typeof n === 'string' ? n : msgText(n, state.ui, uiName);
}
/* The technical text behind a message, in a smaller line under it (nothing where none). */
function icsDetail(o, id) {
  const d = msgDetail(o);
  return d ? h('span', {class: 'tech-detail', id: id || null}, t('icsDetail', d)) : null;
}
async function icsRun(call) {
  state.icsReport = {busy: true};
  render();
  try {
    state.icsReport = await call();
  } catch (e) {
    state.icsReport = Object.assign({problems: []}, e.body || {}, {error: e.message, failure: e.body || null});
  }
  await loadItems();
  render();
}

/* "a, b" as a list of texts, empty ones left out. */
function icsList(text) {
  return (text || '').split(',').map((x) => x.trim()).filter((x) => x);
}
/* The selection of the form as the API takes it. */
function icsFilter() {
  const f = {};
  const c = icsList(state.icsCategories), m = icsList(state.icsMatches);
  if (c.length) f.categories = c;
  if (m.length) f.matches = m;
  return f;
}

function icsImportBox() {
  const tag = h('input', {id: 'ics-tag', value: state.icsTag || '',
    oninput: (ev) => { state.icsTag = ev.target.value; }});
  const cats = h('input', {id: 'ics-categories', value: state.icsCategories || '', size: 30,
    oninput: (ev) => { state.icsCategories = ev.target.value; }});
  const matches = h('input', {id: 'ics-matches', value: state.icsMatches || '', size: 30,
    oninput: (ev) => { state.icsMatches = ev.target.value; }});
  const url = h('input', {id: 'ics-url', type: 'url', placeholder: t('icsUrlPlaceholder'), 'aria-label': t('icsUrl'), size: 44,
    value: state.icsUrl || '', oninput: (ev) => { state.icsUrl = ev.target.value; }});
  const report = state.icsReport;
  let result = null;
  if (report && report.busy) {
    result = h('div', {class: 'box info', id: 'ics-busy'}, t('icsFetching'));
  } else if (report && report.error) {
    const problems = (report.problems || []).filter((p) => p.severity !== 'warning').slice(0, 10);
    result = h('div', {class: 'box error', id: 'ics-result'}, h('strong', {}, t('icsFailed')),
      problems.length ? h('ul', {}, problems.map((p) => h('li', {}, icsProblem(p), icsDetail(p))))
        : [h('p', {id: 'ics-error'}, report.error), icsDetail(report.failure, 'ics-detail')]);
  } else if (report) {
    const kept = report.kept_edited || 0;
    result = h('div', {class: 'box ' + (report.notes.length || (report.warnings || []).length ? 'warn' : 'info'), id: 'ics-result'},
      h('p', {}, t('icsResult', report.source, report.added, report.updated, report.removed, report.unchanged)),
      h('p', {}, t('icsSummary', report.events, kept)),
      report.filtered ? h('p', {}, t('icsFiltered', report.filtered)) : null,
      report.skipped ? h('p', {}, t('icsSkipped', report.skipped)) : null,
      report.left_out ? h('p', {class: 'bad-text', id: 'ics-left-out'}, h('strong', {}, t('icsLeftOut', report.left_out))) : null,
      (report.warnings || []).length ? [h('p', {}, t('icsWarnings')), h('ul', {id: 'ics-warnings'}, report.warnings.map((p) => h('li', {}, icsProblem(p))))] : null,
      report.notes.length ? [h('p', {}, t('icsKept')), h('ul', {}, report.notes.map((n) => h('li', {class: n.msgid && n.msgid.startsWith('    ') ? 'sub' : null}, icsNote(n))))] : null);
  }
  const file = fileInput({id: 'ics-file', accept: '.ics,text/calendar'});
  return h('details', {class: 'ics-import', open: report ? true : null},
    h('summary', {}, t('icsImport')),
    h('p', {class: 'muted'}, t('icsHint')),
    h('div', {class: 'ics-row'}, h('label', {class: 'stack'}, t('icsTag'), tag),
      h('label', {class: 'stack'}, t('icsCategories'), cats), h('label', {class: 'stack'}, t('icsMatches'), matches)),
    h('p', {class: 'muted'}, t('icsFilterHint')),
    h('div', {class: 'ics-row'}, h('span', {class: 'row-label'}, t('icsFile')), file.box,
      h('button', {type: 'button', class: 'primary', id: 'ics-upload', onclick: async () => {
        const f = file.input.files[0];
        if (!f) return;
        const sel = icsFilter();
        const q = '?name=' + encodeURIComponent(f.name) + (tag.value.trim() ? '&tag=' + encodeURIComponent(tag.value.trim()) : '') +
          (sel.categories ? '&category=' + encodeURIComponent(sel.categories.join(',')) : '') +
          (sel.matches ? '&match=' + encodeURIComponent(sel.matches.join(',')) : '');
        const raw = await f.arrayBuffer();
        await icsRun(() => api('POST', '/api/import/ics' + q, undefined, {raw}));
      }}, t('icsImport'))),
    h('div', {class: 'ics-row'}, h('label', {for: 'ics-url'}, t('icsUrl')), url,
      h('button', {type: 'button', class: 'primary', id: 'ics-url-import', onclick: async () => {
        const u = url.value.trim();
        if (!u) { url.focus(); return; }
        const body = Object.assign({url: u, allow_http: u.startsWith('http://')}, icsFilter());
        if (tag.value.trim()) body.tag = tag.value.trim();
        await icsRun(() => api('POST', '/api/import/ics-url', body));
      }}, t('icsUrlImport'))),
    result, icsSubscriptions());
}

function icsSubscriptions() {
  const box = h('div', {class: 'ics-subs', id: 'ics-subs'}, h('h2', {}, t('icsSubs')), h('p', {class: 'muted'}, t('icsSubsHint')));
  api('GET', '/api/import/subscriptions').then((out) => {
    const list = h('ul', {class: 'subs'});
    for (const sub of out.subscriptions) {
      const status = sub.last_error ? h('span', {class: 'bad-text', title: sub.last_error}, t('icsSubError',
        sub.last_error_msg ? (sub.last_error_msg.line ? icsProblem(sub.last_error_msg) : icsNote(sub.last_error_msg)) : sub.last_error),
        sub.last_error_msg ? icsDetail(sub.last_error_msg) : null)
        : sub.last_success ? h('span', {}, t('icsSubOk', fmtStamp(sub.last_success))) : h('span', {class: 'muted'}, t('icsSubNever'));
      list.appendChild(h('li', {'data-sub': sub.name}, h('strong', {}, sub.name), ' · ', h('span', {class: 'url'}, sub.url), ' · ',
        t('icsSubPoll', fleetDuration(sub.interval_seconds)), sub.publish ? ' · ' + t('icsSubDirect') : '',
        (sub.categories || sub.matches) ? ' · ' + t('icsSubFilter', (sub.categories || []).concat(sub.matches || []).join(', ')) : '', h('br'), status,
        sub.last_report && sub.last_report.left_out ? [' ', h('span', {class: 'bad-text'}, t('icsLeftOut', sub.last_report.left_out))] : null,
        sub.last_report && sub.last_report.skipped ? [' ', h('span', {}, t('icsSkipped', sub.last_report.skipped))] : null, ' ',
        h('button', {type: 'button', class: 'link', 'aria-label': t('icsSubRemoveNamed', sub.name), onclick: async () => {
          if (!await askDialog({id: 'unsubscribe-dialog', title: t('icsSubRemoveTitle'), danger: true, action: t('icsSubRemove'),
            body: [h('div', {class: 'doomed'}, h('strong', {}, sub.name), h('span', {class: 'muted'}, sub.url)), h('p', {}, t('icsSubRemoveText'))]})) return;
          try { await api('DELETE', '/api/import/subscriptions/' + encodeURIComponent(sub.name)); render(); } catch (e) { toast(t('failed', e.message), 'error'); }
        }}, t('icsSubRemove'))));
    }
    box.appendChild(list);
  }).catch(() => {});
  const name = h('input', {id: 'sub-name', size: 12});
  const url = h('input', {id: 'sub-url', type: 'url', placeholder: 'https://…/kalender.ics', size: 40});
  const every = h('input', {id: 'sub-every', type: 'number', min: 1, value: 60, 'aria-label': t('icsSubEvery'), class: 'num-input'});
  const publish = h('input', {id: 'sub-publish', type: 'checkbox'});
  box.appendChild(h('div', {class: 'ics-row subscribe'}, h('label', {class: 'stack'}, t('icsSubName'), name),
    h('label', {class: 'stack'}, t('icsSubUrl'), url), h('label', {}, t('icsSubEvery').split('…')[0], every, t('icsSubEvery').split('…')[1]),
    isPublisher() ? h('label', {}, publish, ' ', t('icsSubPublish')) : null,
    h('button', {type: 'button', id: 'sub-add', onclick: async () => {
      try {
        const body = Object.assign({name: name.value.trim(), url: url.value.trim(), interval_seconds: Math.max(1, +every.value) * 60, publish: publish.checked}, icsFilter());
        if ((state.icsTag || '').trim()) body.tag = state.icsTag.trim();
        await api('POST', '/api/import/subscriptions', body);
        render();
      } catch (e) { toast(t('failed', e.message), 'error'); }
    }}, t('icsSubAdd'))));
  return box;
}
