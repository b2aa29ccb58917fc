// `kotacerdas/client` from the packed package against the real server binary, with the
// package's IndexedDB store running on fake-indexeddb (the same IndexedDB API as browsers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { indexedDB } from 'fake-indexeddb';
import { Client, Outbox, IndexedDbOutboxStore, KotaCerdasError } from 'kotacerdas/client';
import { setLanguage } from 'kotacerdas';
import { createServer } from 'node:net';
import { freePort, startServer, tempDir } from './server.mjs';

const dir = tempDir();
let port;
let server = null;
let adminToken;

before(async () => {
  port = await freePort();
});

after(async () => {
  await server?.stop();
});

const url = () => `http://127.0.0.1:${port}`;

function draft(title, extra = {}) {
  return {
    kind: 'pengaduan',
    category: 'INFRA.DRAINASE',
    title,
    description: 'Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan',
    location: { lat: -7.19, lon: 113.24, accuracy_m: 15 },
    reporter: { phone: '081234567890' },
    confidential: false,
    created_at: new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
    ...extra,
  };
}

async function queueTitles(client, prefix) {
  const queue = await client.withToken(adminToken).officerQueue();
  return queue.map((item) => item.title).filter((title) => title.startsWith(prefix)).sort();
}

let dbCount = 0;
const openStore = (name = `outbox-${++dbCount}`) => IndexedDbOutboxStore.open({ name, indexedDB });

test('reports added while the server is down stay pending, then sync exactly once', async () => {
  const store = await openStore('offline');
  const outbox = new Outbox(store);
  const client = new Client(url());
  for (const n of [1, 2, 3]) {
    const item = await outbox.add(draft(`Offline ${n}`));
    assert.deepEqual(item.status, { status: 'pending' });
    assert.match(item.key, /^[0-9a-f]{32}$/);
    assert.equal(item.draft.title, `Offline ${n}`);
  }
  assert.equal(await outbox.pendingCount(), 3);

  // Server down: the run stops on a network error, nothing is lost, the reason is kept.
  const down = await outbox.sync(client);
  assert.equal(down.sent, 0);
  assert.equal(down.remaining, 3);
  assert.ok(down.stopped_by instanceof KotaCerdasError);
  assert.equal(down.stopped_by.code, 'NETWORK');
  const waiting = await outbox.items();
  assert.deepEqual(waiting.map((i) => i.status.status), ['pending', 'pending', 'pending']);
  assert.equal(waiting[0].last_error, 'NETWORK');
  assert.equal(waiting[0].attempts, 1);

  // The items are in IndexedDB, not in this object: a new connection sees them.
  store.close();
  const reopened = new Outbox(await openStore('offline'));
  assert.equal(await reopened.pendingCount(), 3);

  server = await startServer(port, dir);
  adminToken = server.token;
  assert.match(adminToken, /\S{20,}/);
  const online = await reopened.sync(client);
  assert.deepEqual({ ...online, stopped_by: online.stopped_by }, { sent: 3, rejected: 0, remaining: 0, stopped_by: null });
  const sent = await reopened.items();
  assert.deepEqual(sent.map((i) => i.status.status), ['sent', 'sent', 'sent']);
  for (const item of sent) assert.match(item.status.tracking_code, /\S{22,}/);
  assert.deepEqual(await queueTitles(client, 'Offline '), ['Offline 1', 'Offline 2', 'Offline 3']);

  // Resync: nothing is sent again.
  const again = await reopened.sync(client);
  assert.equal(again.sent, 0);
  assert.equal(again.remaining, 0);
  assert.deepEqual(await queueTitles(client, 'Offline '), ['Offline 1', 'Offline 2', 'Offline 3']);

  // The citizen reads a report by its tracking code.
  const mine = await client.myReport(sent[1].status.tracking_code);
  assert.equal(mine.title, 'Offline 2');
  assert.equal(mine.state.code, 'diterima');
  assert.equal(mine.id, sent[1].status.report_id);
});

