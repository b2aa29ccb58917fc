// Shared by the demo's pages: loading the npm package, the UI language (Indonesian by
// default, English on request) and small display helpers. Every rule comes from the package.
import { init, setLanguage } from './kotacerdas/web.js';
import { init as initClient, Client } from './kotacerdas/client/web.js';

const TEXT = {
  id: {
    online: 'daring', offline: 'luring (tanpa sinyal)', lang: 'English',
    citizen: 'Warga', officer: 'Petugas',
    nik_title: 'Cek NIK', nik_hint: 'Diperiksa di peramban; NIK tidak dikirim ke server.', check: 'Periksa',
    masked: 'NIK (disamarkan)', province: 'Provinsi', regency: 'Kabupaten/kota', district: 'Kecamatan',
    birth_date: 'Tanggal lahir', sex: 'Jenis kelamin', male: 'laki-laki', female: 'perempuan', warnings: 'Peringatan',
    tax_title: 'Hitung pajak daerah', tax_kind: 'Jenis pajak', compute: 'Hitung', amount: 'Pajak terutang',
    step: 'Langkah', formula: 'Rumus', result: 'Hasil', legal: 'Dasar hukum', placeholder: 'nilai sementara (belum diverifikasi)',
    tax_year: 'Tahun pajak', land_njop: 'NJOP bumi (Rp)', building_njop: 'NJOP bangunan (Rp)',
    acquisition_date: 'Tanggal perolehan', acquisition: 'Jenis perolehan', acquisition_value: 'Nilai perolehan (Rp)',
    njop: 'NJOP (Rp)', first_acquisition: 'Perolehan pertama di kabupaten ini', date: 'Tanggal transaksi',
    sub_type: 'Jenis PBJT', price: 'Harga (Rp)',
    report_title: 'Lapor pengaduan', title: 'Judul', description: 'Uraian', suggest: 'Kategori yang disarankan (dari teks Anda)',
    no_suggestion: 'Tulis judul/uraian untuk saran kategori.',
    location: 'Lokasi', map_hint: 'Klik peta untuk memperbesar, lalu klik lagi untuk menandai titik di dalam garis batas Kabupaten Sampang.', zoom_out: 'Perkecil',
    map_source: 'Garis batas kabupaten: cahyadsn/wilayah_boundaries (disederhanakan).',
    schematic: 'Skema kecamatan: hanya daftar yang bisa diklik, BUKAN batas atau letak sebenarnya.',
    village: 'Desa/kelurahan', choose_district: 'Pilih kecamatan pada skema dahulu', none: '(tidak ada)',
    landmark: 'Patokan', phone: 'Nomor HP', name: 'Nama', nik_optional: 'NIK (opsional)',
    photos: 'Foto (maks. 3)', anonymous: 'Anonim (identitas disembunyikan dari OPD)', confidential: 'Rahasia (tidak tampil di daftar publik)',
    submit: 'Kirim laporan', invalid: 'Periksa isian berikut:', saved: 'Tersimpan di perangkat; dikirim saat ada sinyal.',
    outbox_title: 'Laporan saya (outbox)', outbox_empty: 'Belum ada laporan.', track: 'Lacak',
    pending: 'menunggu sinyal', sending: 'mengirim', sent: 'terkirim', rejected: 'ditolak',
    track_title: 'Lacak laporan', tracking_code: 'Kode lacak', state: 'Status', agency: 'OPD penanggung jawab',
    sla: 'SLA', deadline: 'Tenggat', due: 'Batas waktu', outcome: 'Hasil', history: 'Riwayat',
    on_time: 'tepat waktu', due_soon: 'segera jatuh tempo', overdue: 'terlambat', paused: 'ditunda', not_running: 'tidak berjalan',
    verify_dl: 'verifikasi', follow_up_dl: 'tindak lanjut', auto_close_dl: 'tutup otomatis', resolution_dl: 'penyelesaian',
    pending_o: 'berjalan', overdue_o: 'terlambat', met: 'terpenuhi', missed: 'terlewat',
    token: 'Token petugas', login: 'Masuk', queue: 'Antrean per OPD', refresh: 'Muat ulang', open: 'Buka',
    category: 'Kategori', no_reports: 'Antrean kosong.', role: 'Peran',
    actions: 'Tindakan', note: 'Catatan (wajib untuk tindak lanjut, tolak, minta data)',
    verify: 'Verifikasi', request_info: 'Minta data', reject: 'Tolak', assign: 'Disposisikan / alihkan ke',
    follow_up: 'Tindak lanjut', not_authority: 'Bukan wewenang', archive: 'Tutup (arsipkan)', contact: 'Kontak',
    done: 'Berhasil', report: 'Laporan', confidential_short: 'rahasia', photo_count: 'Foto',
  },
  en: {
    online: 'online', offline: 'offline (no signal)', lang: 'Bahasa Indonesia',
    citizen: 'Citizen', officer: 'Officer',
    nik_title: 'Check a NIK', nik_hint: 'Checked in the browser; the NIK is not sent to the server.', check: 'Check',
    masked: 'NIK (masked)', province: 'Province', regency: 'Regency/city', district: 'District (kecamatan)',
    birth_date: 'Birth date', sex: 'Sex', male: 'male', female: 'female', warnings: 'Warnings',
    tax_title: 'Compute a local tax', tax_kind: 'Tax', compute: 'Compute', amount: 'Tax due',
    step: 'Step', formula: 'Formula', result: 'Result', legal: 'Legal basis', placeholder: 'placeholder value (not verified)',
    tax_year: 'Tax year', land_njop: 'Land NJOP (Rp)', building_njop: 'Building NJOP (Rp)',
    acquisition_date: 'Acquisition date', acquisition: 'Kind of acquisition', acquisition_value: 'Acquisition value (Rp)',
    njop: 'NJOP (Rp)', first_acquisition: 'First acquisition in this regency', date: 'Transaction date',
    sub_type: 'PBJT kind', price: 'Price (Rp)',
    report_title: 'File a complaint', title: 'Title', description: 'Description', suggest: 'Suggested categories (from your text)',
    no_suggestion: 'Write a title/description to get category suggestions.',
    location: 'Location', map_hint: 'Click the map to zoom in, then click again to mark a point inside the outline of Kabupaten Sampang.', zoom_out: 'Zoom out',
    map_source: 'Regency outline: cahyadsn/wilayah_boundaries (generalised).',
    schematic: 'District schematic: a clickable list only, NOT real boundaries or positions.',
    village: 'Village (desa/kelurahan)', choose_district: 'Pick a district in the schematic first', none: '(none)',
    landmark: 'Landmark', phone: 'Mobile number', name: 'Name', nik_optional: 'NIK (optional)',
    photos: 'Photos (max. 3)', anonymous: 'Anonymous (identity hidden from the agency)', confidential: 'Confidential (not in the public list)',
    submit: 'Send report', invalid: 'Please check:', saved: 'Saved on this device; sent when there is signal.',
    outbox_title: 'My reports (outbox)', outbox_empty: 'No reports yet.', track: 'Track',
    pending: 'waiting for signal', sending: 'sending', sent: 'sent', rejected: 'rejected',
    track_title: 'Track a report', tracking_code: 'Tracking code', state: 'Status', agency: 'Responsible agency',
    sla: 'SLA', deadline: 'Deadline', due: 'Due', outcome: 'Outcome', history: 'History',
    on_time: 'on time', due_soon: 'due soon', overdue: 'overdue', paused: 'paused', not_running: 'not running',
    verify_dl: 'verification', follow_up_dl: 'follow-up', auto_close_dl: 'automatic close', resolution_dl: 'resolution',
    pending_o: 'running', overdue_o: 'overdue', met: 'met', missed: 'missed',
    token: 'Officer token', login: 'Sign in', queue: 'Queue by agency (OPD)', refresh: 'Reload', open: 'Open',
    category: 'Category', no_reports: 'The queue is empty.', role: 'Role',
    actions: 'Actions', note: 'Note (required for follow-up, reject, request info)',
    verify: 'Verify', request_info: 'Request info', reject: 'Reject', assign: 'Assign / re-route to',
    follow_up: 'Follow up', not_authority: 'Not our authority', archive: 'Close (archive)', contact: 'Contact',
    done: 'Done', report: 'Report', confidential_short: 'confidential', photo_count: 'Photos',
  },
};

