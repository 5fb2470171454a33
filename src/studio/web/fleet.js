/* litfass studio: the fleet page (docs/studio-api.md, "Fleet"): every screen that reports,
 * what it shows, whether it is marked, its latest screenshot and its slides shown this week.
 * Loaded after app.js, whose helpers (h, t, api, state, fmtStamp) it uses. */
'use strict';

addWords({
  fleet: ['Bildschirme',
          'Screens'],
  fleetHint: ['Jeder Bildschirm meldet sich regelmäßig. Rot markiert: meldet sich nicht mehr, zeigt noch eine alte Version oder seine Uhr geht falsch.',
              'Every screen reports regularly. Marked red: it stopped reporting, still shows an old version or its clock is wrong.'],
  fleetNone: ['Noch keine Bildschirme. Die IT richtet sie am Studio-Rechner ein:',
              'No screens yet. IT sets them up on the studio’s computer:'],
  fleetPublished: ['Veröffentlicht: Version {0} ({1})',
                   'Published: version {0} ({1})'],
  fleetNothingPublished: ['Noch nichts veröffentlicht.',
                          'Nothing published yet.'],
  fleetOk: ['in Ordnung',
            'fine'],
  fleetSilent: ['meldet sich nicht',
                'not reporting'],
  fleetStale: ['alte Version',
               'old version'],
  fleetNever: ['hat sich noch nie gemeldet',
               'has never reported'],
  fleetLastSeen: ['Zuletzt gemeldet',
                  'Last report'],
  fleetShows: ['Zeigt',
               'Shows'],
  fleetVersion: ['Version auf dem Schirm',
                 'Version on screen'],
  fleetDisplay: ['Bildschirm',
                 'Display'],
  fleetOn: ['an',
            'on'],
  fleetOff: ['aus (Ruhezeit)',
             'off (closed hours)'],
  fleetAge: ['Inhalt installiert',
             'Content installed'],
  fleetSyncError: ['Letzter Fehler beim Abholen',
                   'Last download error'],
  fleetSoftware: ['litfass-Version',
                  'litfass version'],
  fleetPlayed: ['Gezeigte Folien (7 Tage)',
                'Slides shown (7 days)'],
  fleetItem: ['Eintrag',
              'Entry'],
  fleetCount: ['Anzahl',
               'Count'],
  fleetNoShot: ['noch kein Bildschirmfoto',
                'no screenshot yet'],
  fleetShotAt: ['Bildschirmfoto von {0}',
                'Screenshot of {0}'],
  fleetSlide: ['Folie {0} von {1}',
               'slide {0} of {1}'],
  fleetAgenda: ['Terminübersicht',
                'agenda'],
  fleetNoPlays: ['noch keine',
                 'none yet'],
  fleetSample: ['Beispielinhalt',
                'sample content'],
  fleetAgo: ['vor {0}',
             '{0} ago'],
  fleetUnsigned: ['ohne Signatur',
                  'unsigned'],
  fleetShouldBe: ['veröffentlicht ist {0}',
                  'published is {0}'],
  fleetNone2: ['keiner',
               'none'],
  fleetMin: ['{0} Min.',
             '{0} min'],
  fleetSec: ['{0} s',
             '{0} s'],
  fleetH: ['{0} Std.',
           '{0} h'],
  fleetErrHttp: ['der Server antwortete {0}',
                 'the server answered {0}'],
  fleetErrDns: ['Adresse nicht gefunden (DNS)',
                'address not found (DNS)'],
  fleetErrConnect: ['keine Verbindung zum Server',
                    'no connection to the server'],
  fleetErrTimeout: ['der Server antwortet zu langsam',
                    'the server took too long'],
  fleetErrCertificate: ['dem Zertifikat des Servers wird nicht vertraut',
                        'the server\'s certificate is not trusted'],
  fleetErrTls: ['keine sichere Verbindung (https) zustande gekommen',
                'no secure connection (https) came about'],
  fleetErrSignature: ['die Signatur passt nicht: nicht installiert',
                      'the signature does not match: not installed'],
  fleetD: ['{0} Tg.',
           '{0} d'],
  fleetClock: ['Uhr',
               'Clock'],
  fleetClockRight: ['richtig',
                    'right'],
  fleetClockWrong: ['Uhr falsch',
                    'clock wrong'],
  fleetClockBehind: ['Uhr falsch: {0} zurück. Der Bildschirm zeigt die Zeit des Inhalte-Servers.',
                     'Clock wrong: {0} behind. The screen shows the content server’s time.'],
  fleetClockAhead: ['Uhr falsch: {0} vor. Der Bildschirm zeigt die Zeit des Inhalte-Servers.',
                    'Clock wrong: {0} ahead. The screen shows the content server’s time.'],
  fleetClockServer: ['Uhr falsch. Der Bildschirm zeigt die Zeit des Inhalte-Servers.',
                     'Clock wrong. The screen shows the content server’s time.'],
  fleetClockNone: ['Uhr falsch: nicht gestellt. Der Bildschirm zeigt keine Uhrzeit und keine Hinweise.',
                   'Clock wrong: not set. The screen shows no time and no notices.'],
  fleetClockHint: ['Die IT sollte die Zeit (NTP) am Bildschirm prüfen.',
                   'IT should check the time (NTP) on the screen.'],
  fleetYears: ['{0} Jahre',
               '{0} years'],
  fleetYear: ['1 Jahr',
              '1 year'],
  fleetMonths: ['{0} Monate',
                '{0} months'],
  fleetMonth: ['1 Monat',
               '1 month'],
  fleetAllOk: ['Alle {0} Bildschirme in Ordnung.',
               'All {0} screens fine.'],
  fleetSomeBad: ['{0} von {1} Bildschirmen auffällig:',
                 '{0} of {1} screens need attention:'],
  fleetDays: ['{0} Tage',
              '{0} days'],
  fleetDay: ['1 Tag',
             '1 day'],
});

