// Example for bundlers (Vite): `npm install kotacerdas`, then `npx vite` in this folder.
// The package's exports map gives Vite the browser entry, and Vite ships the .wasm as an asset.
import { init, parseNik, KotaCerdasError } from 'kotacerdas';

await init(); // fetches and compiles the .wasm once

const input = document.querySelector('#nik');
const output = document.querySelector('#result');

input.addEventListener('input', () => {
  try {
    const nik = parseNik(input.value);
    // Only the masked form is shown: a NIK is personal data (UU 27/2022).
    output.dataset.code = 'OK';
    output.textContent = `${nik.masked}: ${nik.district?.name ?? 'NIT'}, lahir ${nik.birthDate}`;
  } catch (error) {
    if (!(error instanceof KotaCerdasError)) throw error;
    output.dataset.code = error.code; // stable, e.g. NIK_INVALID_SERIAL
    output.textContent = error.message; // Indonesian; setLanguage('en') for English
  }
});
document.body.dataset.ready = 'true';