test('an item caught in "sending" by a crash is resent and is still one report', async () => {
  const store = await openStore();
  const outbox = new Outbox(store);
  const client = new Client(url());
  const item = await outbox.add(draft('Crash once'));
  const first = await outbox.sync(client);
  assert.equal(first.sent, 1);
  const [sent] = await outbox.items();
  // As if the app died after the request reached the server but before the answer was stored.
  await store.update(item.seq, { status: 'sending' }, 1, null);
  const replay = await outbox.sync(client);
  assert.equal(replay.sent, 1);
  const [again] = await outbox.items();
  assert.equal(again.status.report_id, sent.status.report_id);
  assert.equal(again.status.tracking_code, sent.status.tracking_code);
  assert.deepEqual(await queueTitles(client, 'Crash once'), ['Crash once']);
});

test('two syncs at once do not overlap: each item is sent once', async () => {
  const outbox = new Outbox(await openStore());
  const client = new Client(url());
  for (const n of [1, 2, 3, 4]) await outbox.add(draft(`Concurrent ${n}`));
  const [a, b] = await Promise.all([outbox.sync(client), outbox.sync(client)]);
  assert.equal(a.sent + b.sent, 4);
  assert.deepEqual(await queueTitles(client, 'Concurrent '), ['Concurrent 1', 'Concurrent 2', 'Concurrent 3', 'Concurrent 4']);
});

test('a refused draft is recorded as rejected with the core field problems, and the run goes on', async () => {
  const outbox = new Outbox(await openStore());
  const client = new Client(url());
  await outbox.add(draft('Tanpa kategori', { category: undefined, description: 'x' }));
  await outbox.add(draft('Sesudah yang ditolak'));
  const report = await outbox.sync(client);
  assert.equal(report.rejected, 1);
  assert.equal(report.sent, 1);
  const [rejected, sent] = await outbox.items();
  assert.equal(rejected.status.status, 'rejected');
  assert.equal(rejected.status.code, 'REPORT_INVALID');
  const fields = rejected.status.problems.map((p) => p.field);
  assert.ok(fields.includes('category'), JSON.stringify(fields));
  assert.ok(rejected.status.problems.every((p) => p.problem.message_id && p.problem.message_en));
  assert.equal(sent.status.status, 'sent');
  // Not resent.
  assert.equal((await outbox.sync(client)).rejected, 0);

  // The same refusal from a direct call: a KotaCerdasError with status and problems.
  await assert.rejects(client.submitReport(draft('x', { category: undefined }), 'a'.repeat(32)), (error) => {
    assert.ok(error instanceof KotaCerdasError);
    assert.equal(error.code, 'REPORT_INVALID');
    assert.equal(error.status, 422);
    assert.ok(error.problems.some((p) => p.field === 'category'));
    return true;
  });
});

test('the officer queue with the seeded token; verify through the core state machine', async () => {
  const client = new Client(url());
  const officer = client.withToken(adminToken);
  const me = await officer.officerMe();
  assert.equal(me.role, 'admin');
  const queue = await officer.officerQueue();
  const item = queue.find((i) => i.title === 'Offline 1');
  assert.ok(item, 'the synced report is in the queue');
  assert.equal(item.sla_status, 'on_time');
  const verified = await officer.officerEvent(item.id, { type: 'verify' });
  assert.equal(verified.state.code, 'terverifikasi');
  // A transition the state machine refuses: a coded server error.
  await assert.rejects(officer.officerEvent(item.id, { type: 'verify' }), (error) => {
    assert.ok(error instanceof KotaCerdasError);
    assert.equal(error.status, 409);
    assert.match(error.code, /^[A-Z_]+$/);
    return true;
  });
});

