// The package in a real browser: Debian's Chromium (headless) loads page.html from a local
// static server as ES modules, validates a NIK with `kotacerdas/ids` (its own .wasm; one error
// class with the main entry), then parses a NIK, shows a coded error and computes a tax with
// `kotacerdas`. The screenshot is saved as a test artifact (KOTACERDAS_ARTIFACTS). A second page
// (client-page.html) loads `kotacerdas/client` alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPage } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const artifacts = process.env.KOTACERDAS_ARTIFACTS ?? path.join(here, 'artifacts');

test('a page validates a NIK and computes a tax with the package in headless Chromium', async () => {
  const { page, failures, wasm, close } = await openPage(here, 'page.html');
  try {
    await page.waitForSelector('body[data-done="true"]', { timeout: 20_000 });
    assert.deepEqual(failures, []);
    assert.equal(
      await page.textContent('#result'),
      '352701**********: perempuan, lahir 1990-01-05, Sreseh, Kabupaten Sampang',
    );
    assert.match(await page.textContent('#error'), /^KotaCerdasError NIK_INVALID_DAY: Tanggal lahir 81 tidak sah/);
    assert.equal(await page.textContent('#tax'), 'PBJT makanan/minuman Rp100.000: Rp10.000 (35.27-2025)');
    assert.equal(await page.textContent('#ids'), 'kotacerdas/ids: null NIK_INVALID_SERIAL true true Sreseh');
    assert.deepEqual(wasm.sort(), ['kotacerdas_bg.wasm', 'kotacerdas_ids_bg.wasm']);
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, 'browser.png'), fullPage: true });
  } finally {
    await close();
  }
});

test('kotacerdas/client in headless Chromium loads only its own module and throws the package error', async () => {
  const { page, failures, wasm, close } = await openPage(here, 'client-page.html');
  try {
    await page.waitForSelector('body[data-done="true"]', { timeout: 20_000 });
    assert.deepEqual(failures, []);
    // Before any rules module is loaded: Indonesian, the default.
    assert.equal(await page.textContent('#alone'), 'true CALL_INVALID_INPUT id true');
    // setLanguage of kotacerdas/ids applies to the client's errors.
    assert.equal(await page.textContent('#english'), 'true CALL_INVALID_INPUT en true');
    assert.deepEqual(wasm.sort(), ['kotacerdas_client_bg.wasm', 'kotacerdas_ids_bg.wasm']);
  } finally {
    await close();
  }
});
