// A bundler: Vite builds a small app that imports the package by name, picks the browser entry
// through the exports map and ships the .wasm as an asset; headless Chromium runs the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const app = path.join(here, 'vite-app');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };

test('Vite bundles the package and the bundle validates a NIK in Chromium', async () => {
  rmSync(app, { recursive: true, force: true });
  mkdirSync(app);
  writeFileSync(path.join(app, 'index.html'), '<!doctype html><body><script type="module" src="./main.js"></script></body>');
  writeFileSync(
    path.join(app, 'main.js'),
    "import { init, validateNik } from 'kotacerdas';\n" +
      'await init();\n' +
      "document.body.dataset.result = String(validateNik('3527014501900000', { referenceDate: '2026-11-29' }));\n",
  );
  await build({ root: app, logLevel: 'silent', build: { target: 'es2022', outDir: 'dist' } });
  const dist = path.join(app, 'dist');
  const assets = readdirSync(path.join(dist, 'assets'));
  assert.ok(assets.some((file) => file.endsWith('.wasm')), `no .wasm asset in ${assets.join(', ')}`);

  const server = createServer((request, response) => {
    const file = path.join(dist, path.normalize(new URL(request.url, 'http://localhost').pathname));
    if (!file.startsWith(dist) || !existsSync(file) || file === dist) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const failures = [];
    page.on('pageerror', (error) => failures.push(String(error)));
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.waitForSelector('body[data-result]', { state: 'attached', timeout: 20_000 });
    assert.deepEqual(failures, []);
    assert.equal(await page.getAttribute('body', 'data-result'), 'NIK_INVALID_SERIAL');
  } finally {
    await browser.close();
    server.close();
  }
});
