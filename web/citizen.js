// The citizen page: NIK check, local taxes, filing a complaint through the offline outbox
// (IndexedDB) and tracking it. Rules come from the npm package (`call`, `regionChildren`);
// the server is reached only through `kotacerdas/client`.
import { call, regionChildren } from './kotacerdas/web.js';
import { Outbox, IndexedDbOutboxStore } from './kotacerdas/client/web.js';
import {
  start, t, language, onLanguageChange, rupiah, nowWib, el, errorText, problemList, slaPill, stateLabel,
} from './common.js';

const $ = (id) => document.getElementById(id);
const client = await start();
const outbox = new Outbox(await IndexedDbOutboxStore.open());
const today = nowWib().slice(0, 10);

// ---- NIK ------------------------------------------------------------------------------
function checkNik() {
  const out = $('nik-result');
  out.replaceChildren();
  try {
    const nik = call('nik.parse', { nik: $('nik').value, reference_date: today });
    const rows = [
      ['masked', nik.masked],
      ['province', nik.province ? `${nik.province.name} (${nik.province.code})` : '—'],
      ['regency', nik.regency ? `${nik.regency.name} (${nik.regency.code})` : '—'],
      ['district', nik.district ? `${nik.district.name} (${nik.district.code})` : '—'],
      ['birth_date', nik.birth_date],
      ['sex', t(nik.sex)],
    ];
    out.append(el('table', {}, ...rows.map(([key, value]) => el('tr', {}, el('th', {}, t(key)), el('td', {}, value)))));
    if (nik.warnings?.length) out.append(el('p', { className: 'hint' }, `${t('warnings')}: ${nik.warnings.map((w) => w.code ?? w).join(', ')}`));
  } catch (error) {
    out.append(el('p', { className: 'error' }, errorText(error)));
  }
}
$('nik-check').addEventListener('click', checkNik);

// ---- Taxes ----------------------------------------------------------------------------
const TAX_FIELDS = {
  pbb_p2: [['tax_year', 'number', '2025'], ['land_njop', 'number', '150000000'], ['building_njop', 'number', '50000000']],
  bphtb: [
    ['acquisition_date', 'date', '2025-07-01'],
    ['acquisition', ['sale', 'gift', 'inheritance', 'hibah_wasiat', 'auction', 'other'], 'sale'],
    ['acquisition_value', 'number', '500000000'], ['njop', 'number', '400000000'],
    ['first_acquisition_in_region', 'checkbox', true],
  ],
  pbjt: [
    ['date', 'date', '2025-05-01'],
    ['sub_type', ['makanan_minuman', 'jasa_perhotelan', 'jasa_parkir', 'kesenian_hiburan', 'tenaga_listrik', 'jasa_salon'], 'makanan_minuman'],
    ['price', 'number', '100000'],
  ],
};
const fieldLabel = (name) => (name === 'first_acquisition_in_region' ? t('first_acquisition') : t(name));

function taxForm() {
  const box = $('tax-fields');
  const values = Object.fromEntries([...box.querySelectorAll('[name]')].map((i) => [i.name, i.type === 'checkbox' ? i.checked : i.value]));
  box.replaceChildren();
  for (const [name, type, initial] of TAX_FIELDS[$('tax-kind').value]) {
    const id = `tax-${name}`;
    let input;
    if (Array.isArray(type)) {
      input = el('select', { id, name }, ...type.map((v) => el('option', { value: v, textContent: v })));
      input.value = values[name] ?? initial;
    } else if (type === 'checkbox') {
      input = el('input', { id, name, type, checked: values[name] ?? initial });
      box.append(el('label', { className: 'inline' }, input, fieldLabel(name)));
      continue;
    } else {
      input = el('input', { id, name, type, value: values[name] ?? initial });
    }
    box.append(el('label', { htmlFor: id, textContent: fieldLabel(name) }), input);
  }
}

