package id.kotacerdas

import java.io.File
import java.net.InetAddress
import java.net.ServerSocket
import java.nio.file.Files
import java.nio.file.Path
import java.time.OffsetDateTime
import java.time.ZoneOffset
import java.time.temporal.ChronoUnit
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Assertions.fail
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The API client and the outbox (suspend functions) against the real reference server, started
 * by the test on a loopback port (`cargo xtask test` builds it and passes its path as the
 * system property `kotacerdas.server.bin`).
 */
class ClientTest {
    @TempDir
    lateinit var dir: Path

    /** The server binary on a port of our choice; its first stdout line is its address. */
    private class TestServer(port: Int, dir: Path) : AutoCloseable {
        private val process: Process
        val base: String
        val token: String

        init {
            val bin = System.getProperty("kotacerdas.server.bin")
            if (bin == null || !File(bin).canExecute()) {
                fail<Unit>("no server binary at $bin: `cargo build -p kotacerdas-server` (cargo xtask test does it)")
            }
            val errors = dir.resolve("server.err").toFile()
            process = ProcessBuilder(bin, "--listen", "127.0.0.1:$port", "--database", "sqlite://$dir/kc.db?mode=rwc")
                .redirectError(errors)
                .also { it.environment()["KOTACERDAS_NIK_KEY"] = "kotlin-client-test-key-0123456789" }
                .start()
            val out = process.inputStream.bufferedReader()
            val first = out.readLine() ?: fail("the server did not start: ${errors.readText()}")
            base = Regex("http://[^ ]+").find(first)?.value ?: fail("no address in: $first")
            var seeded: String? = null
            while (seeded == null) {
                val line = out.readLine() ?: break
                if (line.startsWith("seeded officer token")) seeded = line.substringAfter("): ").trim()
                if (line.startsWith("officer tokens exist")) break
            }
            token = seeded ?: fail("no seeded officer token")
            // Keep reading so that the server never blocks on a full pipe.
            Thread { out.lineSequence().forEach { _ -> } }.apply { isDaemon = true }.start()
        }

        override fun close() {
            process.destroy()
            process.waitFor(10, TimeUnit.SECONDS)
        }
    }

    private fun freePort(): Int = ServerSocket(0, 1, InetAddress.getLoopbackAddress()).use { it.localPort }

    private fun draft(title: String, description: String = "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan") =
        """{"kind": "pengaduan", "category": "INFRA.DRAINASE", "title": "$title", "description": "$description",
           "location": {"lat": -7.19, "lon": 113.24, "accuracy_m": 15.0}, "reporter": {"phone": "081234567890"},
           "confidential": false, "created_at": "${OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS)}"}"""

    /** Fail fast when offline: one attempt, short timeout. */
    private val once = ClientOptions(timeoutMs = 5_000uL, retryAttempts = 1u, initialBackoffMs = 10uL, maxBackoffMs = 10uL)

    private suspend inline fun <reified E : Throwable> thrown(block: () -> Unit): E {
        try {
            block()
        } catch (e: Throwable) {
            if (e is E) return e
            throw e
        }
        fail<Unit>("expected ${E::class.simpleName}")
        throw IllegalStateException("unreachable")
    }

    @Test
    fun outboxKeepsReportsOfflineAndDeliversEachExactlyOnce() = runBlocking {
        val port = freePort()
        val client = ApiClient("http://127.0.0.1:$port", once)
        val outbox = ReportOutbox.open(dir.resolve("outbox.db").toString())
        val first = outbox.add(draft("Pertama dari Kotlin"))
        outbox.add(draft("Kedua ditolak", description = "  "))
        outbox.add(draft("Ketiga dari Kotlin"))
        assertEquals(OutboxStatus.Pending, first.status)
        assertEquals("Pertama dari Kotlin", first.title)
        assertEquals(32, first.key.length)
        assertEquals(3uL, outbox.pendingCount())

        // Server down: connection refused is a typed error; the outbox keeps every item.
        val refused = thrown<ClientException.Network> { client.rules() }
        assertEquals("NETWORK", refused.code)
        assertEquals(0.toUShort(), refused.status)
        assertTrue(refused.messageId.isNotBlank() && refused.messageEn.isNotBlank())
        val offline = outbox.sync(client)
        assertEquals(Triple(0uL, 0uL, 3uL), Triple(offline.sent, offline.rejected, offline.remaining))
        assertEquals("NETWORK", offline.stoppedBy?.code)
        assertTrue(offline.items.all { it.status == OutboxStatus.Pending })
        assertEquals("NETWORK", offline.items[0].lastError)
        assertEquals(1u, offline.items[0].attempts)

        TestServer(port, dir).use { server ->
            val online = outbox.sync(client)
            assertEquals(Triple(2uL, 1uL, 0uL), Triple(online.sent, online.rejected, online.remaining))
            assertEquals(null, online.stoppedBy)
            val rejected = online.items[1].status as OutboxStatus.Rejected
            assertEquals("REPORT_INVALID", rejected.code)
            assertTrue(rejected.problems.any { it.field == "description" && it.code.startsWith("COMPLAINT_") }, "${rejected.problems}")
            val sent = online.items[0].status as OutboxStatus.Sent
            assertEquals("Pertama dari Kotlin", client.myReport(sent.trackingCode).title)
            assertEquals(0uL, outbox.pendingCount())

            // Resync sends nothing; the server holds each report exactly once.
            val again = outbox.sync(client)
            assertEquals(Triple(0uL, 0uL, 0uL), Triple(again.sent, again.rejected, again.remaining))
            assertEquals(online.items, again.items)
            val queue = client.withToken(server.token).officerQueue()
            assertEquals(1, queue.count { it.title == "Pertama dari Kotlin" })
            assertEquals(1, queue.count { it.title == "Ketiga dari Kotlin" })
            assertEquals(2, queue.size)
        }
    }

