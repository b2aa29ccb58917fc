// Starts the real kotacerdas-server (KOTACERDAS_SERVER, built by cargo xtask) on a loopback
// port with a fresh SQLite database, and reads its address and seeded officer token.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const serverBinary = process.env.KOTACERDAS_SERVER;

/** A port that was free a moment ago (the server is started on it later). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

export function tempDir() {
  return mkdtempSync(path.join(tmpdir(), 'kotacerdas-client-'));
}

/**
 * Starts the server on `port` over `dir/kc.db`; resolves with `{ url, token, stop }` once it
 * listens (`token` is null when the database already had tokens).
 */
export function startServer(port, dir) {
  if (!serverBinary) throw new Error('KOTACERDAS_SERVER is not set (cargo xtask test-npm sets it)');
  const child = spawn(serverBinary, ['--listen', `127.0.0.1:${port}`, '--database', `sqlite://${dir}/kc.db?mode=rwc`, '--rate-limit-per-minute', '0'], {
    env: { ...process.env, KOTACERDAS_NIK_KEY: 'node-client-test-key-0123456789', KOTACERDAS_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    const onExit = (code) => reject(new Error(`server exited (${code}) before listening`));
    child.once('exit', onExit);
    let count = 0;
    let token = null;
    lines.on('line', (line) => {
      count += 1;
      const match = /^seeded officer token \(role admin, shown once\): (\S+)$/.exec(line);
      if (match) token = match[1];
      // The first line says where it listens, the second gives the token (or says none).
      if (count === 2) {
        child.off('exit', onExit);
        resolve({ url: `http://127.0.0.1:${port}`, token, stop });
      }
    });
  });
}
