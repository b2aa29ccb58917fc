package id.kotacerdas

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** Empty, huge and malformed inputs end in a typed exception with a code, never a crash. */
class HostileInputTest {
    private val huge = "9".repeat(1_000_000)
    private val hugeText = "x".repeat(1_000_000)

    private inline fun <reified E : Exception> code(block: () -> Unit, code: (E) -> String): String {
        try {
            block()
        } catch (e: Exception) {
            if (e is E) return code(e)
            throw AssertionError("expected ${E::class.simpleName}, got $e", e)
        }
        throw AssertionError("expected ${E::class.simpleName}, got a result")
    }

    @Test
    fun emptyInputs() {
        assertEquals("NIK_EMPTY", code<NikException.Invalid>({ Nik.parse("") }) { it.code })
        assertEquals("KK_EMPTY", code<KkException.Invalid>({ parseKk("   ") }) { it.code })
        assertEquals("NOP_EMPTY", code<NopException.Invalid>({ parseNop("") }) { it.code })
        assertEquals("NPWP_EMPTY", code<NpwpException.Invalid>({ parseNpwp("") }) { it.code })
        assertEquals("NIB_EMPTY", code<NibException.Invalid>({ parseNib("") }) { it.code })
        assertEquals("PHONE_EMPTY", code<PhoneException.Invalid>({ normalizePhone("") }) { it.code })
        assertEquals("REGION_INVALID_CODE", code<RegionException.Invalid>({ regionLookup("") }) { it.code })
        assertTrue(regionSearch("").isEmpty())
        assertEquals("CALL_INVALID_INPUT", code<CallException.InvalidInput>({ call("nik.parse", "") }) { it.code })
        assertEquals("CALL_UNKNOWN_FUNCTION", code<CallException.UnknownFunction>({ call("", "{}") }) { it.code })
        assertEquals(0uL, validateNikLines("").total)
    }

    @Test
    fun megabyteStrings() {
        assertEquals("NIK_INVALID_LENGTH", code<NikException.Invalid>({ Nik.parse(huge) }) { it.code })
        assertEquals("NIK_INVALID_CHARACTER", code<NikException.Invalid>({ Nik.parse(hugeText) }) { it.code })
        assertEquals("KK_INVALID_LENGTH", code<KkException.Invalid>({ parseKk(huge) }) { it.code })
        assertEquals("NOP_INVALID_LENGTH", code<NopException.Invalid>({ parseNop(huge) }) { it.code })
        assertEquals("NPWP_INVALID_LENGTH", code<NpwpException.Invalid>({ parseNpwp(huge) }) { it.code })
        assertEquals("NIB_INVALID_LENGTH", code<NibException.Invalid>({ parseNib(huge) }) { it.code })
    }

    @Test
    fun megabytePhoneAndRegionAndCall() {
        assertEquals("PHONE_INVALID_PREFIX", code<PhoneException.Invalid>({ normalizePhone(huge) }) { it.code })
        assertEquals("REGION_INVALID_CODE", code<RegionException.Invalid>({ regionLookup(huge) }) { it.code })
        assertTrue(regionSearch(hugeText).isEmpty())
        assertEquals("CALL_INVALID_INPUT", code<CallException.InvalidInput>({ call("nik.parse", hugeText) }) { it.code })
        assertEquals("CALL_UNKNOWN_FUNCTION", code<CallException.UnknownFunction>({ call(hugeText, "{}") }) { it.code })
        val batch = validateNikLines(huge)
        assertEquals(1uL, batch.total)
        assertEquals(1uL, batch.errorCounts["NIK_INVALID_LENGTH"])
    }

    @Test
    fun invalidValuesAndOddCharacters() {
        assertEquals("NIK_NON_ASCII_DIGIT", code<NikException.Invalid>({ Nik.parse("３５２７０１４５０１９０００１") }) { it.code })
        assertEquals("NIK_INVALID_CHARACTER", code<NikException.Invalid>({ Nik.parse("3527\u0000014501900001") }) { it.code })
        assertEquals("NIK_INVALID_CHARACTER", code<NikException.Invalid>({ Nik.parse("\uD83D\uDE00") }) { it.code })
        assertEquals("NIK_INVALID_DAY", code<NikException.Invalid>({ Nik.parse("3527018101900001") }) { it.code })
        assertEquals("DATE_NOT_A_CALENDAR_DATE", code<NikException.InvalidArgument>({ Nik.parse("3527014501900001", NikOptions(referenceDate = "2026-02-30")) }) { it.code })
        assertEquals("DATE_INVALID_FORMAT", code<KkException.InvalidArgument>({ parseKk("3527010101200001", KkOptions(referenceDate = "")) }) { it.code })
        assertEquals("SISMIOP_TABLE_NOT_A_REGENCY", code<NopException.InvalidArgument>({
            parseNop("352701000100100010", NopOptions(reference = SismiopReference("35", true, "")))
        }) { it.code })
        assertEquals("CALL_INVALID_INPUT", code<CallException.InvalidInput>({ call("nik.parse", "[1,2,3]") }) { it.code })
        assertEquals("CALL_INVALID_INPUT", code<CallException.InvalidInput>({ call("nik.parse", "{\"nik\": 5}") }) { it.code })
        assertEquals("CALL_INVALID_INPUT", code<CallException.InvalidInput>({ call("nik.parse", "[".repeat(100_000)) }) { it.code })
    }

    @Test
    fun nikCheckerAnswersEveryHostileInput() {
        // Refusals are results here, not exceptions: the code is in the verdict.
        val checker = NikChecker(NikOptions(referenceDate = "2026-11-29"))
        val inputs = mapOf(
            "" to "NIK_EMPTY",
            huge to "NIK_INVALID_LENGTH",
            hugeText to "NIK_INVALID_CHARACTER",
            "３５２７０１４５０１９０００１" to "NIK_NON_ASCII_DIGIT",
            "3527\u0000014501900001" to "NIK_INVALID_CHARACTER",
            "\uD83D\uDE00" to "NIK_INVALID_CHARACTER",
            "3527018101900001" to "NIK_INVALID_DAY",
            "9999999999999999" to "NIK_INVALID_DAY",
            "0000000000000000" to "NIK_UNKNOWN_PROVINCE",
        )
        for ((input, code) in inputs) {
            assertEquals(code, checker.check(input).errorCode, input.take(20))
            val parsed = checker.parse(input)
            assertEquals(code, parsed.verdict.errorCode, input.take(20))
            assertEquals(null, parsed.fields, input.take(20))
        }
        assertEquals("DATE_NOT_A_CALENDAR_DATE", code<NikException.InvalidArgument>({ NikChecker(NikOptions(referenceDate = "2026-02-30")) }) { it.code })
    }
}
