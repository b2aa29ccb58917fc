// The peer of `kotacerdas nik check -` in `cargo xtask cli-memory`: what a web team would
// write with the npm `nik-parser` to check a file of NIKs line by line. Reads stdin, writes
// one JSON line per input (line number and validity; never the NIK) to stdout, and a summary
// line to stderr. nik-parser throws a TypeError on some inputs: counted as invalid.
import { createInterface } from 'node:readline';
import { nikParser } from 'nik-parser';

let line = 0;
let valid = 0;
let buffered = [];
const flush = () => {
  if (buffered.length > 0) {
    process.stdout.write(buffered.join(''));
    buffered = [];
  }
};
for await (const text of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  line += 1;
  let ok = false;
  try {
    ok = nikParser(text.trim()).isValid();
  } catch {
    ok = false;
  }
  if (ok) valid += 1;
  buffered.push(`{"line":${line},"valid":${ok}}\n`);
  if (buffered.length >= 4096) flush();
}
flush();
process.stderr.write(`nik-parser: ${line} lines, ${valid} valid\n`);
