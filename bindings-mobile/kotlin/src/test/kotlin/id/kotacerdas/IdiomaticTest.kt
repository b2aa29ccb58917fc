package id.kotacerdas

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNotEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

/** The bindings as a Kotlin developer uses them: data classes, enums, nullability, exceptions. */
class IdiomaticTest {
    private val fixed = NikOptions(referenceDate = "2026-11-29")

    @Test
    fun nikParsesIntoAnObjectWhoseToStringIsMasked() {
        val nik = Nik.parse("3527 01 450190 0001", fixed)
        assertEquals("352701**********", nik.toString())
        assertFalse(nik.toString().contains("0001"))
        assertEquals("3527014501900001", nik.reveal())
        val details = nik.details()
        assertEquals(NikKind.NIK, details.kind)
        assertEquals(Sex.FEMALE, details.sex)
        assertEquals("1990-01-05", details.birthDate)
        assertEquals("Sreseh", details.district?.name)
        assertEquals(CenturyInference.PREVIOUS, details.centuryInference)
        assertTrue(details.warnings.isEmpty())
        // Data classes compare by value; the details hold no whole NIK.
        assertEquals(details, Nik.parse("3527014501900001", fixed).details())
        assertFalse(details.toString().contains("3527014501900001"))
        // Eq and Hash come from Rust.
        assertEquals(nik, Nik.parse("3527014501900001", fixed))
        assertEquals(nik.hashCode(), Nik.parse("3527014501900001", fixed).hashCode())
        assertNotEquals(nik, Nik.parse("3527014501900002", fixed))
    }

    @Test
    fun nitHasNoRegionsButCountryAndMission() {
        val details = Nik.parse("9912345501900001", fixed).details()
        assertEquals(NikKind.NIT, details.kind)
        assertNull(details.province)
        assertNull(details.district)
        assertEquals("123", details.nitCountryCode)
        assertEquals("4", details.nitMissionCode)
    }

    @Test
    fun exceptionsCarryCodeFieldsAndBothMessages() {
        val e = assertThrows(NikException.Invalid::class.java) { Nik.parse("1234", fixed) }
        assertEquals("NIK_INVALID_LENGTH", e.code)
        assertEquals(mapOf("found" to "4"), e.fields)
        assertEquals("NIK harus 16 digit, ditemukan 4 digit", e.messageId)
        assertEquals("A NIK has 16 digits, found 4", e.messageEn)
        // Indonesian first, as everywhere in the SDK; never the input itself.
        assertEquals("NIK_INVALID_LENGTH: NIK harus 16 digit, ditemukan 4 digit", e.toString())
        // Every domain exception is a plain Kotlin exception: catchable as NikException or Exception.
        val caught: Exception = assertThrows(NikException::class.java) { Nik.parse("", fixed) }
        assertEquals("NIK_EMPTY", (caught as NikException.Invalid).code)

        val option = assertThrows(NikException.InvalidArgument::class.java) {
            Nik.parse("3527014501900001", NikOptions(referenceDate = "29/11/2026"))
        }
        assertEquals("DATE_INVALID_FORMAT", option.code)
        val key = assertThrows(NikException.InvalidArgument::class.java) {
            Nik.parse("3527014501900001", fixed).pseudonym(ByteArray(4))
        }
        assertEquals("PSEUDONYM_KEY_TOO_SHORT", key.code)
    }

    @Test
    fun pseudonymIsStableHex() {
        val key = ByteArray(32) { it.toByte() }
        val a = Nik.parse("3527014501900001", fixed).pseudonym(key)
        assertEquals(64, a.length)
        assertEquals(a, Nik.parse("3527.01.450190.0001", fixed).pseudonym(key))
    }

