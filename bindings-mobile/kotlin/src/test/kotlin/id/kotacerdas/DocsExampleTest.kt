package id.kotacerdas

import java.io.File
import java.nio.file.Path
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The examples of docs/android.md, compiled and run here. The test checks that the guide
 * quotes the code between the `docs:` markers below line for line, so the two cannot drift.
 */
class DocsExampleTest {
    @Test
    fun firstCallAndErrorHandling() {
        val log = mutableListOf<String>()
        // docs:begin first-call
        val options = NikOptions(referenceDate = "2026-11-29") // omit for "today" in WIB
        val nik = Nik.parse("3527 01 450190 0001", options)
        log += "NIK $nik"                          // "NIK 352701**********": masked
        val details = nik.details()                // data class, masked too
        log += "${details.birthDate} ${details.sex} ${details.district?.name}"
        val toStore = nik.reveal()                 // the whole number, only when needed
        // docs:end first-call
        // docs:begin errors
        try {
            Nik.parse("3527 01 4501", options)
        } catch (e: NikException.Invalid) {        // the user typed a wrong NIK
            log += "${e.code} ${e.fields}"          // NIK_INVALID_LENGTH {found=10}
            log += e.messageId                      // show this (or e.messageEn)
        } catch (e: NikException.InvalidArgument) { // the app passed a bad option: a bug
            throw IllegalStateException(e.code, e)
        }
        // docs:end errors
        // docs:begin batch
        val result = validateNikLines("3527014501900001\n1234\n", options)
        val firstError = result.errors[1].toInt().let { if (it == 0) null else result.errorCodes[it - 1] }
        // result.valid == 1uL, result.errorCounts == {NIK_INVALID_LENGTH=1}, firstError == "NIK_INVALID_LENGTH"
        // docs:end batch
        // docs:begin fast-check
        val checker = NikChecker(options)              // once, e.g. in the ViewModel; checks the options
        val verdict = checker.check("3527014501900001") // 16 plain digits: crosses as one number
        // verdict == NikVerdict(valid = true, errorCode = null, warningCodes = [])
        val refused = checker.check("3527 01 4501")     // any other text: the checkNik path
        // refused.errorCode == "NIK_INVALID_LENGTH"; the message: checkNik(text, options).error?.messageId
        val parsed = checker.parse("3527014501900001") // verdict + fields, still one number each way
        val fields = parsed.fields                      // null when refused
        // fields?.birthDate == "1990-01-05", fields?.sex == Sex.FEMALE, fields?.districtCode == "35.27.01"
        val districtName = fields?.districtCode?.let { regionLookup(it).name } // "Sreseh": a lookup, when needed
        // docs:end fast-check
        assertEquals(NikVerdict(valid = true, errorCode = null, warningCodes = emptyList()), verdict)
        assertEquals(verdict, parsed.verdict)
        assertEquals("1990-01-05", fields?.birthDate)
        assertEquals(Sex.FEMALE, fields?.sex)
        assertEquals("35.27.01", fields?.districtCode)
        assertEquals("Sreseh", districtName)
        assertEquals("NIK_INVALID_LENGTH", refused.errorCode)
        assertEquals("3527014501900001", toStore)
        assertEquals(
            listOf("NIK 352701**********", "1990-01-05 FEMALE Sreseh", "NIK_INVALID_LENGTH {found=10}", "NIK harus 16 digit, ditemukan 10 digit"),
            log,
        )
        assertEquals(1uL, result.valid)
        assertEquals("NIK_INVALID_LENGTH", firstError)
    }

    @Test
    fun clientAndOutboxOffline(@TempDir filesDir: Path) = runBlocking {
        val draftJson = """{"kind": "pengaduan", "category": "INFRA.DRAINASE", "title": "Saluran tersumbat",
            "description": "Saluran air tersumbat sampah sehingga jalan tergenang setiap hujan",
            "location": {"lat": -7.19, "lon": 113.24}, "reporter": {"phone": "081234567890"}}"""
        // docs:begin client
        // In a coroutine (viewModelScope.launch { ... }); the calls suspend, they do not block.
        val outbox = ReportOutbox.open(filesDir.resolve("outbox.db").toString()) // once per app
        val item = outbox.add(draftJson)             // stored on disk first, no network
        val client = ApiClient("http://127.0.0.1:9", ClientOptions(timeoutMs = 2_000uL, retryAttempts = 1u))
        val report = outbox.sync(client)              // no signal: nothing lost, nothing thrown
        // item.status == OutboxStatus.Pending, report.stoppedBy?.code == "NETWORK", report.remaining == 1uL
        // docs:end client
        assertEquals(OutboxStatus.Pending, item.status)
        assertEquals("NETWORK", report.stoppedBy?.code)
        assertEquals(1uL, report.remaining)
        assertEquals(1uL, outbox.pendingCount())
    }

    @Test
    fun guideQuotesTheseExamples() {
        val docs = File(System.getProperty("kotacerdas.docs.dir") ?: "../../docs", "android.md").readText()
        val source = File("src/test/kotlin/id/kotacerdas/DocsExampleTest.kt").readLines()
        for (name in listOf("first-call", "errors", "batch", "fast-check", "client")) {
            val start = source.indexOfFirst { it.trim() == "// docs:begin $name" }
            val end = source.indexOfFirst { it.trim() == "// docs:end $name" }
            assertTrue(start in 0 until end, name)
            val block = source.subList(start + 1, end)
            val indent = block.filter { it.isNotBlank() }.minOf { it.length - it.trimStart().length }
            val snippet = block.joinToString("\n") { if (it.isBlank()) "" else it.substring(indent) }
            assertTrue(docs.contains(snippet), "docs/android.md must quote the '$name' example:\n$snippet")
        }
    }
}
