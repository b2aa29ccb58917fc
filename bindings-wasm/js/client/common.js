// Shared by the browser and Node entry points of `kotacerdas/client`: errors as the core
// package's KotaCerdasError, and the IndexedDB outbox store.

let storageError = (reason) => new Error(reason);

/**
 * Connects the client module to the package: its errors become KotaCerdasError (one class for
 * every module) with the message in the package's current language (`currentLanguage` of
 * shared.js).
 */
export function connect(glue, KotaCerdasError, currentLanguage) {
  glue.__setErrorFactory((code, fields, messages, status, problems) => {
    const error = new KotaCerdasError(code, currentLanguage() === 'en' ? messages.en : messages.id, fields, messages);
    error.status = status;
    error.problems = problems;
    return error;
  });
  storageError = (reason) => glue.__storageError(reason);
}

const STORE = 'outbox';

function requestDone(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * The outbox's storage in IndexedDB: one object store `outbox`, items keyed by `seq`
 * (auto-increment, the sending order), a unique index on the idempotency key. Every write is
 * a `strict`-durability transaction and its Promise resolves only when the transaction has
 * committed, so a draft survives the tab being closed right after `Outbox.add` resolves.
 */
export class IndexedDbOutboxStore {
  #db;

  constructor(db) {
    this.#db = db;
  }

  /** Opens (and on first use creates) the database `name` (default `kotacerdas-outbox`). */
  static async open(options = {}) {
    const name = options.name ?? 'kotacerdas-outbox';
    const factory = options.indexedDB ?? globalThis.indexedDB;
    if (!factory) throw storageError('IndexedDB is not available here');
    const request = factory.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      store.createIndex('key', 'key', { unique: true });
    };
    request.onblocked = () => {};
    try {
      return new IndexedDbOutboxStore(await requestDone(request));
    } catch (error) {
      throw storageError(`cannot open IndexedDB ${name}: ${error?.message ?? error}`);
    }
  }

  /**
   * Runs `work(store, done)` in one readwrite transaction (callbacks only: no await inside,
   * so the transaction stays active); resolves with the value given to `done` once committed.
   */
  #write(work) {
    return new Promise((resolve, reject) => {
      let value;
      try {
        const transaction = this.#db.transaction(STORE, 'readwrite', { durability: 'strict' });
        transaction.oncomplete = () => resolve(value);
        transaction.onerror = () => reject(transaction.error);
        transaction.onabort = () => reject(transaction.error ?? new Error('transaction aborted'));
        work(transaction.objectStore(STORE), (v) => { value = v; }, transaction);
      } catch (error) {
        reject(error);
      }
    });
  }

  /** Stores a new pending item; resolves with it (with its `seq`) once durable. */
  insert(key, body) {
    const item = { key, body, status: { status: 'pending' }, attempts: 0, last_error: null };
    return this.#write((store, done) => {
      store.add(item).onsuccess = (event) => {
        item.seq = event.target.result;
        done(item);
      };
    });
  }

  /** Every item in `seq` order. */
  items() {
    const transaction = this.#db.transaction(STORE, 'readonly');
    return requestDone(transaction.objectStore(STORE).getAll());
  }

  /** Records a status, attempt count and last error; resolves once durable. */
  update(seq, status, attempts, lastError) {
    return this.#write((store, done, transaction) => {
      store.get(seq).onsuccess = (event) => {
        const item = event.target.result;
        if (item === undefined) {
          transaction.abort();
          return;
        }
        item.status = status;
        item.attempts = attempts;
        item.last_error = lastError ?? null;
        store.put(item).onsuccess = () => done();
      };
    });
  }

  /** Closes the database connection. */
  close() {
    this.#db.close();
  }
}