let lang = localStorage.getItem('kotacerdas-lang') === 'en' ? 'en' : 'id';
const listeners = [];

/** The UI text for `key` in the current language. */
export const t = (key) => TEXT[lang][key] ?? key;
export const language = () => lang;

/** Fills every `[data-t]` element and calls the page's re-render hooks. */
export function applyLanguage() {
  document.documentElement.lang = lang;
  for (const element of document.querySelectorAll('[data-t]')) element.textContent = t(element.dataset.t);
  for (const listener of listeners) listener();
}

export function onLanguageChange(listener) {
  listeners.push(listener);
}

/** Loads both WebAssembly modules, wires the language switch and the connection badge. */
export async function start() {
  await Promise.all([init(), initClient()]);
  setLanguage(lang);
  document.getElementById('lang').addEventListener('click', () => {
    lang = lang === 'id' ? 'en' : 'id';
    localStorage.setItem('kotacerdas-lang', lang);
    setLanguage(lang);
    applyLanguage();
  });
  const badge = document.getElementById('net');
  const show = () => {
    badge.className = `pill ${navigator.onLine ? 'online' : 'offline'}`;
    badge.dataset.t = navigator.onLine ? 'online' : 'offline';
    badge.textContent = t(badge.dataset.t);
  };
  addEventListener('online', show);
  addEventListener('offline', show);
  show();
  applyLanguage();
  return new Client(location.origin);
}

