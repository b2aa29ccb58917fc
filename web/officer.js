// The officer page: the work queue by OPD with SLA colours, a report's details, and the
// lifecycle actions. Which actions are offered is the core's state machine
// (`complaint.transition` in the package); the server enforces the same machine.
import { call } from './kotacerdas/web.js';
import { start, t, onLanguageChange, el, errorText, slaPill, stateLabel } from './common.js';

const $ = (id) => document.getElementById(id);
const client = await start();
let officer = null;
let role = null;
let current = null;
let opds = [];

// The server acts for an admin token as the verifier desk (server/src/auth.rs).
const ACTORS = { admin: ['verifier'], verifier: ['verifier'], opd_officer: ['opd_officer'] };

async function login() {
  const token = $('token').value.trim();
  $('me').replaceChildren();
  try {
    officer = client.withToken(token);
    const me = await officer.officerMe();
    role = me.role;
    sessionStorage.setItem('kotacerdas-token', token);
    $('me').append(el('span', { className: 'pill', id: 'role' }, `${t('role')}: ${me.role}${me.opd ? ` (${me.opd})` : ''}`));
    const rules = await client.rules();
    if (rules.status === 'current') opds = rules.pack.opds.opds;
    $('opd').replaceChildren(...opds.map((o) => el('option', { value: o.code, textContent: `${o.short_name ?? o.code} — ${o.name}` })));
    await loadQueue();
  } catch (error) {
    officer = null;
    $('me').append(el('span', { className: 'error' }, errorText(error)));
  }
}

async function loadQueue() {
  if (!officer) return;
  const box = $('queue');
  try {
    const items = await officer.officerQueue();
    const groups = new Map();
    for (const item of items) {
      const key = item.agency.code;
      if (!groups.has(key)) groups.set(key, { agency: item.agency, items: [] });
      groups.get(key).items.push(item);
    }
    box.replaceChildren();
    if (!items.length) box.append(el('p', { className: 'hint' }, t('no_reports')));
    for (const { agency, items: list } of [...groups.values()].sort((a, b) => a.agency.code.localeCompare(b.agency.code))) {
      const rows = list.map((item) => {
        const open = el('button', { className: 'secondary', textContent: t('open') });
        open.addEventListener('click', () => openReport(item.id));
        const row = el('tr', { className: 'queue-row' },
          el('td', {}, item.title, item.confidential ? el('div', { className: 'hint' }, t('confidential_short')) : null),
          el('td', {}, item.category), el('td', {}, stateLabel(item.state)), el('td', {}, slaPill(item.sla_status)), el('td', {}, open));
        row.dataset.id = item.id;
        row.dataset.sla = item.sla_status ?? 'not_running';
        return row;
      });
      box.append(el('div', { className: 'opd-group' },
        el('h3', {}, `${agency.code}${agency.name ? ` — ${agency.name}` : ''}`),
        el('table', {}, el('tr', {}, ...['title', 'category', 'state', 'sla', ''].map((k) => el('th', {}, k ? t(k) : ''))), ...rows)));
    }
  } catch (error) {
    box.replaceChildren(el('p', { className: 'error' }, errorText(error)));
  }
}

/** The event a button sends (assign carries the chosen OPD). */
function eventFor(type) {
  return type === 'assign' ? { type, opd: $('opd').value } : { type };
}

/** Whether the core's state machine allows `type` from `state` for this token's role. */
function allowed(state, type) {
  return (ACTORS[role] ?? []).some((actor) => {
    try {
      call('complaint.transition', { state, actor, event: eventFor(type) });
      return true;
    } catch {
      return false;
    }
  });
}

async function openReport(id) {
  const box = $('detail');
  $('action-result').replaceChildren();
  try {
    current = await officer.officerReport(id);
  } catch (error) {
    box.replaceChildren(el('p', { className: 'error' }, errorText(error)));
    return;
  }
  renderReport();
}

function renderReport() {
  if (!current) return;
  const r = current;
  const contact = r.contact ? Object.entries(r.contact).filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`).join(', ') : '—';
  $('detail').replaceChildren(
    el('h3', { id: 'd-title' }, r.title),
    el('p', {}, r.description),
    el('table', {},
      el('tr', {}, el('th', {}, t('category')), el('td', {}, r.category)),
      el('tr', {}, el('th', {}, t('state')), el('td', { id: 'd-state' }, stateLabel(r.state))),
      el('tr', {}, el('th', {}, t('agency')), el('td', {}, r.agency.name ?? r.agency.code)),
      el('tr', {}, el('th', {}, t('sla')), el('td', {}, slaPill(r.sla_status))),
      el('tr', {}, el('th', {}, t('contact')), el('td', {}, r.anonymous ? `(${t('anonymous')})` : contact))),
    el('h3', {}, t('history')),
    el('ul', { className: 'plain' }, ...r.history.map((h) =>
      el('li', {}, el('code', {}, h.at.replace('T', ' ')), el('strong', {}, h.event.type), h.event.opd ?? '', h.note ?? ''))),
  );
  $('actions').hidden = false;
  for (const button of document.querySelectorAll('#actions [data-event]')) {
    button.disabled = !allowed(r.state.code, button.dataset.event);
  }
}

async function act(type) {
  const note = $('note').value.trim();
  const event = { ...eventFor(type), ...(note ? { note } : {}) };
  const out = $('action-result');
  out.replaceChildren();
  try {
    current = await officer.officerEvent(current.id, event);
    $('note').value = '';
    renderReport();
    out.append(el('p', { id: 'd-done' }, `${t('done')}: ${stateLabel(current.state)}`));
    await loadQueue();
  } catch (error) {
    out.append(el('p', { className: 'error' }, errorText(error)));
  }
}

for (const button of document.querySelectorAll('#actions [data-event]')) {
  button.addEventListener('click', () => act(button.dataset.event));
}
$('opd').addEventListener('change', renderReport);
$('login').addEventListener('click', login);
$('refresh').addEventListener('click', loadQueue);
onLanguageChange(() => { loadQueue(); renderReport(); });

const saved = sessionStorage.getItem('kotacerdas-token');
if (saved) {
  $('token').value = saved;
  await login();
}
document.body.dataset.ready = 'true';
