/* litfass studio: the fleet page (docs/studio-api.md, "Fleet"): every screen that reports,
 * what it shows, whether it is marked, its latest screenshot and its slides shown this week.
 * Loaded after app.js, whose helpers (h, t, api, state, fmtStamp) it uses. */
'use strict';

Object.assign(WORDS.de, {
  fleet: 'Bildschirme', fleetHint: 'Jeder Bildschirm meldet sich regelmäßig. Rot markiert: meldet sich nicht mehr oder zeigt noch eine alte Version.',
  fleetNone: 'Noch keine Bildschirme. Die IT richtet sie am Studio-Rechner ein:',
  fleetPublished: 'Veröffentlicht: Version {0} ({1})', fleetNothingPublished: 'Noch nichts veröffentlicht.',
  fleetOk: 'in Ordnung', fleetSilent: 'meldet sich nicht', fleetStale: 'alte Version', fleetNever: 'hat sich noch nie gemeldet',
  fleetLastSeen: 'Zuletzt gemeldet', fleetShows: 'Zeigt', fleetVersion: 'Version auf dem Schirm', fleetDisplay: 'Bildschirm',
  fleetOn: 'an', fleetOff: 'aus (Ruhezeit)', fleetAge: 'Inhalt installiert', fleetSyncError: 'Letzter Fehler beim Abholen',
  fleetSoftware: 'litfass-Version', fleetPlayed: 'Gezeigte Folien (7 Tage)', fleetItem: 'Eintrag', fleetCount: 'Anzahl',
  fleetNoShot: 'noch kein Bildschirmfoto', fleetShotAt: 'Bildschirmfoto von {0}', fleetSlide: 'Folie {0} von {1}',
  fleetAgenda: 'Terminübersicht', fleetNoPlays: 'noch keine', fleetSample: 'Beispielinhalt', fleetAgo: 'vor {0}',
  fleetUnsigned: 'ohne Signatur', fleetShouldBe: 'veröffentlicht ist {0}', fleetNone2: 'keiner', fleetMin: '{0} Min.', fleetSec: '{0} s', fleetH: '{0} Std.', fleetD: '{0} Tg.',
});
Object.assign(WORDS.en, {
  fleet: 'Screens', fleetHint: 'Every screen reports regularly. Marked red: it stopped reporting or still shows an old version.',
  fleetNone: 'No screens yet. IT sets them up on the studio’s computer:',
  fleetPublished: 'Published: version {0} ({1})', fleetNothingPublished: 'Nothing published yet.',
  fleetOk: 'fine', fleetSilent: 'not reporting', fleetStale: 'old version', fleetNever: 'has never reported',
  fleetLastSeen: 'Last report', fleetShows: 'Shows', fleetVersion: 'Version on screen', fleetDisplay: 'Display',
  fleetOn: 'on', fleetOff: 'off (closed hours)', fleetAge: 'Content installed', fleetSyncError: 'Last download error',
  fleetSoftware: 'litfass version', fleetPlayed: 'Slides shown (7 days)', fleetItem: 'Entry', fleetCount: 'Count',
  fleetNoShot: 'no screenshot yet', fleetShotAt: 'Screenshot of {0}', fleetSlide: 'slide {0} of {1}',
  fleetAgenda: 'agenda', fleetNoPlays: 'none yet', fleetSample: 'sample content', fleetAgo: '{0} ago',
  fleetUnsigned: 'unsigned', fleetShouldBe: 'published is {0}', fleetNone2: 'none', fleetMin: '{0} min', fleetSec: '{0} s', fleetH: '{0} h', fleetD: '{0} d',
});

function fleetDuration(s) {
  if (s < 60) return t('fleetSec', s);
  if (s < 3600) return t('fleetMin', Math.round(s / 60));
  if (s < 172800) return t('fleetH', Math.round(s / 3600));
  return t('fleetD', Math.round(s / 86400));
}

/* A kiosk's sync error (libcurl's English, "URL: problem") in the page's words; the
 * technical text stays where no wording is known. */
function syncErrorText(e) {
  const en = state.ui === 'en';
  const m = /^(\S+): (.*)$/.exec(e);
  const where = m ? m[1] : '', what = m ? m[2] : e;
  const rules = [
    [/^HTTP (\d{3})/, (x) => en ? 'the server answered ' + x[1] : 'der Server antwortete ' + x[1]],
    [/resolve host/i, () => en ? 'address not found (DNS)' : 'Adresse nicht gefunden (DNS)'],
    [/Failed to connect|Couldn't connect|Connection refused/i, () => en ? 'no connection to the server' : 'keine Verbindung zum Server'],
    [/timed out|timeout/i, () => en ? 'the server took too long' : 'der Server antwortet zu langsam'],
    [/certificate|SSL|TLS/i, () => en ? 'the server\'s certificate is not trusted' : 'dem Zertifikat des Servers wird nicht vertraut'],
    [/signature/i, () => en ? 'the signature does not match: not installed' : 'die Signatur passt nicht: nicht installiert'],
  ];
  for (const [re, say] of rules) {
    const x = re.exec(what);
    if (x) return (where ? where + ': ' : '') + say(x);
  }
  return e;
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
  for (const s of out.screens) {
    const hb = s.heartbeat || {};
    const marks = [];
    if (s.silent) marks.push(h('span', {class: 'mark bad'}, s.last_seen ? t('fleetSilent') : t('fleetNever')));
    if (s.stale) marks.push(h('span', {class: 'mark bad'}, t('fleetStale')));
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
      [t('fleetSyncError'), hb.sync_error ? syncErrorText(hb.sync_error) : t('fleetNone2')],
      [t('fleetSoftware'), hb.version || '–'],
    ];
    const played = Object.entries(s.played_week || {}).sort((a, b) => b[1] - a[1]);
    list.appendChild(h('section', {class: 'screen' + (s.silent || s.stale ? ' marked' : ''), 'data-screen': s.name},
      h('h2', {}, s.name, ' ', marks),
      h('div', {class: 'screen-body'},
        h('div', {class: 'shot'}, shot),
        h('dl', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {class: k === t('fleetSyncError') && hb.sync_error ? 'bad-text' : null}, v)]).flat())),
      h('details', {class: 'played', open: true},
        h('summary', {}, t('fleetPlayed')),
        played.length ? h('table', {class: 'audit'},
          h('thead', {}, h('tr', {}, h('th', {}, t('fleetItem')), h('th', {}, t('fleetCount')))),
          h('tbody', {}, played.map(([id, n]) => h('tr', {}, h('td', {}, fleetItemTitle(id)), h('td', {class: 'num'}, String(n))))))
          : h('p', {class: 'muted'}, t('fleetNoPlays')))));
  }
  main.appendChild(list);
  fleetTimer = setTimeout(() => { if (state.view === 'fleet' && !state.editing && state.session) render(); }, 30000);
}
