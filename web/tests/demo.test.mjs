// The web demo end to end in headless Chromium (Debian's chromium driven by playwright-core),
// served by the real server with --demo-dir (KOTACERDAS_DEMO_DIR, assembled by cargo xtask):
// a citizen files a report while the browser is offline, goes online and the report syncs
// once; an officer verifies, assigns and follows up; the citizen sees the new status and SLA.
// Screenshots of each step go to KOTACERDAS_ARTIFACTS.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const artifacts = process.env.KOTACERDAS_ARTIFACTS ?? path.join(process.cwd(), 'artifacts');
mkdirSync(artifacts, { recursive: true });
const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

function startServer() {
  const dir = mkdtempSync(path.join(tmpdir(), 'kotacerdas-demo-'));
  const child = spawn(process.env.KOTACERDAS_SERVER, [
    '--listen', '127.0.0.1:0', '--database', `sqlite://${dir}/kc.db?mode=rwc`, '--demo-dir', process.env.KOTACERDAS_DEMO_DIR,
  ], { env: { ...process.env, KOTACERDAS_NIK_KEY: 'demo-e2e-key-0123456789abcdef', KOTACERDAS_QUIET: '1' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    let url;
    lines.on('line', (line) => {
      url ??= /http:\/\/[\d.:]+/.exec(line)?.[0];
      const token = /^seeded officer token \(role admin, shown once\): (\S+)$/.exec(line)?.[1];
      if (token) resolve({ url, token, child, database: `sqlite://${dir}/kc.db?mode=rwc` });
    });
  });
}

const server = await startServer();
after(() => server.child.kill('SIGTERM'));

async function countReports(title) {
  const response = await fetch(`${server.url}/v1/officer/queue?limit=200`, { headers: { authorization: `Bearer ${server.token}` } });
  assert.equal(response.status, 200);
  const { reports } = await response.json();
  return reports.filter((r) => r.title === title).length;
}

test('offline filing syncs once; the officer follows up; the citizen sees status and SLA', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const failures = [];
    page.on('pageerror', (error) => failures.push(String(error)));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });

    // The rules run in the browser: a NIK and a tax.
    await page.fill('#nik', '3527.01.450190.0001');
    await page.click('#nik-check');
    await page.waitForSelector('#nik-result table');
    const nikText = await page.textContent('#nik-result');
    assert.match(nikText, /352701\*{10}/);
    assert.match(nikText, /Sreseh/);
    assert.doesNotMatch(nikText, /3527014501900001/);
    await page.selectOption('#tax-kind', 'pbb_p2');
    await page.click('#tax-compute');
    await page.waitForSelector('#tax-breakdown');
    assert.match(await page.textContent('#tax-result'), /Rp190\.000/);
    await shot(page, '1-citizen-nik-and-tax');

    // Offline: the report goes to the outbox (IndexedDB) only.
    await context.setOffline(true);
    await page.waitForSelector('#net.offline');
    const title = `Jalan berlubang depan pasar ${Date.now()}`;
    await page.fill('#r-title', title);
    await page.fill('#r-description', 'Lubang besar di jalan kabupaten depan pasar Torjun, membahayakan pengendara motor.');
    await page.waitForSelector('#r-categories input[value="INFRA.JALAN"]');
    await page.check('#r-categories input[value="INFRA.JALAN"]');
    await page.fill('#r-phone', '0812-3456-7890');
    await page.click('#districts rect[data-code="35.27.02"]');
    await page.waitForSelector('#r-village option[value^="35.27.02."]', { state: 'attached' });
    const village = await page.$eval('#r-village option[value^="35.27.02."]', (o) => o.value);
    await page.selectOption('#r-village', village);
    // A point inside the outline: the centre of the drawn land (zoom, then mark).
    const land = await page.$eval('#map path.land', (p) => { const b = p.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; });
    await page.mouse.click(land.x, land.y);
    await page.waitForSelector('#r-zoom-out:not([hidden])');
    await page.mouse.click(land.x, land.y);
    assert.match(await page.textContent('#r-point'), /\(-7\.\d+, 113\.\d+ ±\d+ m\)/);
    await page.fill('#r-landmark', 'depan pasar');
    // A photo (this category needs one): the first screenshot, a real PNG.
    await page.setInputFiles('#r-photos', path.join(artifacts, '1-citizen-nik-and-tax.png'));
    await page.click('#r-submit');
    await page.waitForSelector('#outbox li[data-status="pending"]');
    assert.equal(await countReports(title), 0, 'nothing reached the server while offline');
    await shot(page, '2-citizen-offline-pending');

    // Back online: the page syncs by itself, once.
    await context.setOffline(false);
    await page.waitForSelector('#outbox li[data-status="sent"] .tracking-code', { timeout: 20_000 });
    const trackingCode = (await page.textContent('#outbox li[data-status="sent"] .tracking-code')).trim();
    assert.equal(await countReports(title), 1);
    await page.waitForFunction(async () => {
      const open = indexedDB.open('kotacerdas-demo-photos');
      const db = await new Promise((r) => { open.onsuccess = () => r(open.result); });
      const count = db.transaction('photos').objectStore('photos').count();
      return new Promise((r) => { count.onsuccess = () => r(count.result === 0); });
    }, null, { timeout: 20_000 });
    // Another sync (reload = a new page that syncs on start) sends nothing twice.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await countReports(title), 1);
    await shot(page, '3-citizen-online-sent');

    // The officer: queue by OPD, verify, assign to DPUPR, follow up.
    const officerPage = await context.newPage();
    officerPage.on('pageerror', (error) => failures.push(String(error)));
    await officerPage.goto(`${server.url}/officer.html`);
    await officerPage.waitForSelector('body[data-ready="true"]');
    await officerPage.fill('#token', server.token);
    await officerPage.click('#login');
    await officerPage.waitForSelector('.queue-row');
    const row = officerPage.locator('.queue-row', { hasText: title });
    assert.equal(await row.getAttribute('data-sla'), 'on_time');
    await shot(officerPage, '4-officer-queue');
    await row.locator('button').click();
    await officerPage.waitForSelector('#d-title');
    assert.equal(await officerPage.isDisabled('#actions [data-event="follow_up"]'), true, 'the core offers no follow-up before assignment');
    await officerPage.click('#actions [data-event="verify"]');
    await officerPage.waitForFunction(() => document.querySelector('#d-done'));
    await officerPage.selectOption('#opd', 'DPUPR');
    await officerPage.click('#actions button[data-event="assign"]');
    await officerPage.waitForFunction(() => document.querySelector('#d-state')?.textContent === 'Terdisposisi');
    await shot(officerPage, '5-officer-verified-assigned');

    // The follow-up is the OPD's: a DPUPR officer token (created with the server's CLI).
    const opdToken = execFileSync(process.env.KOTACERDAS_SERVER, [
      'token', 'create', '--role', 'opd_officer', '--opd', 'DPUPR', '--label', 'e2e', '--database', server.database,
    ], { encoding: 'utf8' }).trim();
    await officerPage.fill('#token', opdToken);
    await officerPage.click('#login');
    await officerPage.waitForSelector('#role:has-text("opd_officer (DPUPR)")');
    await officerPage.locator('.queue-row', { hasText: title }).locator('button').click();
    await officerPage.waitForFunction(() => document.querySelector('#d-state')?.textContent === 'Terdisposisi');
    assert.equal(await officerPage.isDisabled('#actions [data-event="verify"]'), true, 'verifying is the desk\'s');
    await officerPage.fill('#note', 'Tim DPUPR dijadwalkan menambal lubang minggu ini.');
    await officerPage.click('#actions [data-event="follow_up"]');
    await officerPage.waitForFunction(() => document.querySelector('#d-state')?.textContent === 'Ditindaklanjuti');
    await shot(officerPage, '6-officer-followed-up');

    // The citizen tracks the report: new status and SLA, in Indonesian then English.
    await page.fill('#t-code', trackingCode);
    await page.click('#t-go');
    await page.waitForSelector('#t-state');
    assert.equal(await page.textContent('#t-state'), 'Ditindaklanjuti');
    assert.match(await page.textContent('#t-sla'), /tepat waktu|terlambat|segera/);
    assert.ok(await page.$('#t-deadlines'));
    assert.equal(await page.textContent('#t-photos'), '1');
    await shot(page, '7-citizen-tracks-status-sla');
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('#t-state')?.textContent === 'Follow-up posted');
    assert.match(await page.textContent('#t-sla'), /on time|overdue|due soon/);
    await shot(page, '8-citizen-english');
    assert.deepEqual(failures, []);
  } catch (error) {
    // What the pages showed when it failed.
    for (const [i, open] of browser.contexts().flatMap((c) => c.pages()).entries()) await shot(open, `failure-${i}`);
    throw error;
  } finally {
    await browser.close();
  }
});
