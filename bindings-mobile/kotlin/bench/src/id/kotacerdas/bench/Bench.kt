package id.kotacerdas.bench

import id.kotacerdas.Nik
import id.kotacerdas.NikChecker
import id.kotacerdas.NikDirect
import id.kotacerdas.NikException
import id.kotacerdas.NikOptions
import id.kotacerdas.call
import id.kotacerdas.checkNik
import id.kotacerdas.checkNikNumber
import id.kotacerdas.nikNumberOptions
import id.kotacerdas.nikDetails
import id.kotacerdas.RegionException
import id.kotacerdas.parseNib
import id.kotacerdas.regionChildren
import id.kotacerdas.validateNikLines
import id.kotacerdas.validateNiks

/**
 * Per-call cost of the Kotlin bindings through JNA, printed as ns/op (median of 7 rounds after
 * warm-up). Not a test: `cargo xtask bench-kotlin` runs it against the release library.
 * Synthetic NIKs only (region codes of Sampang, made-up dates and serials).
 */
private fun syntheticNiks(count: Int): List<String> = List(count) { i ->
    val district = 1 + i % 14
    val day = 1 + i % 28 + if (i % 2 == 0) 40 else 0
    val month = 1 + i % 12
    val year = i % 100
    // Every 10th is broken (serial 0000) so the error path is measured too.
    val serial = if (i % 10 == 9) 0 else 1 + i % 9999
    "3527%02d%02d%02d%02d%04d".format(district, day, month, year, serial)
}

private val threads = java.lang.management.ManagementFactory.getThreadMXBean()

// The whole JVM's CPU time: also counts the GC and JNA's cleaner thread, which free what the
// calls allocate and do not run on the calling thread.
private val process = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
    as com.sun.management.OperatingSystemMXBean

/**
 * Wall time, this thread's CPU time and the process's CPU time per operation. On a shared
 * machine the CPU times are the steadier figures: they leave out the time spent waiting for a
 * core. The process figure adds the work other JVM threads (GC, JNA's cleaner) do for the calls.
 */
private var only: List<String> = emptyList()

/**
 * Waits until the JVM is idle: a GC, then until the process uses under a tenth of a core for
 * 100 ms (at most 5 s). What the previous measurement left (native memory that JNA's cleaner
 * thread frees after a GC, JIT compilations) is then not charged to the next one's process CPU;
 * a measurement's own is, as GCs run during its rounds.
 */
private fun quiesce() {
    System.gc()
    repeat(50) {
        val before = process.processCpuTime
        Thread.sleep(100)
        if (process.processCpuTime - before <= 10_000_000) return
    }
}

private inline fun measure(name: String, opsPerRound: Int, rounds: Int = 7, body: () -> Unit) {
    if (only.isNotEmpty() && only.none { name.contains(it) }) return
    quiesce()
    repeat(3) { body() } // warm-up: JIT, JNA method binding, allocator
    val samples = (1..rounds).map {
        val (wall, cpu, all) = Triple(System.nanoTime(), threads.currentThreadCpuTime, process.processCpuTime)
        body()
        listOf(System.nanoTime() - wall, threads.currentThreadCpuTime - cpu, process.processCpuTime - all)
            .map { it.toDouble() / opsPerRound }
    }
    val (wall, cpu, all) = (0..2).map { k -> samples.map { it[k] }.sorted() }
    println(
        "%-44s %10.1f ns/op wall (min %.1f)  %10.1f ns/op cpu (min %.1f)  %10.1f ns/op process cpu  median of %d"
            .format(name, wall[rounds / 2], wall.first(), cpu[rounds / 2], cpu.first(), all[rounds / 2], rounds),
    )
}

/** Every current district code as a number (`352701`), read once through the library. */
private fun allDistrictCodes(): Set<Int> {
    val provinces = (11..99).mapNotNull { code ->
        try {
            regionChildren(code.toString())
        } catch (e: RegionException) {
            null // not a province code
        }
    }
    return provinces.flatten()
        .flatMap { regency -> regionChildren(regency.code) }
        .map { district -> district.code.replace(".", "").toInt() }
        .toHashSet()
}

/**
 * The baseline: the check an app would write by hand in Kotlin, with no library call: 16 ASCII
 * digits, the district in a hash set, day 1-31 (41-71 for women) and month 1-12. It does less
 * than the core (no day-of-month by month and year, no serial check, no codes for what is
 * wrong), so it is the floor of a simple check, not a peer doing the same work.
 */
private fun handWrittenCheck(nik: String, districts: Set<Int>): Boolean {
    if (nik.length != 16 || nik.any { it !in '0'..'9' }) return false
    val day = nik.substring(6, 8).toInt().let { if (it > 40) it - 40 else it }
    val month = nik.substring(8, 10).toInt()
    return nik.substring(0, 6).toInt() in districts && day in 1..31 && month in 1..12
}