function computeTax() {
  const kind = $('tax-kind').value;
  const input = {};
  for (const [name, type] of TAX_FIELDS[kind]) {
    const field = $(`tax-${name}`);
    if (type === 'checkbox') input[name] = field.checked;
    // Amounts are whole rupiah: sent as integers, never as fractions.
    else if (type === 'number') input[name] = /^\d+$/.test(field.value) ? Number(field.value) : field.value;
    else input[name] = field.value;
  }
  const out = $('tax-result');
  out.replaceChildren();
  try {
    const result = call(`tax.${kind}`, { region: '35.27', input });
    out.append(el('p', { className: 'total' }, `${t('amount')}: ${rupiah(result.exact_amount ?? result.amount)}`),
      el('p', { className: 'hint' }, `${result.rule_set}`));
    const head = el('tr', {}, ...['step', 'formula', 'result', 'legal'].map((k) => el('th', {}, t(k))));
    const rows = result.breakdown.map((step) => el('tr', {},
      el('td', {}, language() === 'en' ? step.label_en : step.label_id,
        step.confidence === 'placeholder' ? el('div', { className: 'hint' }, `⚠ ${t('placeholder')}`) : null),
      el('td', {}, el('code', {}, step.formula)),
      el('td', { className: 'num' }, /^-?\d+$/.test(step.result) ? rupiah(step.result) : step.result),
      el('td', {}, step.legal_reference ?? '')));
    out.append(el('table', { id: 'tax-breakdown' }, head, ...rows));
  } catch (error) {
    out.append(el('p', { className: 'error' }, errorText(error)));
  }
}
$('tax-kind').addEventListener('change', () => { taxForm(); $('tax-result').replaceChildren(); });
$('tax-compute').addEventListener('click', computeTax);

// ---- Map: the real regency outline (click = a point), the districts as a schematic --------
const boundary = await (await fetch('sampang_boundary.geojson')).json();
const rings = boundary.geometry.coordinates.flatMap((polygon) => polygon);
const lons = rings.flat().map((p) => p[0]);
const lats = rings.flat().map((p) => p[1]);
const box = { minLon: Math.min(...lons), maxLon: Math.max(...lons), minLat: Math.min(...lats), maxLat: Math.max(...lats) };
const cosLat = Math.cos(((box.minLat + box.maxLat) / 2) * Math.PI / 180);
const scale = Math.min(580 / ((box.maxLon - box.minLon) * cosLat), 280 / (box.maxLat - box.minLat));
const project = ([lon, lat]) => [10 + (lon - box.minLon) * cosLat * scale, 10 + (box.maxLat - lat) * scale];
const unproject = (x, y) => [box.minLon + (x - 10) / (cosLat * scale), box.maxLat - (y - 10) / scale];
const svgNs = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs) => {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
};
const map = $('map');
map.append(svg('path', {
  class: 'land',
  d: rings.map((ring) => `M${ring.map((p) => project(p).map((n) => n.toFixed(1)).join(',')).join('L')}Z`).join(''),
}));
const marker = svg('circle', { r: 6, fill: '#b3261e', stroke: '#fff', 'stroke-width': 2, visibility: 'hidden', 'vector-effect': 'non-scaling-stroke' });
map.append(marker);
// The whole outline, with its own aspect ratio (10 units of margin around it).
const FULL = `0 0 ${Math.ceil(20 + (box.maxLon - box.minLon) * cosLat * scale)} ${Math.ceil(20 + (box.maxLat - box.minLat) * scale)}`;
map.setAttribute('viewBox', FULL);
let point = null;
// The first click zooms in 4x around it (a click on the whole regency is only good to a few
// hundred metres); the next click marks the point, with the precision of one pixel.
map.addEventListener('click', (event) => {
  const matrix = map.getScreenCTM();
  const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
  if (map.getAttribute('viewBox') === FULL) {
    const [, , width, height] = FULL.split(' ').map(Number);
    map.setAttribute('viewBox', `${at.x - width / 8} ${at.y - height / 8} ${width / 4} ${height / 4}`);
    marker.setAttribute('r', 1.5);
    $('r-zoom-out').hidden = false;
    return;
  }
  const [lon, lat] = unproject(at.x, at.y);
  // One screen pixel is 1 / matrix.a map units; one map unit is 1 / scale degrees.
  const accuracy = Math.max(1, Math.ceil((111_320 / scale) / matrix.a));
  point = { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)), accuracy_m: accuracy };
  marker.setAttribute('cx', at.x);
  marker.setAttribute('cy', at.y);
  marker.setAttribute('visibility', 'visible');
  $('r-point').textContent = `(${point.lat}, ${point.lon} ±${accuracy} m)`;
});
$('r-zoom-out').addEventListener('click', () => {
  map.setAttribute('viewBox', FULL);
  marker.setAttribute('r', 6);
  $('r-zoom-out').hidden = true;
});

