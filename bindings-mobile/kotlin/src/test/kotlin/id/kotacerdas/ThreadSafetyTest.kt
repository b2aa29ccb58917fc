package id.kotacerdas

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/** 8 threads call the library at once, 100,000 calls in all; every result must be the expected one. */
class ThreadSafetyTest {
    @Test
    fun eightThreadsHundredThousandCalls() {
        val threads = 8
        val callsPerThread = 100_000 / threads
        val options = NikOptions(referenceDate = "2026-11-29")
        val start = CountDownLatch(1)
        val pool = Executors.newFixedThreadPool(threads)
        try {
            val tasks = (0 until threads).map { t ->
                pool.submit(Callable {
                    start.await()
                    var mismatches = 0
                    var calls = 0
                    for (i in 0 until callsPerThread) {
                        calls++
                        // Mix the kinds of call so that objects, records and errors all cross at once.
                        when ((i + t) % 4) {
                            0 -> if (Nik.parse("3527014501900001", options).details().birthDate != "1990-01-05") mismatches++
                            1 -> try {
                                Nik.parse("35270145019000", options)
                                mismatches++
                            } catch (e: NikException.Invalid) {
                                if (e.code != "NIK_INVALID_LENGTH" || e.fields["found"] != "14") mismatches++
                            }
                            2 -> if (regionLookup("35.27.11").name != "Sokobanah") mismatches++
                            else -> if (!call("phone.normalize", "{\"phone\": \"0812-3456-7890\"}").contains("+6281234567890")) mismatches++
                        }
                    }
                    mismatches to calls
                })
            }
            start.countDown()
            val results = tasks.map { it.get(5, TimeUnit.MINUTES) }
            assertEquals(0, results.sumOf { it.first }, "calls with an unexpected result")
            assertEquals(100_000, results.sumOf { it.second }, "calls made")
        } finally {
            pool.shutdownNow()
        }
    }
}
