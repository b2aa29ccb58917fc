// cargo xtask bench-npm: one Node run over the same generated NIKs (synthetic: they belong to
// no known person). Not a test: it prints ns per NIK and ratios to nik-parser.
//   node bench.mjs NIKS_FILE
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { validateNik, validateNiks, parseNik } from 'kotacerdas';
import { nikParser } from 'nik-parser';
import { createRequire } from 'node:module';

// The extended build carries district data (the one the issue measured).
const nusantara = createRequire(import.meta.url)('nusantara-valid/dist/umd/nusantara-valid.extended.js');

const file = process.argv[2];
if (!file) throw new Error('usage: node bench.mjs NIKS_FILE');
const bytes = readFileSync(file);
const text = bytes.toString('utf8');
const niks = text.split('\n');
if (niks.at(-1) === '') niks.pop();
const n = niks.length;

function measure(label, run) {
  run(Math.min(n, 20_000)); // warm up the JIT
  const start = performance.now();
  const checksum = run(n);
  const ns = ((performance.now() - start) * 1e6) / n;
  return { label, ns, checksum };
}

const results = [
  measure('kotacerdas validateNiks(string) batch', () => validateNiks(text).valid),
  measure('kotacerdas validateNiks(bytes) batch', () => validateNiks(bytes).valid),
  measure('kotacerdas validateNiks(array) batch', () => validateNiks(niks).valid),
  measure('kotacerdas validateNik(nik) single call', (count) => {
    let valid = 0;
    for (let i = 0; i < count; i++) if (validateNik(niks[i]) === null) valid++;
    return valid;
  }),
  measure('kotacerdas parseNik(nik) full record', (count) => {
    let valid = 0;
    for (let i = 0; i < count; i++) {
      try {
        parseNik(niks[i]);
        valid++;
      } catch {
        // invalid NIK: a KotaCerdasError
      }
    }
    return valid;
  }),
  measure('nik-parser nikParser(nik).isValid()', (count) => {
    let valid = 0;
    let typeErrors = 0;
    for (let i = 0; i < count; i++) {
      try {
        if (nikParser(niks[i]).isValid()) valid++;
      } catch {
        typeErrors++;
      }
    }
    if (count === n) console.log(`nik-parser threw on ${typeErrors} of ${n} inputs (${((100 * typeErrors) / n).toFixed(2)}%)`);
    return valid;
  }),
  measure('nusantara-valid extended isValidNIK(nik)', (count) => {
    let valid = 0;
    for (let i = 0; i < count; i++) if (nusantara.isValidNIK(niks[i])) valid++;
    return valid;
  }),
  measure('nusantara-valid extended getDataNIK(nik)', (count) => {
    let valid = 0;
    let thrown = 0;
    for (let i = 0; i < count; i++) {
      try {
        if (nusantara.getDataNIK(niks[i])) valid++;
      } catch {
        thrown++;
      }
    }
    if (count === n) console.log(`nusantara-valid getDataNIK threw on ${thrown} of ${n} inputs (${((100 * thrown) / n).toFixed(2)}%)`);
    return valid;
  }),
];

const reference = results.find((r) => r.label.startsWith('nik-parser')).ns;
console.log(`${n} NIKs from ${file}`);
console.log('implementation'.padEnd(46), 'ns/NIK'.padStart(9), 'x nik-parser'.padStart(13), 'valid'.padStart(9));
for (const r of results) {
  console.log(r.label.padEnd(46), r.ns.toFixed(1).padStart(9), (reference / r.ns).toFixed(2).padStart(13), String(r.checksum).padStart(9));
}