/* How far a kiosk's clock is off, in words: "2 Jahre", "5 Monate", "3 Tage", "4 Std.". */
function fleetClockDistance(s) {
  s = Math.abs(s);
  const year = 365.25 * 86400, month = year / 12;
  const n = (unit) => Math.round(s / unit);
  if (s >= year - month / 2) return n(year) === 1 ? t('fleetYear') : t('fleetYears', n(year));
  if (s >= 45 * 86400) return n(month) === 1 ? t('fleetMonth') : t('fleetMonths', n(month));
  if (s >= 36 * 3600) return n(86400) === 1 ? t('fleetDay') : t('fleetDays', n(86400));
  return fleetDuration(s);
}

/* A kiosk's clock as its heartbeat reports it: null while it is believed (or the kiosk is
 * older and says nothing), else the words for IT and the kiosk's own technical text. */
function fleetClockProblem(hb) {
  const source = hb.clock_source || 'system';
  if (source === 'system') return null;
  let words;
  if (source === 'none') words = t('fleetClockNone');
  else if (typeof hb.clock_offset_s === 'number' && hb.clock_offset_s > 0) words = t('fleetClockBehind', fleetClockDistance(hb.clock_offset_s));
  else if (typeof hb.clock_offset_s === 'number' && hb.clock_offset_s < 0) words = t('fleetClockAhead', fleetClockDistance(hb.clock_offset_s));
  else words = t('fleetClockServer');
  return {words: words + ' ' + t('fleetClockHint'), detail: hb.clock || ''};
}

function fleetDuration(s) {
  if (s < 60) return t('fleetSec', s);
  if (s < 3600) return t('fleetMin', Math.round(s / 60));
  if (s < 172800) return t('fleetH', Math.round(s / 3600));
  return t('fleetD', Math.round(s / 86400));
}

/* A kiosk's sync error (libcurl's English, "URL: problem") in the page's words, by the
 * kind messages.js finds (fetchProblem); the technical text stays where no wording is known. */
function syncErrorText(e) {
  const f = fetchProblem({error: e});
  const key = f.kind.startsWith('http') ? 'fleetErrHttp' : {dns: 'fleetErrDns', connect: 'fleetErrConnect',
    timeout: 'fleetErrTimeout', certificate: 'fleetErrCertificate', tls: 'fleetErrTls'}[f.kind] || (/signature/i.test(e) ? 'fleetErrSignature' : null);
  return key ? (f.where ? f.where + ': ' : '') + t(key, f.status) : e;
}

function fleetItemTitle(id) {
  const e = state.items.find((x) => x.item.id === id);
  if (id === "(agenda)") return t("fleetAgenda");
  return e ? itemTitle(e.item) : id;
}

let fleetTimer = null;