const districts = regionChildren('35.27');
const schematic = $('districts');
districts.forEach((district, i) => {
  const x = 4 + (i % 7) * 85;
  const y = 4 + Math.floor(i / 7) * 56;
  const rect = svg('rect', { x, y, width: 80, height: 50, rx: 5, 'data-code': district.code });
  const label = svg('text', { x: x + 40, y: y + 29, 'text-anchor': 'middle' });
  label.textContent = district.name;
  rect.addEventListener('click', () => {
    for (const r of schematic.querySelectorAll('rect')) r.classList.toggle('selected', r === rect);
    const villages = regionChildren(district.code);
    $('r-village').replaceChildren(el('option', { value: '', textContent: `${district.name}: ${t('none')}` }),
      ...villages.map((v) => el('option', { value: v.code, textContent: v.name })));
  });
  schematic.append(rect, label);
});

// ---- Category suggestions (the core's taxonomy search) ---------------------------------
function suggest() {
  const text = `${$('r-title').value} ${$('r-description').value}`.trim();
  const box = $('r-categories');
  const chosen = box.querySelector('input:checked')?.value;
  box.replaceChildren();
  if (!text) {
    box.append(el('span', { className: 'hint' }, t('no_suggestion')));
    return;
  }
  const { hits } = call('complaint.search', { text, limit: 4 });
  hits.forEach((hit, i) => {
    const radio = el('input', { type: 'radio', name: 'category', value: hit.code, checked: chosen ? chosen === hit.code : i === 0 });
    box.append(el('label', {}, radio, `${language() === 'en' ? hit.name_en : hit.name_id} (${hit.code})`));
  });
  if (!hits.length) box.append(el('span', { className: 'hint' }, t('no_suggestion')));
}
$('r-title').addEventListener('input', suggest);
$('r-description').addEventListener('input', suggest);

