"""The API client and the outbox (coroutines, asyncio) against the real reference server,
started here on a loopback port. `cargo xtask test` builds the server and passes its path in
KOTACERDAS_SERVER_BIN."""

import asyncio
import datetime
import json
import os
import pathlib
import re
import socket
import subprocess
import threading

import pytest

from kotacerdas import ApiClient, ClientError, ClientOptions, ReportOutbox

ROOT = pathlib.Path(__file__).resolve().parents[3]
ONCE = ClientOptions(timeout_ms=5000, retry_attempts=1, initial_backoff_ms=10, max_backoff_ms=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The server binary on a chosen port; its first stdout line is its address."""

    def __init__(self, port: int, folder: pathlib.Path):
        binary = os.environ.get("KOTACERDAS_SERVER_BIN", str(ROOT / "target/debug/kotacerdas-server"))
        if not os.access(binary, os.X_OK):
            pytest.fail(f"no server binary at {binary}: cargo build -p kotacerdas-server (cargo xtask test does it)")
        env = dict(os.environ, KOTACERDAS_NIK_KEY="python-client-test-key-0123456789")
        self.errors = open(folder / "server.err", "wb")
        self.process = subprocess.Popen(
            [binary, "--listen", f"127.0.0.1:{port}", "--database", f"sqlite://{folder}/kc.db?mode=rwc"],
            stdout=subprocess.PIPE, stderr=self.errors, env=env, text=True,
        )
        first = self.process.stdout.readline()
        self.base = re.search(r"http://\S+", first).group(0)
        self.token = None
        for line in self.process.stdout:
            if line.startswith("seeded officer token"):
                self.token = line.split("): ", 1)[1].strip()
                break
        assert self.token, "no seeded officer token"
        # Keep reading so that the server never blocks on a full pipe.
        threading.Thread(target=self.process.stdout.read, daemon=True).start()

    def close(self):
        self.process.terminate()
        self.process.wait(10)
        self.errors.close()


def draft(title: str, description: str = "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan") -> str:
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).replace(microsecond=0)
    return json.dumps({
        "kind": "pengaduan", "category": "INFRA.DRAINASE", "title": title, "description": description,
        "location": {"lat": -7.19, "lon": 113.24, "accuracy_m": 15.0},
        "reporter": {"phone": "081234567890"}, "confidential": False, "created_at": now.isoformat(),
    })


def test_outbox_keeps_reports_offline_and_delivers_each_exactly_once(tmp_path):
    async def scenario():
        port = free_port()
        client = ApiClient(f"http://127.0.0.1:{port}", ONCE)
        outbox = ReportOutbox.open(str(tmp_path / "outbox.db"))
        first = await outbox.add(draft("Pertama dari Python"))
        await outbox.add(draft("Kedua ditolak", description="  "))
        await outbox.add(draft("Ketiga dari Python"))
        assert first.status.is_pending() and first.title == "Pertama dari Python"
        assert await outbox.pending_count() == 3

        with pytest.raises(ClientError.Network) as refused:
            await client.rules()
        assert refused.value.code == "NETWORK" and refused.value.status == 0
        offline = await outbox.sync(client)
        assert (offline.sent, offline.rejected, offline.remaining) == (0, 0, 3)
        assert offline.stopped_by.code == "NETWORK"
        assert all(item.status.is_pending() for item in offline.items)

        server = Server(port, tmp_path)
        try:
            online = await outbox.sync(client)
            assert (online.sent, online.rejected, online.remaining) == (2, 1, 0)
            rejected = online.items[1].status
            assert rejected.is_rejected() and rejected.code == "REPORT_INVALID"
            assert any(p.field == "description" for p in rejected.problems)
            tracking = online.items[0].status.tracking_code
            assert (await client.my_report(tracking)).title == "Pertama dari Python"
            again = await outbox.sync(client)
            assert (again.sent, again.rejected, again.remaining) == (0, 0, 0)
            queue = await client.with_token(server.token).officer_queue()
            assert sorted(q.title for q in queue) == ["Ketiga dari Python", "Pertama dari Python"]
            with pytest.raises(ClientError.Auth) as wrong:
                await client.with_token("kc_wrong_token").officer_queue()
            assert wrong.value.code.startswith("AUTH_")
            with pytest.raises(ClientError.Server) as invalid:
                await client.submit_report(draft("Salah").replace("INFRA.DRAINASE", "NOPE"), "python-direct-0001")
            assert invalid.value.code == "REPORT_INVALID" and invalid.value.status == 422
            assert any(p.code == "COMPLAINT_CATEGORY_UNKNOWN" for p in invalid.value.problems)
        finally:
            server.close()

    asyncio.run(scenario())


def test_bad_arguments_and_storage_are_typed_errors(tmp_path):
    async def scenario():
        with pytest.raises(ClientError.Storage) as storage:
            ReportOutbox.open(str(tmp_path / "no-such-folder" / "outbox.db"))
        assert storage.value.code == "STORAGE" and storage.value.message_id
        outbox = ReportOutbox.open(str(tmp_path / "outbox.db"))
        for bad in ["", "[1]", "{" * 1_000_000, "\x00", '{"title": 5}']:
            with pytest.raises(ClientError.InvalidArgument) as invalid:
                await outbox.add(bad)
            assert invalid.value.code == "COMPLAINT_DRAFT_MALFORMED"
        assert await outbox.pending_count() == 0
        client = ApiClient("not a url", ONCE)
        with pytest.raises(ClientError.Network) as network:
            await client.rules()
        assert network.value.code == "NETWORK"

    asyncio.run(scenario())