/** `Rp1.234.567` from an integer amount (number or decimal string): no floats involved. */
export function rupiah(amount) {
  const digits = String(amount);
  const negative = digits.startsWith('-');
  const plain = negative ? digits.slice(1) : digits;
  return `${negative ? '-' : ''}Rp${plain.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** Now in WIB (UTC+7) as ISO 8601 with offset, e.g. `2026-11-29T10:00:00+07:00`. */
export function nowWib() {
  const shifted = new Date(Date.now() + 7 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+07:00`;
}

/** `el('td', {className: 'num'}, 'text', child)`: a DOM element without innerHTML. */
export function el(tag, props = {}, ...children) {
  const element = Object.assign(document.createElement(tag), props);
  for (const child of children) if (child !== null && child !== undefined) element.append(child);
  return element;
}

/** A message for a coded error of the package (`KotaCerdasError`), in the current language. */
export function errorText(error) {
  if (error?.code) return `${error.code}: ${lang === 'en' ? error.messages?.en ?? error.message : error.messages?.id ?? error.message}`;
  return String(error);
}

/** A problem list (`[{field, problem}]`) as `<ul>` in the current language. */
export function problemList(problems) {
  return el('ul', { className: 'problems' }, ...problems.map((p) =>
    el('li', {}, `${p.field || '—'}: ${lang === 'en' ? p.problem.message_en : p.problem.message_id} (${p.problem.code})`)));
}

/** An SLA status as a coloured pill. */
export function slaPill(status) {
  return el('span', { className: `pill ${status ?? 'not_running'}`, textContent: t(status ?? 'not_running') });
}

/** A state label (`{label_id, label_en}`) in the current language. */
export const stateLabel = (state) => (lang === 'en' ? state.label_en : state.label_id);
