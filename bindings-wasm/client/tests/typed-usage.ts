// Compiled by types.test.mjs with `tsc --noEmit`: the declarations of `kotacerdas/client`
// type a real program (no `any` needed).
import { Client, Outbox, IndexedDbOutboxStore, KotaCerdasError } from "kotacerdas/client";
import type { ClientError, OutboxItem, QueueItem, ReportDraft, SyncReport } from "kotacerdas/client";

export async function fileOffline(factory: IDBFactory, base: string): Promise<string[]> {
  const outbox = new Outbox(await IndexedDbOutboxStore.open({ name: "demo", indexedDB: factory }));
  const draft: ReportDraft = { kind: "pengaduan", category: "INFRA.JALAN", title: "Jalan berlubang", anonymous: true };
  const item: OutboxItem = await outbox.add(draft);
  const report: SyncReport = await outbox.sync(new Client(base));
  const stopped: string | undefined = report.stopped_by?.code;
  const codes: string[] = [];
  for (const { status } of await outbox.items()) {
    if (status.status === "sent") codes.push(status.tracking_code);
    if (status.status === "rejected") codes.push(...status.problems.map((p) => `${p.field}: ${p.problem.code}`));
  }
  return [String(item.seq), stopped ?? "", ...codes];
}

export async function queue(base: string, token: string): Promise<QueueItem[]> {
  const officer = new Client(base).withToken(token);
  try {
    const items = await officer.officerQueue("diterima");
    const first = items[0];
    if (first) await officer.officerEvent(first.id, { type: "assign", opd: "DPUPR", note: "re-route" });
    return items;
  } catch (error) {
    if (error instanceof KotaCerdasError) {
      const failure = error as ClientError;
      console.log(failure.code, failure.status, failure.problems.length);
    }
    return [];
  }
}

export async function track(base: string, code: string): Promise<string> {
  const report = await new Client(base, { timeoutMs: 10_000 }).myReport(code);
  const last = report.history[report.history.length - 1];
  return `${report.state.label_en} ${report.sla?.status ?? "not_running"} ${last?.event.type ?? ""} ${report.attachments.length}`;
}