    @Test
    fun citizenAndOfficerCallsWithTypedErrors() = runBlocking {
        TestServer(freePort(), dir).use { server ->
            val client = ApiClient(server.base)
            val pack = client.rules() as RulePack.Current
            assertTrue(pack.packJson.contains("\"taxonomy\""))
            assertEquals(RulePack.NotModified, client.rules(pack.etag))

            val body = draft("Langsung dari Kotlin")
            val submitted = client.submitReport(body, "kotlin-direct-0001")
            assertEquals("diterima", submitted.state.code)
            assertEquals(submitted, client.submitReport(body, "kotlin-direct-0001"))
            val reused = thrown<ClientException.Server> { client.submitReport(draft("Lain"), "kotlin-direct-0001") }
            assertEquals("IDEMPOTENCY_KEY_REUSED", reused.code)

            // A refused draft carries the core's field problems with their codes.
            val refused = thrown<ClientException.Server> {
                client.submitReport(draft("Kategori salah").replace("INFRA.DRAINASE", "NOPE"), "kotlin-direct-0002")
            }
            assertEquals("REPORT_INVALID", refused.code)
            assertEquals(422.toUShort(), refused.status)
            assertTrue(refused.problems.any { it.field == "category" && it.code == "COMPLAINT_CATEGORY_UNKNOWN" }, "${refused.problems}")
            val malformed = thrown<ClientException.InvalidArgument> { client.submitReport("[1]", "kotlin-direct-0003") }
            assertEquals("COMPLAINT_DRAFT_MALFORMED", malformed.code)
            assertEquals("NOT_FOUND", thrown<ClientException.Server> { client.myReport("0".repeat(32)) }.code)

            val mine = client.myReport(submitted.trackingCode)
            assertEquals(listOf("submit"), mine.history.map { it.eventType })
            assertTrue(client.publicReports("INFRA.DRAINASE").any { it.id == submitted.id })
            assertEquals(submitted.id, client.duplicates("INFRA.DRAINASE", -7.19, 113.2401).first().id)

            // Officers: no token and a wrong token are typed auth errors with no data.
            val anonymous = thrown<ClientException.Auth> { client.officerQueue() }
            assertEquals(401.toUShort(), anonymous.status)
            val wrong = thrown<ClientException.Auth> { client.withToken("kc_wrong_token").officerQueue() }
            assertTrue(wrong.code.startsWith("AUTH_"), wrong.code)
            val desk = client.withToken(server.token)
            assertEquals("admin", desk.officerMe().role)
            assertEquals("on_time", desk.officerQueue().single { it.id == submitted.id }.slaStatus)
            desk.officerEvent(submitted.id, """{"type": "verify"}""")
            val assigned = desk.officerEvent(submitted.id, """{"type": "assign", "opd": "DPUPR"}""")
            assertEquals("didisposisikan", assigned.state.code)
            assertEquals("DPUPR", assigned.agency.code)
            assertEquals(listOf("submit", "verify", "assign"), desk.officerReport(submitted.id).history.map { it.eventType })
            assertEquals(
                "COMPLAINT_DRAFT_MALFORMED",
                thrown<ClientException.InvalidArgument> { desk.officerEvent(submitted.id, "verify") }.code,
            )
        }
    }

    @Test
    fun concurrentSyncsOfOneOutboxStillStoreEachReportOnce() = runBlocking {
        TestServer(freePort(), dir).use { server ->
            val client = ApiClient(server.base)
            val outbox = ReportOutbox.open(dir.resolve("outbox.db").toString())
            val titles = (1..10).map { "Serentak $it" }
            titles.forEach { outbox.add(draft(it)) }
            // Three syncs at once from three threads: the same item may be sent twice, always
            // with its key, so the server keeps one report per item.
            (1..3).map { async(Dispatchers.Default) { outbox.sync(client) } }.awaitAll()
            outbox.sync(client) // settles an item a racing run put back to pending
            assertEquals(0uL, outbox.pendingCount())
            assertTrue(outbox.items().all { it.status is OutboxStatus.Sent })
            val stored = client.withToken(server.token).officerQueue().map { it.title }
            assertEquals(titles.sorted(), stored.sorted())
        }
    }
}
