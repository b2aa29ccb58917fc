// Shared by the browser tests: a static file server on loopback and Debian's Chromium,
// headless, as the package's issue prescribes.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves the files below `root` on 127.0.0.1 (a free port); resolves with the server. */
export function serveStatic(root) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Headless Chromium (`CHROMIUM`, default Debian's /usr/bin/chromium). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * Serves `root` and opens `file` of it in headless Chromium. Resolves with the page, the page
 * errors and the `.wasm` files it fetched (both filled as the page runs), and `close`.
 */
export async function openPage(root, file) {
  const server = await serveStatic(root);
  const browser = await launchChromium();
  const close = async () => {
    await browser.close();
    server.close();
  };
  try {
    const page = await browser.newPage();
    const failures = [];
    page.on('pageerror', (error) => failures.push(String(error)));
    const wasm = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.wasm')) wasm.push(path.basename(new URL(request.url()).pathname));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/${file}`);
    return { page, failures, wasm, close };
  } catch (error) {
    await close();
    throw error;
  }
}
