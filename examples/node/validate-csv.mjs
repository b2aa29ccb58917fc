// Example: bulk-validate the NIK column of a CSV export with the npm package `kotacerdas`.
//
//   npm install kotacerdas
//   node validate-csv.mjs registrations.csv [nik-column] [reference-date]
//
// The whole column crosses into WebAssembly once (`validateNiks`), so a million rows take about
// a second. The summary counts refusals by stable error code; refused rows are listed by line
// number with the NIK masked (a NIK is personal data, UU 27/2022: never print it whole).
import { readFileSync } from 'node:fs';
import { validateNiks } from 'kotacerdas';

const [file, column = 'nik', referenceDate] = process.argv.slice(2);
if (!file) {
  console.error('usage: node validate-csv.mjs FILE.csv [nik-column] [YYYY-MM-DD]');
  process.exit(2);
}

// A plain CSV without quoted commas, as registration exports are; use a CSV library otherwise.
const [header, ...rows] = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line !== '');
const index = header.split(',').indexOf(column);
if (index < 0) {
  console.error(`no column "${column}" in ${file}`);
  process.exit(2);
}
const niks = rows.map((row) => row.split(',')[index] ?? '');

const batch = validateNiks(niks, referenceDate ? { referenceDate } : undefined);
console.log(`${batch.total} rows: ${batch.valid} valid, ${batch.invalid} refused`);
for (const [code, count] of Object.entries(batch.errors).sort()) console.log(`  ${code}: ${count}`);
batch.error.forEach((error, i) => {
  if (error === 0) return;
  const masked = niks[i].trim().slice(0, 6).padEnd(16, '*');
  console.log(`line ${i + 2}: ${batch.errorCodes[error - 1]} (${masked})`);
});
process.exitCode = batch.invalid === 0 ? 0 : 1;
