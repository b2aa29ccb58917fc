// Types of `kotacerdas/client`: the API client and the offline outbox. Records are the API's
// JSON (snake_case keys), as the server sends them.
import { KotaCerdasError } from "../index.js";

export { KotaCerdasError };

/** Loads the WebAssembly modules (browsers: await once; Node.js: resolves at once). */
export declare function init(
  input?: string | URL | Request | Response | BufferSource | WebAssembly.Module,
): Promise<void>;

/** A coded problem of the core or the server, in both languages. */
export interface Problem {
  readonly code: string;
  readonly message_id: string;
  readonly message_en: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** One problem of a report draft: the dotted path of the field and its problem. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: Problem;
}

/**
 * What every Promise of this module rejects with: a `KotaCerdasError` whose `code` is the
 * client's stable code (`NETWORK`, `TIMEOUT`, `DECODE`, `STORAGE`, `CALL_INVALID_INPUT`) or the
 * server's (`REPORT_INVALID` with `problems`, `AUTH_REQUIRED`/`AUTH_INVALID`/... with
 * `status` 401 or 403, `IDEMPOTENCY_KEY_REUSED`, ...).
 */
export interface ClientError extends KotaCerdasError {
  /** HTTP status for server and auth errors. */
  readonly status: number | undefined;
  /** The core's field problems (report validation); empty otherwise. */
  readonly problems: readonly FieldProblem[];
}

/** A report as the app builds it (every field optional: validation names the missing ones). */
export interface ReportDraft {
  kind?: "pengaduan" | "aspirasi" | "permintaan_informasi";
  category?: string;
  title?: string;
  description?: string;
  location?: { lat: number; lon: number; accuracy_m?: number };
  /** Desa/kelurahan code, e.g. `35.27.01.2001`. */
  village_code?: string;
  landmark?: string;
  attachments?: { media_type: string; size_bytes: number; reference?: string }[];
  reporter?: { name?: string; phone?: string; email?: string; nik?: string };
  anonymous?: boolean;
  /** Never shown publicly (default true). */
  confidential?: boolean;
  idempotency_key?: string;
  /** ISO 8601 with offset; set it when filing offline. */
  created_at?: string;
}

export interface StateInfo {
  /** Canonical code: `diterima`, `terverifikasi`, `didisposisikan`, ... */
  readonly code: string;
  readonly label_id: string;
  readonly label_en: string;
  readonly open311: "open" | "closed";
}

export interface Agency {
  readonly code: string;
  readonly name?: string | null;
}

export type SlaStatus = "on_time" | "due_soon" | "overdue" | "paused" | "not_running";

export interface Deadline {
  readonly kind: "verify" | "follow_up" | "auto_close" | "resolution";
  readonly started_at: string;
  readonly due: string;
  readonly stopped_at: string | null;
  readonly outcome: "pending" | "overdue" | "met" | "missed";
}

export interface SlaReport {
  readonly state: string;
  readonly deadlines: readonly Deadline[];
  readonly status: SlaStatus;
  readonly at: string;
}

export interface Submitted {
  readonly id: string;
  /** Secret: keep it to read the report later. */
  readonly tracking_code: string;
  readonly state: StateInfo;
  readonly agency: Agency;
  readonly sla?: SlaReport | null;
}

export interface HistoryEntry {
  readonly event: { readonly type: string } & Readonly<Record<string, unknown>>;
  readonly actor: string;
  readonly at: string;
  readonly note?: string | null;
}

export interface Attachment {
  readonly id: string;
  readonly media_type: string;
  readonly size_bytes: number;
}

/** What the reporter and the officers both see of a report. */
export interface ReportDetails {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly description: string;
  readonly confidential: boolean;
  readonly anonymous: boolean;
  readonly state: StateInfo;
  readonly agency: Agency;
  /** Oldest first. */
  readonly history: readonly HistoryEntry[];
}

export interface MyReport extends ReportDetails {
  readonly sla?: SlaReport | null;
  readonly attachments: readonly Attachment[];
}

export interface PublicReport {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly description: string;
  readonly location?: { readonly lat: number; readonly lon: number } | null;
  readonly state: StateInfo;
  readonly agency: Agency;
}

export interface DuplicateSuggestion {
  readonly id: string;
  readonly distance_m: number;
}

export interface OfficerInfo {
  readonly id: string;
  readonly role: "verifier" | "opd_officer" | "admin";
  readonly opd?: string | null;
}

export interface QueueItem {
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly confidential: boolean;
  readonly state: StateInfo;
  readonly agency: Agency;
  readonly sla_status?: SlaStatus | null;
}

export interface OfficerReport extends ReportDetails {
  /** For the desk only; the NIK only masked; null when anonymous or for OPD officers. */
  readonly contact?: Readonly<Record<string, unknown>> | null;
  readonly assignments: readonly Readonly<Record<string, unknown>>[];
  readonly sla_status?: SlaStatus | null;
}