    @Test
    fun otherIdentifiers() {
        val kk = parseKk("3527010101200001", KkOptions(referenceDate = "2026-11-29"))
        assertEquals("352701**********", kk.masked)
        assertEquals("Sreseh", kk.district.name)
        assertEquals("KK_INVALID_LENGTH", assertThrows(KkException.Invalid::class.java) { parseKk("1") }.code)

        val nop = parseNop("352701000100100010")
        assertEquals("35.27.010.001.001-0001.0", nop.formatted)
        assertEquals("Kabupaten Sampang", nop.regencyName)
        assertTrue(nop.warnings.any { it.code == "NOP_REFERENCE_UNVERIFIED" })
        assertEquals("NOP_ZERO_AREA", assertThrows(NopException.Invalid::class.java) { parseNop("352700000000000000") }.code)

        val personal = parseNpwp("3527014501900001", "2026-11-29")
        assertEquals(NpwpForm.NIK16, personal.form)
        assertTrue(personal.personal)
        assertEquals("352701**********", personal.npwp16)
        assertNull(personal.nitku)
        assertEquals("NPWP_INVALID_LENGTH", assertThrows(NpwpException.Invalid::class.java) { parseNpwp("12") }.code)

        assertEquals("1234567890123", parseNib("1234567890123"))
        assertEquals("NIB_INVALID_LENGTH", assertThrows(NibException.Invalid::class.java) { parseNib("1") }.code)

        val phone = normalizePhone("0812-3456-7890")
        assertEquals("+6281234567890", phone.e164)
        assertEquals("081234567890", phone.national)
        assertEquals("PHONE_NOT_MOBILE", assertThrows(PhoneException.Invalid::class.java) { normalizePhone("031 1234567") }.code)
    }

    @Test
    fun regions() {
        val sampang = regionLookup("3527")
        assertEquals("Kabupaten Sampang", sampang.name)
        assertEquals(RegionLevel.REGENCY, sampang.level)
        assertEquals("35", sampang.parent)
        assertNull(sampang.retired)
        assertEquals(14, regionChildren("35.27").size)
        assertEquals("Sokobanah", regionLookup("352711").name)
        val hits = regionSearch("karang penang")
        assertEquals(MatchKind.EXACT, hits.first().matched)
        assertEquals(3, regionSearch("a", limit = 3u).size)
        assertTrue(regionDecree().name.startsWith("Kepmendagri"))
        assertEquals("REGION_NOT_FOUND", assertThrows(RegionException.NotFound::class.java) { regionLookup("35.99") }.code)
        assertEquals("REGION_INVALID_CODE", assertThrows(RegionException.Invalid::class.java) { regionLookup("3") }.code)
    }

    @Test
    fun batchIsOneCrossingWithCompactResults() {
        val result = validateNikLines("3527014501900001\n1234\n\n3527004501900001\n", fixed)
        assertEquals(4uL, result.total)
        assertEquals(1uL, result.valid)
        assertEquals(3uL, result.invalid)
        val codes = result.errors.map { if (it.toInt() == 0) "OK" else result.errorCodes[it.toInt() - 1] }
        assertEquals(listOf("OK", "NIK_INVALID_LENGTH", "NIK_EMPTY", "NIK_INVALID_DISTRICT"), codes)
        assertEquals(mapOf("NIK_INVALID_LENGTH" to 1uL, "NIK_EMPTY" to 1uL, "NIK_INVALID_DISTRICT" to 1uL), result.errorCounts)
        val list = validateNiks(listOf("3527014501900001", "1234", "", "3527004501900001"), fixed)
        assertTrue(list.errors.contentEquals(result.errors))
        assertEquals(result.errorCounts, list.errorCounts)
        assertThrows(NikException.InvalidArgument::class.java) { validateNiks(listOf(), NikOptions(referenceDate = "x")) }
    }

    @Test
    fun genericCallListsItsFunctions() {
        assertTrue(functions().containsAll(listOf("nik.parse", "region.lookup", "region.search")))
        assertEquals("CALL_UNKNOWN_FUNCTION", assertThrows(CallException.UnknownFunction::class.java) { call("nik.nope", "{}") }.code)
        assertEquals("CALL_INVALID_INPUT", assertThrows(CallException.InvalidInput::class.java) { call("nik.parse", "{") }.code)
    }

    @Test
    fun checkNikIsOneCallWithTheRefusalAsAResult() {
        val ok = checkNik("3527 01 450190 0001", fixed)
        assertEquals(NikCheck(valid = true, error = null, masked = "352701**********", warningCodes = emptyList()), ok)
        val refused = checkNik("1234", fixed)
        assertEquals(false, refused.valid)
        assertEquals("NIK_INVALID_LENGTH", refused.error?.code)
        assertEquals(mapOf("found" to "4"), refused.error?.fields)
        assertEquals(null, refused.masked)
        assertEquals("NIK_EMPTY", checkNik("", fixed).error?.code)
        assertEquals("DATE_INVALID_FORMAT", assertThrows(NikException.InvalidArgument::class.java) {
            checkNik("3527014501900001", NikOptions(referenceDate = "kemarin"))
        }.code)
        val viaObject = Nik.parse("3527014501900001", fixed).use { it.details() }
        assertEquals(viaObject, nikDetails("3527014501900001", fixed))
    }
}
