package id.kotacerdas

import java.util.concurrent.Callable
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Test

/**
 * Runs [call] [calls] times in all from 8 threads started at the same moment (`call(thread, i)`
 * answers whether the result was the expected one) and returns how many were not.
 */
internal fun mismatchesFromEightThreads(calls: Int = 100_000, call: (thread: Int, i: Int) -> Boolean): Int {
    val threads = 8
    val start = CountDownLatch(1)
    val pool = Executors.newFixedThreadPool(threads)
    try {
        val tasks = (0 until threads).map { t ->
            pool.submit(Callable {
                start.await()
                (0 until calls / threads).count { i -> !call(t, i) }
            })
        }
        start.countDown()
        return tasks.sumOf { it.get(5, TimeUnit.MINUTES) }
    } finally {
        pool.shutdownNow()
    }
}

/** 8 threads call the library at once, 100,000 calls in all; every result must be the expected one. */
class ThreadSafetyTest {
    @Test
    fun eightThreadsHundredThousandCalls() {
        val options = NikOptions(referenceDate = "2026-11-29")
        val mismatches = mismatchesFromEightThreads { t, i ->
            // Mix the kinds of call so that objects, records and errors all cross at once.
            when ((i + t) % 4) {
                0 -> Nik.parse("3527014501900001", options).details().birthDate == "1990-01-05"
                1 -> try {
                    Nik.parse("35270145019000", options)
                    false
                } catch (e: NikException.Invalid) {
                    e.code == "NIK_INVALID_LENGTH" && e.fields["found"] == "14"
                }
                2 -> regionLookup("35.27.11").name == "Sokobanah"
                else -> call("phone.normalize", "{\"phone\": \"0812-3456-7890\"}").contains("+6281234567890")
            }
        }
        assertEquals(0, mismatches, "calls with an unexpected result")
    }
}