// ---- Photos: kept in IndexedDB with the report, uploaded once it has a tracking code ---------
const photoDb = await new Promise((resolve, reject) => {
  const request = indexedDB.open('kotacerdas-demo-photos', 1);
  request.onupgradeneeded = () => request.result.createObjectStore('photos');
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
function photoStore(mode, work) {
  return new Promise((resolve, reject) => {
    const transaction = photoDb.transaction('photos', mode);
    const request = work(transaction.objectStore('photos'));
    transaction.oncomplete = () => resolve(request?.result);
    transaction.onerror = () => reject(transaction.error);
  });
}

// ---- Filing through the outbox ---------------------------------------------------------
function randomKey() {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function buildDraft(files) {
  const reporter = {};
  for (const [field, id] of [['name', 'r-name'], ['phone', 'r-phone'], ['nik', 'r-nik']]) {
    if ($(id).value.trim()) reporter[field] = $(id).value.trim();
  }
  const draft = {
    kind: 'pengaduan',
    category: document.querySelector('#r-categories input:checked')?.value,
    title: $('r-title').value,
    description: $('r-description').value,
    attachments: files.map((f) => ({ media_type: f.type || 'application/octet-stream', size_bytes: f.size, reference: f.name })),
    reporter,
    anonymous: $('r-anonymous').checked,
    confidential: $('r-confidential').checked,
    idempotency_key: randomKey(),
    created_at: nowWib(),
  };
  if (point) draft.location = point;
  if ($('r-village').value) draft.village_code = $('r-village').value;
  if ($('r-landmark').value.trim()) draft.landmark = $('r-landmark').value.trim();
  return draft;
}

async function submit() {
  const feedback = $('r-feedback');
  feedback.replaceChildren();
  const files = [...$('r-photos').files];
  const draft = buildDraft(files);
  // The core validates in the browser first: the same rules the server applies.
  const verdict = call('complaint.validate', { now: draft.created_at, draft });
  if (!verdict.valid) {
    feedback.append(el('p', { className: 'error' }, t('invalid')), problemList(verdict.problems));
    return;
  }
  try {
    const photos = await Promise.all(files.map(async (f) => ({ type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })));
    if (photos.length) await photoStore('readwrite', (s) => s.put(photos, draft.idempotency_key));
    await outbox.add(draft);
    feedback.append(el('p', { id: 'r-saved' }, t('saved')));
    for (const id of ['r-title', 'r-description', 'r-landmark', 'r-photos']) $(id).value = '';
    suggest();
  } catch (error) {
    feedback.append(el('p', { className: 'error' }, errorText(error)));
  }
  await renderOutbox();
  await syncNow();
}
$('r-submit').addEventListener('click', submit);

async function uploadPhotos(items) {
  for (const item of items) {
    if (item.status.status !== 'sent') continue;
    const photos = await photoStore('readonly', (s) => s.get(item.key));
    if (!photos) continue;
    for (const [i, photo] of photos.entries()) {
      // A key per photo derived from the report's: a retried upload is not a second photo.
      await client.uploadAttachment(item.status.tracking_code, photo.type, photo.bytes, `${item.key.slice(0, 31)}${i}`);
    }
    await photoStore('readwrite', (s) => s.delete(item.key));
  }
}

async function syncNow() {
  if (!navigator.onLine) return;
  try {
    const result = await outbox.sync(client);
    await uploadPhotos(await outbox.items());
    if (result.stopped_by) $('r-feedback').append(el('p', { className: 'hint' }, errorText(result.stopped_by)));
  } catch (error) {
    $('r-feedback').append(el('p', { className: 'error' }, errorText(error)));
  }
  await renderOutbox();
}
addEventListener('online', syncNow);

async function renderOutbox() {
  const list = $('outbox');
  const items = await outbox.items();
  list.replaceChildren(...items.reverse().map((item) => {
    const status = item.status.status;
    const row = el('li', { className: 'outbox-item' },
      el('span', { className: `pill ${status}`, textContent: t(status) }), el('strong', {}, item.draft.title));
    row.dataset.status = status;
    if (status === 'sent') {
      const button = el('button', { className: 'secondary', textContent: t('track') });
      button.addEventListener('click', () => { $('t-code').value = item.status.tracking_code; track(); });
      row.append(el('code', { className: 'tracking-code' }, item.status.tracking_code), button);
    }
    if (status === 'rejected') row.append(problemList(item.status.problems));
    if (status === 'pending' && item.last_error) row.append(el('span', { className: 'hint' }, item.last_error));
    return row;
  }));
  if (!items.length) list.append(el('li', { className: 'hint' }, t('outbox_empty')));
}

// ---- Tracking --------------------------------------------------------------------------
async function track() {
  const out = $('t-result');
  out.replaceChildren();
  try {
    const report = await client.myReport($('t-code').value.trim());
    const sla = report.sla;
    out.append(
      el('h3', {}, report.title),
      el('table', {},
        el('tr', {}, el('th', {}, t('state')), el('td', { id: 't-state' }, stateLabel(report.state))),
        el('tr', {}, el('th', {}, t('agency')), el('td', {}, report.agency.name ?? report.agency.code)),
        el('tr', {}, el('th', {}, t('sla')), el('td', { id: 't-sla' }, slaPill(sla?.status))),
        el('tr', {}, el('th', {}, t('photo_count')), el('td', { id: 't-photos' }, String(report.attachments.length)))),
    );
    if (sla?.deadlines?.length) {
      out.append(el('table', { id: 't-deadlines' },
        el('tr', {}, ...['deadline', 'due', 'outcome'].map((k) => el('th', {}, t(k)))),
        ...sla.deadlines.map((d) => el('tr', {}, el('td', {}, t(`${d.kind}_dl`)), el('td', {}, d.due.replace('T', ' ')),
          el('td', {}, el('span', { className: `pill ${d.outcome === 'pending' ? 'on_time' : d.outcome}`, textContent: t(d.outcome === 'pending' || d.outcome === 'overdue' ? `${d.outcome}_o` : d.outcome) }))))));
    }
    out.append(el('h3', {}, t('history')), el('ul', { className: 'plain' }, ...report.history.map((h) =>
      el('li', {}, el('code', {}, h.at.replace('T', ' ')), el('strong', {}, h.event.type), h.note ?? ''))));
  } catch (error) {
    out.append(el('p', { className: 'error' }, errorText(error)));
  }
}
$('t-go').addEventListener('click', track);

onLanguageChange(() => {
  taxForm();
  suggest();
  renderOutbox();
  if ($('nik-result').childElementCount) checkNik();
  if ($('tax-result').childElementCount) computeTax();
  if ($('t-result').childElementCount) track();
});
taxForm();
suggest();
await renderOutbox();
await syncNow();
document.body.dataset.ready = 'true';