async function renderFleet(main) {
  if (fleetTimer) clearTimeout(fleetTimer);
  const out = await api('GET', '/api/fleet');
  if (state.view !== 'fleet' || state.editing) return;
  clear(main);
  main.appendChild(h('h1', {}, t('fleet')));
  main.appendChild(h('p', {class: 'muted'}, t('fleetHint')));
  main.appendChild(h('p', {id: 'fleet-published'}, out.published_serial
    ? t('fleetPublished', out.published_serial, fmtStamp(out.published_at)) : t('fleetNothingPublished')));
  if (!out.screens.length) {
    main.appendChild(h('p', {class: 'box info'}, t('fleetNone')));
    main.appendChild(h('pre', {class: 'cmd'}, 'litfass studio kiosk add NAME --data DIR'));
  }
  const list = h('div', {class: 'fleet', id: 'fleet'});
  const attention = []; // with many screens the marked ones are named at the top, each a link
  for (const s of out.screens) {
    const hb = s.heartbeat || {};
    const marks = [];
    if (s.silent) marks.push(h('span', {class: 'mark bad'}, s.last_seen ? t('fleetSilent') : t('fleetNever')));
    if (s.stale) marks.push(h('span', {class: 'mark bad'}, t('fleetStale')));
    const clockProblem = s.last_seen ? fleetClockProblem(hb) : null;
    if (clockProblem) marks.push(h('span', {class: 'mark bad'}, t('fleetClockWrong')));
    if (marks.length) attention.push(h('li', {}, h('a', {href: '#screen-' + s.name}, s.name), ': ',
      marks.map((m) => m.textContent).join(', ')));
    if (!marks.length) marks.push(h('span', {class: 'mark good'}, t('fleetOk')));
    const shot = s.screenshot_at
      ? h('img', {src: '/api/fleet/' + encodeURIComponent(s.name) + '/screenshot.png?at=' + encodeURIComponent(s.screenshot_at),
        alt: t('fleetShotAt', s.name), title: t('fleetShotAt', fmtStamp(s.screenshot_at))})
      : h('div', {class: 'noshot'}, t('fleetNoShot'));
    const serial = hb.serial === undefined ? '–' : hb.serial ? String(hb.serial) : t('fleetUnsigned');
    const behind = s.stale ? ' (' + t('fleetShouldBe', out.published_serial) + ')' : '';
    const shows = s.last_seen ? ((hb.item ? fleetItemTitle(hb.item) : t('fleetAgenda')) +
      (hb.slides ? ' · ' + t('fleetSlide', hb.slide, hb.slides) : '')) : '–';
    const rows = [
      [t('fleetLastSeen'), s.last_seen ? fmtStamp(s.last_seen) + ' (' + t('fleetAgo', fleetDuration(s.silent_for_s)) + ')' : t('fleetNever')],
      [t('fleetShows'), shows],
      [t('fleetVersion'), serial + behind],
      [t('fleetDisplay'), hb.display_on === false ? t('fleetOff') : s.last_seen ? t('fleetOn') : '–'],
      [t('fleetAge'), hb.content_age_s > 0 ? t('fleetAgo', fleetDuration(hb.content_age_s)) : s.last_seen ? t('fleetSample') : '–'],
      [t('fleetClock'), clockProblem
        ? [clockProblem.words, clockProblem.detail ? h('span', {class: 'tech-detail'}, t('techDetail', clockProblem.detail)) : null]
        : s.last_seen ? t('fleetClockRight') : '–'],
      [t('fleetSyncError'), hb.sync_error ? syncErrorText(hb.sync_error) : t('fleetNone2')],
      [t('fleetSoftware'), hb.version || '–'],
    ];
    const played = Object.entries(s.played_week || {}).sort((a, b) => b[1] - a[1]);
    list.appendChild(h('section', {class: 'screen' + (s.silent || s.stale || clockProblem ? ' marked' : ''), 'data-screen': s.name,
      id: 'screen-' + s.name},
      h('h2', {}, s.name, ' ', marks),
      h('div', {class: 'screen-body'},
        h('div', {class: 'shot'}, shot),
        h('dl', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {class: (k === t('fleetSyncError') && hb.sync_error) ||
          (k === t('fleetClock') && clockProblem) ? 'bad-text' : null, 'data-row': k === t('fleetClock') ? 'clock' : null}, v)]).flat())),
      h('details', {class: 'played', open: true},
        h('summary', {}, t('fleetPlayed')),
        played.length ? h('table', {class: 'audit'},
          h('thead', {}, h('tr', {}, h('th', {}, t('fleetItem')), h('th', {}, t('fleetCount')))),
          h('tbody', {}, played.map(([id, n]) => h('tr', {}, h('td', {}, fleetItemTitle(id)), h('td', {class: 'num'}, String(n))))))
          : h('p', {class: 'muted'}, t('fleetNoPlays')))));
  }
  if (attention.length) {
    main.appendChild(h('div', {class: 'box error', id: 'fleet-summary'}, t('fleetSomeBad', attention.length, out.screens.length),
      h('ul', {}, attention)));
  } else if (out.screens.length) {
    main.appendChild(h('p', {class: 'box info', id: 'fleet-summary'}, t('fleetAllOk', out.screens.length)));
  }
  main.appendChild(list);
  fleetTimer = setTimeout(() => { if (state.view === 'fleet' && !state.editing && state.session) render(); }, 30000);
}
