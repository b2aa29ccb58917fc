package id.kotacerdas

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotNull
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The typed tax and complaint functions (the same rules `call` reaches by name). */
class TaxComplaintTest {
    @Test
    fun taxAmountWithBreakdown() {
        assertTrue(taxKinds().containsAll(listOf("pbb_p2", "bphtb", "mblb")))
        // PP 35/2023 Penjelasan Pasal 107(4): MBLB with the province's opsen.
        val result = calculateTax("mblb", """{"date": "2025-03-31", "value": 500000000}""")
        assertEquals(125_000_000L, result.amount)
        assertEquals("125000000", result.exactAmount)
        assertEquals("35.27-2025", result.ruleSet)
        assertTrue(result.breakdown.any { it.kind == StepKind.COMPONENT && it.component != null })
        assertEquals(result.components.map { it.code }, result.breakdown.mapNotNull { it.component })
        assertTrue(result.breakdown.all { it.labelId.isNotEmpty() && it.legalReference.isNotEmpty() })
        assertEquals("TAX_UNKNOWN_KIND", assertThrows(TaxException.Invalid::class.java) { calculateTax("pajak_langit", "{}") }.code)
        assertEquals("TAX_INVALID_INPUT", assertThrows(TaxException.InvalidArgument::class.java) { calculateTax("mblb", "x".repeat(1_000_000)) }.code)
    }

    @Test
    fun complaintDraftValidation() {
        val now = "2026-11-29T10:00:00+07:00"
        val valid = validateComplaint(
            """{"kind": "pengaduan", "category": "INFRA.JALAN", "title": "Jalan berlubang",
               "description": "Lubang besar di depan sekolah, sudah dua minggu.",
               "location": {"lat": -7.19, "lon": 113.24, "accuracy_m": 12},
               "attachments": [{"media_type": "image/jpeg", "size_bytes": 350000}],
               "reporter": {"phone": "0812-3456-7890"},
               "idempotency_key": "8f14e45f-ceea-467f-a8f5-2d8b1b5c0a11", "created_at": "2026-11-29T08:15:00+07:00"}""",
            now,
        )
        assertTrue(valid.valid, valid.problems.toString())
        assertNotNull(valid.reportJson)
        assertTrue(valid.reportJson!!.contains("+6281234567890"))

        val outside = validateComplaint(
            """{"kind": "pengaduan", "category": "LINGK.SAMPAH", "title": "Sampah", "description": "Sampah menumpuk tiga hari.",
               "location": {"lat": -7.25, "lon": 112.75, "accuracy_m": 10}, "anonymous": true,
               "idempotency_key": "abcdef123456", "created_at": "2026-11-29T08:15:00+07:00"}""",
            now,
        )
        assertFalse(outside.valid)
        assertNull(outside.reportJson)
        assertEquals(listOf("location" to "COMPLAINT_LOCATION_OUTSIDE_REGION"), outside.problems.map { it.field to it.code })
        assertTrue(outside.problems.single().messageId.isNotEmpty())

        assertFalse(validateComplaint("", now).valid)
        assertFalse(validateComplaint("{".repeat(100_000), now).valid)
        assertThrows(ComplaintException.InvalidArgument::class.java) { validateComplaint("{}", "kemarin") }
    }
}