test('a wrong or missing token is an auth error code, with no data', async () => {
  const client = new Client(url());
  await assert.rejects(client.withToken('not-a-real-token').officerQueue(), (error) => {
    assert.ok(error instanceof KotaCerdasError);
    assert.equal(error.code, 'AUTH_REQUIRED');
    assert.equal(error.status, 401);
    assert.deepEqual(error.problems, []);
    return true;
  });
  await assert.rejects(client.officerMe(), { code: 'AUTH_REQUIRED', status: 401 });
});

test('network errors have a stable code and messages in both languages', async () => {
  const closed = await freePort();
  const client = new Client(`http://127.0.0.1:${closed}`);
  setLanguage('en');
  try {
    await assert.rejects(client.myReport('whatever'), (error) => {
      assert.ok(error instanceof KotaCerdasError);
      assert.equal(error.code, 'NETWORK');
      assert.equal(error.message, error.messages.en);
      assert.match(error.messages.id, /server/);
      assert.equal(error.status, undefined);
      return true;
    });
  } finally {
    setLanguage('id');
  }
  await assert.rejects(client.myReport('whatever'), (error) => error.message === error.messages.id);
});

test('arguments that do not fit are refused with CALL_INVALID_INPUT, never a crash', async () => {
  assert.throws(() => new Client(42), { code: 'CALL_INVALID_INPUT' });
  assert.throws(() => new Client('ftp://example.invalid'), { code: 'CALL_INVALID_INPUT' });
  const client = new Client(url());
  await assert.rejects(client.myReport(null), { code: 'CALL_INVALID_INPUT' });
  await assert.rejects(client.uploadAttachment('x', 'image/png', 'not bytes', 'k'), { code: 'CALL_INVALID_INPUT' });
  const outbox = new Outbox(await openStore());
  await assert.rejects(outbox.add({ titel: 'typo' }), (error) => {
    assert.ok(error instanceof KotaCerdasError);
    assert.equal(error.code, 'CALL_INVALID_INPUT');
    return true;
  });
  const cyclic = {};
  cyclic.self = cyclic;
  await assert.rejects(outbox.add(cyclic), { code: 'CALL_INVALID_INPUT' });
  assert.equal(await outbox.pendingCount(), 0);
});

test('a store that fails gives STORAGE errors; a broken store item is refused', async () => {
  const failing = new Outbox({
    insert: () => Promise.reject(new Error('disk full')),
    items: () => [],
    update: () => undefined,
  });
  await assert.rejects(failing.add(draft('x')), (error) => {
    assert.ok(error instanceof KotaCerdasError);
    assert.equal(error.code, 'STORAGE');
    assert.equal(error.fields.detail, 'disk full');
    return true;
  });
  const broken = new Outbox({ insert: () => ({ seq: 'one' }), items: () => [{ seq: 1 }], update: () => undefined });
  await assert.rejects(broken.add(draft('x')), { code: 'STORAGE' });
  await assert.rejects(broken.items(), { code: 'STORAGE' });
  await assert.rejects(IndexedDbOutboxStore.open({ indexedDB: null }), { code: 'STORAGE' });
});

test('a server that never answers is a TIMEOUT after the retries, not a hang', async () => {
  const held = [];
  const silent = createServer((socket) => held.push(socket));
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const client = new Client(`http://127.0.0.1:${silent.address().port}`, { timeoutMs: 150 });
    const started = Date.now();
    await assert.rejects(client.myReport('whatever'), (error) => {
      assert.ok(error instanceof KotaCerdasError);
      assert.equal(error.code, 'TIMEOUT');
      return true;
    });
    // Four attempts of 150 ms each, with backoff waits of 200, 400 and 800 ms between them.
    assert.ok(Date.now() - started >= 4 * 150 + 1400, `${Date.now() - started} ms`);
    assert.ok(held.length >= 1);
  } finally {
    for (const socket of held) socket.destroy();
    silent.close();
  }
  assert.throws(() => new Client(url(), { timeoutMs: 0 }), { code: 'CALL_INVALID_INPUT' });
  assert.throws(() => new Client(url(), { timeout: 5 }), { code: 'CALL_INVALID_INPUT' });
});
