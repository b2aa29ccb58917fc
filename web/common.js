// Shared by the demo's pages: loading the npm package, the UI language (Indonesian by
// default, English on request) and small display helpers. Every rule comes from the package.
import { init, setLanguage } from './kotacerdas/web.js';
import { init as initClient, Client } from './kotacerdas/client/web.js';

// Each UI text as [Indonesian, English].
const TEXT = {
  online: ['daring', 'online'],
  offline: ['luring (tanpa sinyal)', 'offline (no signal)'],
  lang: ['English', 'Bahasa Indonesia'],
  citizen: ['Warga', 'Citizen'],
  officer: ['Petugas', 'Officer'],
  nik_title: ['Cek NIK', 'Check a NIK'],
  nik_hint: ['Diperiksa di peramban; NIK tidak dikirim ke server.', 'Checked in the browser; the NIK is not sent to the server.'],
  check: ['Periksa', 'Check'],
  masked: ['NIK (disamarkan)', 'NIK (masked)'],
  province: ['Provinsi', 'Province'],
  regency: ['Kabupaten/kota', 'Regency/city'],
  district: ['Kecamatan', 'District (kecamatan)'],
  birth_date: ['Tanggal lahir', 'Birth date'],
  sex: ['Jenis kelamin', 'Sex'],
  male: ['laki-laki', 'male'],
  female: ['perempuan', 'female'],
  warnings: ['Peringatan', 'Warnings'],
  tax_title: ['Hitung pajak daerah', 'Compute a local tax'],
  tax_kind: ['Jenis pajak', 'Tax'],
  compute: ['Hitung', 'Compute'],
  amount: ['Pajak terutang', 'Tax due'],
  step: ['Langkah', 'Step'],
  formula: ['Rumus', 'Formula'],
  result: ['Hasil', 'Result'],
  legal: ['Dasar hukum', 'Legal basis'],
  placeholder: ['nilai sementara (belum diverifikasi)', 'placeholder value (not verified)'],
  tax_year: ['Tahun pajak', 'Tax year'],
  land_njop: ['NJOP bumi (Rp)', 'Land NJOP (Rp)'],
  building_njop: ['NJOP bangunan (Rp)', 'Building NJOP (Rp)'],
  acquisition_date: ['Tanggal perolehan', 'Acquisition date'],
  acquisition: ['Jenis perolehan', 'Kind of acquisition'],
  acquisition_value: ['Nilai perolehan (Rp)', 'Acquisition value (Rp)'],
  njop: ['NJOP (Rp)', 'NJOP (Rp)'],
  first_acquisition: ['Perolehan pertama di kabupaten ini', 'First acquisition in this regency'],
  date: ['Tanggal transaksi', 'Transaction date'],
  sub_type: ['Jenis PBJT', 'PBJT kind'],
  price: ['Harga (Rp)', 'Price (Rp)'],
  report_title: ['Lapor pengaduan', 'File a complaint'],
  title: ['Judul', 'Title'],
  description: ['Uraian', 'Description'],
  suggest: ['Kategori yang disarankan (dari teks Anda)', 'Suggested categories (from your text)'],
  no_suggestion: ['Tulis judul/uraian untuk saran kategori.', 'Write a title/description to get category suggestions.'],
  location: ['Lokasi', 'Location'],
  map_hint: ['Klik peta untuk memperbesar, lalu klik lagi untuk menandai titik di dalam garis batas Kabupaten Sampang.', 'Click the map to zoom in, then click again to mark a point inside the outline of Kabupaten Sampang.'],
  zoom_out: ['Perkecil', 'Zoom out'],
  map_source: ['Garis batas kabupaten: cahyadsn/wilayah_boundaries (disederhanakan).', 'Regency outline: cahyadsn/wilayah_boundaries (generalised).'],
  schematic: ['Skema kecamatan: hanya daftar yang bisa diklik, BUKAN batas atau letak sebenarnya.', 'District schematic: a clickable list only, NOT real boundaries or positions.'],
  village: ['Desa/kelurahan', 'Village (desa/kelurahan)'],
  choose_district: ['Pilih kecamatan pada skema dahulu', 'Pick a district in the schematic first'],
  none: ['(tidak ada)', '(none)'],
  landmark: ['Patokan', 'Landmark'],
  phone: ['Nomor HP', 'Mobile number'],
  name: ['Nama', 'Name'],
  nik_optional: ['NIK (opsional)', 'NIK (optional)'],
  photos: ['Foto (maks. 3)', 'Photos (max. 3)'],
  anonymous: ['Anonim (identitas disembunyikan dari OPD)', 'Anonymous (identity hidden from the agency)'],
  confidential: ['Rahasia (tidak tampil di daftar publik)', 'Confidential (not in the public list)'],
  submit: ['Kirim laporan', 'Send report'],
  invalid: ['Periksa isian berikut:', 'Please check:'],
  saved: ['Tersimpan di perangkat; dikirim saat ada sinyal.', 'Saved on this device; sent when there is signal.'],
  outbox_title: ['Laporan saya (outbox)', 'My reports (outbox)'],
  outbox_empty: ['Belum ada laporan.', 'No reports yet.'],
  track: ['Lacak', 'Track'],
  pending: ['menunggu sinyal', 'waiting for signal'],
  sending: ['mengirim', 'sending'],
  sent: ['terkirim', 'sent'],
  rejected: ['ditolak', 'rejected'],
  track_title: ['Lacak laporan', 'Track a report'],
  tracking_code: ['Kode lacak', 'Tracking code'],
  state: ['Status', 'Status'],
  agency: ['OPD penanggung jawab', 'Responsible agency'],
  sla: ['SLA', 'SLA'],
  deadline: ['Tenggat', 'Deadline'],
  due: ['Batas waktu', 'Due'],
  outcome: ['Hasil', 'Outcome'],
  history: ['Riwayat', 'History'],
  on_time: ['tepat waktu', 'on time'],
  due_soon: ['segera jatuh tempo', 'due soon'],
  overdue: ['terlambat', 'overdue'],
  paused: ['ditunda', 'paused'],
  not_running: ['tidak berjalan', 'not running'],
  verify_dl: ['verifikasi', 'verification'],
  follow_up_dl: ['tindak lanjut', 'follow-up'],
  auto_close_dl: ['tutup otomatis', 'automatic close'],
  resolution_dl: ['penyelesaian', 'resolution'],
  pending_o: ['berjalan', 'running'],
  overdue_o: ['terlambat', 'overdue'],
  met: ['terpenuhi', 'met'],
  missed: ['terlewat', 'missed'],
  token: ['Token petugas', 'Officer token'],
  login: ['Masuk', 'Sign in'],
  queue: ['Antrean per OPD', 'Queue by agency (OPD)'],
  refresh: ['Muat ulang', 'Reload'],
  open: ['Buka', 'Open'],
  category: ['Kategori', 'Category'],
  no_reports: ['Antrean kosong.', 'The queue is empty.'],
  role: ['Peran', 'Role'],
  actions: ['Tindakan', 'Actions'],
  note: ['Catatan (wajib untuk tindak lanjut, tolak, minta data)', 'Note (required for follow-up, reject, request info)'],
  verify: ['Verifikasi', 'Verify'],
  request_info: ['Minta data', 'Request info'],
  reject: ['Tolak', 'Reject'],
  assign: ['Disposisikan / alihkan ke', 'Assign / re-route to'],
  follow_up: ['Tindak lanjut', 'Follow up'],
  not_authority: ['Bukan wewenang', 'Not our authority'],
  archive: ['Tutup (arsipkan)', 'Close (archive)'],
  contact: ['Kontak', 'Contact'],
  done: ['Berhasil', 'Done'],
  report: ['Laporan', 'Report'],
  confidential_short: ['rahasia', 'confidential'],
  photo_count: ['Foto', 'Photos'],
};

let lang = localStorage.getItem('kotacerdas-lang') === 'en' ? 'en' : 'id';
const listeners = [];

/** The UI text for `key` in the current language. */
export const t = (key) => TEXT[key]?.[lang === 'en' ? 1 : 0] ?? key;
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
