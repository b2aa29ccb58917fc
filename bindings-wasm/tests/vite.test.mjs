// A bundler: Vite builds the example app of examples/vite/, which imports the package by name,
// once as it is and once importing `kotacerdas/ids`; Vite picks the browser entry through the
// exports map and ships that entry's .wasm as an asset; headless Chromium runs the build and a
// NIK is typed into it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { openPage } from './chromium.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// cargo xtask test-npm sets KOTACERDAS_VECTORS to <repo>/conformance/vectors.
const example = path.resolve(process.env.KOTACERDAS_VECTORS ?? '', '..', '..', 'examples', 'vite');

// The example imports `kotacerdas`; the same app is built a second time importing
// `kotacerdas/ids`, which must ship only that entry's (smaller) .wasm.
for (const [specifier, module] of [['kotacerdas', 'kotacerdas_bg'], ['kotacerdas/ids', 'kotacerdas_ids_bg']]) {
  test(`Vite bundles ${specifier} and the bundle validates a NIK in Chromium`, async () => {
    const app = path.join(here, `vite-app-${specifier.replace('/', '-')}`);
    rmSync(app, { recursive: true, force: true });
    mkdirSync(app);
    copyFileSync(path.join(example, 'index.html'), path.join(app, 'index.html'));
    const main = readFileSync(path.join(example, 'main.js'), 'utf8');
    assert.match(main, / from 'kotacerdas';/);
    writeFileSync(path.join(app, 'main.js'), main.replace(" from 'kotacerdas';", ` from '${specifier}';`));
    await build({ root: app, logLevel: 'silent', build: { target: 'es2022', outDir: 'dist' } });
    const dist = path.join(app, 'dist');
    const assets = readdirSync(path.join(dist, 'assets'));
    const wasm = assets.filter((file) => file.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one .wasm asset expected in ${assets.join(', ')}`);
    assert.ok(wasm[0].startsWith(`${module}-`), `${wasm[0]} is not ${module}`);

    const { page, failures, close } = await openPage(dist, 'index.html');
    try {
      await page.waitForSelector('body[data-ready]', { state: 'attached', timeout: 20_000 });
      await page.fill('#nik', '3527014501900000');
      assert.equal(await page.getAttribute('#result', 'data-code'), 'NIK_INVALID_SERIAL');
      await page.fill('#nik', '3527.01.450190.0001');
      assert.equal(await page.getAttribute('#result', 'data-code'), 'OK');
      assert.equal(await page.textContent('#result'), '352701**********: Sreseh, lahir 1990-01-05');
      assert.deepEqual(failures, []);
    } finally {
      await close();
    }
  });
}