/** An officer's lifecycle event; the core's state machine decides whether it is allowed. */
export type OfficerEvent =
  | { type: "verify" | "reject" | "request_info" | "follow_up" | "archive"; note?: string }
  | { type: "assign"; opd: string; note?: string }
  | { type: "not_authority"; forward_to?: string; note?: string }
  | { type: "mark_duplicate"; original_id: string; note?: string };

export type RulePackResult =
  | { readonly status: "not_modified" }
  | { readonly status: "current"; readonly etag: string; readonly pack: Readonly<Record<string, unknown>> };

export interface Webhook {
  readonly id: string;
  readonly url: string;
  readonly secret?: string | null;
}

/** The API client. Every method rejects with a {@link ClientError}. */
export declare class Client {
  /**
   * A client for the server at `baseUrl` (absolute, e.g. `location.origin`); `timeoutMs` per
   * request (default 30 000; a timeout is the code `TIMEOUT`).
   */
  constructor(baseUrl: string, options?: { timeoutMs?: number });
  /** The same client acting with an officer token. */
  withToken(token: string): Client;
  rules(etag?: string | null): Promise<RulePackResult>;
  /** Submits at once; prefer `Outbox.add` + `Outbox.sync`, which survive being offline. */
  submitReport(draft: ReportDraft, idempotencyKey: string): Promise<Submitted>;
  myReport(trackingCode: string): Promise<MyReport>;
  reporterEvent(
    trackingCode: string,
    event: "confirm" | "dispute" | "reopen" | "provide_info",
    note?: string | null,
  ): Promise<MyReport>;
  uploadAttachment(
    trackingCode: string,
    mediaType: string,
    bytes: Uint8Array,
    idempotencyKey: string,
  ): Promise<Attachment>;
  publicReports(category?: string | null, limit?: number): Promise<PublicReport[]>;
  duplicates(category: string, lat: number, lon: number): Promise<DuplicateSuggestion[]>;
  taxCalculate(kind: string, region: string, input: object): Promise<Readonly<Record<string, unknown>>>;
  officerMe(): Promise<OfficerInfo>;
  officerQueue(state?: string | null): Promise<QueueItem[]>;
  officerReport(id: string): Promise<OfficerReport>;
  officerEvent(id: string, event: OfficerEvent): Promise<OfficerReport>;
  createWebhook(url: string): Promise<Webhook>;
  free(): void;
}

export type ItemStatus =
  | { readonly status: "pending" | "sending" }
  | { readonly status: "sent"; readonly report_id: string; readonly tracking_code: string }
  | { readonly status: "rejected"; readonly code: string; readonly problems: readonly FieldProblem[] };

/** An item as a store keeps it. */
export interface StoredItem {
  seq: number;
  key: string;
  /** The exact JSON bytes to send. */
  body: Uint8Array;
  status: ItemStatus;
  attempts: number;
  last_error: string | null;
}

/** An item as `Outbox.items` gives it: the stored fields plus the draft parsed. */
export interface OutboxItem extends Readonly<StoredItem> {
  readonly draft: ReportDraft;
}

/**
 * Where the outbox keeps its items; implement it to use another storage. Each method may
 * return a Promise and must have stored durably when it resolves.
 */
export interface OutboxStore {
  /** Stores a new pending item (status `{status: "pending"}`, attempts 0) and returns it. */
  insert(key: string, body: Uint8Array): StoredItem | Promise<StoredItem>;
  /** Every item, in `seq` order. */
  items(): StoredItem[] | Promise<StoredItem[]>;
  update(seq: number, status: ItemStatus, attempts: number, lastError: string | null): void | Promise<void>;
}

export interface SyncReport {
  readonly sent: number;
  readonly rejected: number;
  readonly remaining: number;
  /** The transient error (no network, server error) that stopped the run, or null. */
  readonly stopped_by: ClientError | null;
}

/**
 * The offline outbox: `add` stores a draft before any network call; `sync` sends unfinished
 * items in order with their idempotency keys, so a resend is never a second report.
 */
export declare class Outbox {
  constructor(store: OutboxStore);
  /** Stores a draft (no network); resolves with the stored item. */
  add(draft: ReportDraft): Promise<OutboxItem>;
  items(): Promise<OutboxItem[]>;
  pendingCount(): Promise<number>;
  /** Sends unfinished items (at most `maxItems`); a call during a sync runs after it. */
  sync(client: Client, maxItems?: number): Promise<SyncReport>;
  free(): void;
}

/** The outbox's storage in IndexedDB (one object store, items keyed by `seq`). */
export declare class IndexedDbOutboxStore implements OutboxStore {
  private constructor();
  /** Opens the database (default name `kotacerdas-outbox`; `indexedDB` defaults to the global). */
  static open(options?: { name?: string; indexedDB?: IDBFactory }): Promise<IndexedDbOutboxStore>;
  insert(key: string, body: Uint8Array): Promise<StoredItem>;
  items(): Promise<StoredItem[]>;
  update(seq: number, status: ItemStatus, attempts: number, lastError: string | null): Promise<void>;
  close(): void;
}
