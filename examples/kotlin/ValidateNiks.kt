// Example: a JVM program (an officer tool or a back-end job) that checks a CSV's NIK column with
// the kotacerdas Kotlin bindings — one batch call for the whole column — and prints a summary
// by stable error code. Refused rows are listed by line with the NIK masked: a NIK is personal
// data (UU 27/2022), never print it whole.
//
//   kotlinc … ValidateNiks.kt   (or add it to a project that depends on id.kotacerdas)
//   java … id.kotacerdas.examples.ValidateNiksKt registrations.csv [nik-column] [YYYY-MM-DD]
package id.kotacerdas.examples

import id.kotacerdas.NikOptions
import id.kotacerdas.validateNiks
import java.io.File
import kotlin.system.exitProcess

/** Runs the check and returns the exit status: 0 all valid, 1 some refused, 2 usage error. */
fun validateCsv(args: List<String>, out: Appendable = System.out): Int {
    val file = args.getOrNull(0) ?: return 2.also { System.err.println("usage: ValidateNiks FILE.csv [column] [date]") }
    val column = args.getOrElse(1) { "nik" }
    // A plain CSV without quoted commas, as registration exports are; use a CSV library otherwise.
    val lines = File(file).readLines().filter { it.isNotEmpty() }
    val index = lines.first().split(',').indexOf(column)
    if (index < 0) return 2.also { System.err.println("no column \"$column\" in $file") }
    val niks = lines.drop(1).map { it.split(',').getOrElse(index) { "" } }

    val batch = validateNiks(niks, NikOptions(referenceDate = args.getOrNull(2)))
    out.appendLine("${batch.total} rows: ${batch.valid} valid, ${batch.invalid} refused")
    batch.errorCounts.toSortedMap().forEach { (code, count) -> out.appendLine("  $code: $count") }
    batch.errors.forEachIndexed { i, error ->
        if (error.toInt() != 0) {
            val masked = niks[i].trim().take(6).padEnd(16, '*')
            out.appendLine("line ${i + 2}: ${batch.errorCodes[error.toInt() - 1]} ($masked)")
        }
    }
    return if (batch.invalid == 0UL) 0 else 1
}

fun main(args: Array<String>) {
    exitProcess(validateCsv(args.toList()))
}
