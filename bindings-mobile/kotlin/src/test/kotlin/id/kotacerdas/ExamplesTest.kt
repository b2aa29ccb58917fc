package id.kotacerdas

import id.kotacerdas.examples.validateCsv
import java.io.File
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Runs examples/kotlin/ValidateNiks.kt on the repository's synthetic CSV, as a user would. */
class ExamplesTest {
    private val csv = File("../../examples/data/registrations.csv").absolutePath

    @Test
    fun validateNiksExampleSummarisesByCodeAndMasks() {
        val out = StringBuilder()
        val status = validateCsv(listOf(csv, "nik", "2026-11-29"), out)
        val lines = out.lines()
        assertEquals(1, status, out.toString())
        assertEquals("6 rows: 3 valid, 3 refused", lines[0])
        assertTrue("  NIK_INVALID_MONTH: 1" in lines, out.toString())
        assertTrue("line 5: NIK_INVALID_LENGTH (352701**********)" in lines, out.toString())
        assertFalse(out.contains("3527014513900004"), "a whole NIK was printed")
    }

    @Test
    fun validateNiksExampleRefusesAMissingColumn() {
        assertEquals(2, validateCsv(listOf(csv, "no_such_column")))
    }
}