/** Arguments: optional name filters (`checkNik parseNib`) to run only some measurements. */
fun main(args: Array<String>) {
    only = args.toList()
    val options = NikOptions(referenceDate = "2026-11-29")
    val niks = syntheticNiks(100_000)
    val lines = niks.joinToString("\n")
    var sink = 0L

    val single = 20_000
    // The floor of one crossing: a string in, a string out, no object.
    measure("parseNib (one string in and out)", single) {
        for (i in 0 until single) sink += parseNib("1234567890123").length
    }
    // The single-call API: one crossing for the call, no object, a refusal is a result.
    measure("checkNik (single call, valid)", single) {
        for (i in 0 until single) {
            if (checkNik("3527014501900001", options).valid) sink += 1
        }
    }
    measure("checkNik (single call, mixed 10% invalid)", single) {
        for (i in 0 until single) {
            if (checkNik(niks[i], options).valid) sink += 1 else sink += 2
        }
    }
    measure("checkNik (no options: today in WIB)", single) {
        for (i in 0 until single) {
            if (checkNik(niks[i]).valid) sink += 1
        }
    }
    // 16 ASCII digits cross as a Long and the answer as an Int through the library's C entry
    // (JNA direct mapping, primitives only): no buffer, no call status, nothing allocated.
    val checker = NikChecker(options)
    measure("NikChecker.check (16 digits, valid)", single) {
        for (i in 0 until single) {
            if (checker.check("3527014501900001").valid) sink += 1
        }
    }
    measure("NikChecker.check (16 digits, 10% invalid)", single) {
        for (i in 0 until single) {
            if (checker.check(niks[i]).valid) sink += 1 else sink += 2
        }
    }
    // Verdict and parsed fields (birth date, sex, district code, serial) in one u64: the fast
    // Nik.parse/nikDetails for 16 digits (names are a regionLookup when wanted).
    measure("NikChecker.parse (16 digits, valid)", single) {
        for (i in 0 until single) {
            sink += checker.parse("3527014501900001").fields?.serial?.length ?: 0
        }
    }
    measure("NikChecker.parse (16 digits, 10% invalid)", single) {
        for (i in 0 until single) {
            sink += checker.parse(niks[i]).fields?.birthDate?.length ?: 1
        }
    }
    val today = NikChecker()
    measure("NikChecker.check (no options: today)", single) {
        for (i in 0 until single) {
            if (today.check(niks[i]).valid) sink += 1
        }
    }
    // The two transports of the same number, without NikChecker's text check and decoding:
    // the uniffi export (one UniffiRustCallStatus structure per call, the path NikChecker took
    // before) and the C entry (nothing per call).
    val number = nikNumberOptions(options)
    val digits = niks.take(single).map { it.toLong() }
    measure("uniffi checkNikNumber (16 digits, 10% invalid)", single) {
        for (i in 0 until single) {
            sink += checkNikNumber(digits[i].toULong(), number.referenceDate, number.strict, number.knownBirthDate).toInt()
        }
    }
    val referenceDate = number.referenceDate.toInt()
    measure("C entry, direct mapping (16 digits, 10% invalid)", single) {
        for (i in 0 until single) {
            sink += NikDirect.kotacerdas_nik_check_number(digits[i], referenceDate, 0, 0)
        }
    }
    measure("nikDetails (parse + details, one call)", single) {
        for (i in 0 until single) {
            sink += nikDetails(niks[i % 9], options).serial.length
        }
    }
    measure("Nik.parse (single call, valid)", single) {
        for (i in 0 until single) {
            val nik = Nik.parse("3527014501900001", options)
            sink += nik.hashCode()
            nik.close() // free the Rust object now rather than through the Cleaner
        }
    }
    measure("Nik.parse (single call, mixed 10% invalid)", single) {
        for (i in 0 until single) {
            try {
                Nik.parse(niks[i], options).use { sink += 1 }
            } catch (e: NikException) {
                sink += 2
            }
        }
    }
    measure("Nik.parse + details()", single) {
        for (i in 0 until single) {
            Nik.parse(niks[i % 9], options).use { sink += it.details().serial.length }
        }
    }
    measure("call(\"nik.parse\", json)", single) {
        for (i in 0 until single) {
            sink += call("nik.parse", "{\"nik\": \"3527014501900001\", \"reference_date\": \"2026-11-29\"}").length
        }
    }
    measure("validateNikLines (batch of 100,000), per NIK", niks.size) {
        sink += validateNikLines(lines, options).valid.toLong()
    }
    measure("validateNiks (list of 100,000), per NIK", niks.size) {
        sink += validateNiks(niks, options).valid.toLong()
    }
    val districts = allDistrictCodes()
    measure("baseline: hand-written Kotlin check (no library call)", single) {
        for (i in 0 until single) {
            if (handWrittenCheck(niks[i % niks.size], districts)) sink++
        }
    }
    println("(checksum $sink)")
}
