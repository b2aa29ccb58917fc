package id.kotacerdas

import java.io.File
import kotlin.random.Random
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows

/**
 * [NikChecker] (16 ASCII digits cross as a number, through the C entry [NikDirect]) answers
 * exactly as [checkNik] (the text path) for the conformance vectors and 100,000 generated inputs,
 * and from 8 threads at once; the C entry answers exactly as the uniffi export [checkNikNumber].
 */
class NikCheckerTest {
    /** What [checkNik] says, in [NikVerdict]'s terms. */
    private fun expected(nik: String, options: NikOptions?): NikVerdict {
        val check = checkNik(nik, options)
        return NikVerdict(check.valid, check.error?.code, check.warningCodes)
    }

    /** What [nikDetails] says, in [NikParse]'s terms (the verdict's warnings from [checkNik]). */
    private fun expectedParse(nik: String, options: NikOptions?): NikParse {
        val details = try {
            nikDetails(nik, options)
        } catch (e: NikException.Invalid) {
            return NikParse(NikVerdict(false, e.code, emptyList()), null)
        }
        val fields = NikFields(
            kind = details.kind,
            districtCode = details.district?.code,
            nitCountryCode = details.nitCountryCode,
            nitMissionCode = details.nitMissionCode,
            birthDate = details.birthDate,
            centuryInference = details.centuryInference,
            sex = details.sex,
            serial = details.serial,
        )
        return NikParse(expected(nik, options), fields)
    }

    private fun isSixteenAsciiDigits(nik: String) = nik.length == 16 && nik.all { it in '0'..'9' }

    @Test
    fun conformanceVectorsAnswerAsCheckNikAndAsTheVector() {
        val dir = File(System.getProperty("kotacerdas.vectors.dir") ?: "../../conformance/vectors")
        val files = dir.walkTopDown().filter { it.isFile && it.name.startsWith("nik") && it.extension == "json" }.toList()
        assertTrue(files.size >= 5, "NIK vector files under $dir")
        var fast = 0
        var compared = 0
        for (file in files) {
            val suite = Json.parseToJsonElement(file.readText()).jsonObject
            if (suite.getValue("function").jsonPrimitive.content != "nik.parse") continue
            for (case in suite.getValue("cases").jsonArray.map { it.jsonObject }) {
                val input = case.getValue("input").jsonObject
                val options = optionsOf(input) ?: continue // a malformed request: `call`'s concern
                val nik = input.getValue("nik").jsonPrimitive.content
                val id = case.getValue("id").jsonPrimitive.content
                val want = case.getValue("expected").jsonObject
                val checker = try {
                    NikChecker(options)
                } catch (e: NikException.InvalidArgument) {
                    assertEquals(e.code, assertThrows<NikException.InvalidArgument> { checkNik(nik, options) }.code, id)
                    continue
                }
                val verdict = checker.check(nik)
                assertEquals(expected(nik, options), verdict, id)
                assertEquals(expectedParse(nik, options), checker.parse(nik), id)
                // And as the vector says (an `ok` vector may list its warnings).
                val wantCode = want["error"]?.jsonObject?.get("code")?.jsonPrimitive?.content
                if (wantCode == null || wantCode.startsWith("NIK_")) {
                    assertEquals(wantCode, verdict.errorCode, id)
                    want["ok"]?.jsonObject?.get("warnings")?.jsonArray?.let { warnings ->
                        assertEquals(warnings.map { it.jsonPrimitive.content }, verdict.warningCodes, id)
                    }
                }
                compared++
                if (isSixteenAsciiDigits(nik)) fast++
            }
        }
        assertTrue(compared >= 500, "vectors compared: $compared")
        assertTrue(fast >= 450 && fast < compared, "fast path $fast of $compared")
    }

    /** The vector's options, or null when the request itself is malformed (wrong types, unknown keys). */
    private fun optionsOf(input: JsonObject): NikOptions? {
        if (input.keys.any { it !in setOf("nik", "reference_date", "strict", "known_birth_date") }) return null
        val nik = input["nik"] as? JsonPrimitive ?: return null
        if (!nik.isString) return null
        fun date(key: String): String? {
            val value = input[key] ?: return null
            return (value as? JsonPrimitive)?.takeIf { it.isString }?.content
        }
        val strict = input["strict"]?.let { (it as? JsonPrimitive)?.booleanOrNull ?: return null } ?: false
        if (input["reference_date"] != null && date("reference_date") == null) return null
        if (input["known_birth_date"] != null && date("known_birth_date") == null) return null
        return NikOptions(referenceDate = date("reference_date"), strict = strict, knownBirthDate = date("known_birth_date"))
    }

    private val regions = listOf(
        "352701", "352702", "352709", "352711", "352714", "352799", "352700", "357001", "350001",
        "910101", "947101", "990010", "991234", "110101", "000000", "317101", "643101",
    )

    /** A NIK-like input: mostly 16 digits (valid or breaking one rule), else text the core must judge. */
    private fun generated(random: Random): String {
        val day = random.nextInt(0, 75)
        val month = random.nextInt(0, 14)
        val year = random.nextInt(0, 100)
        val serial = if (random.nextInt(20) == 0) 0 else random.nextInt(1, 10_000)
        val digits = regions[random.nextInt(regions.size)] + "%02d%02d%02d%04d".format(day, month, year, serial)
        return when (random.nextInt(20)) {
            0 -> " $digits"
            1 -> "$digits "
            2 -> digits.dropLast(1) // 15 digits
            3 -> digits + random.nextInt(10) // 17 digits
            4 -> digits.substring(0, 6) + "." + digits.substring(6, 12) + "." + digits.substring(12)
            5 -> digits.replaceRange(3, 4, ('\uFF10' + random.nextInt(10)).toString()) // a full-width digit
            6 -> digits.replaceRange(9, 10, ('\u0660' + random.nextInt(10)).toString()) // an Arabic-Indic digit
            7 -> digits.replaceRange(5, 6, "x")
            8 -> if (random.nextBoolean()) "" else "  "
            9 -> random.nextLong(0, 10_000_000_000_000_000).toString().padStart(16, '0') // any 16 digits
            else -> digits
        }
    }

    @Test
    fun hundredThousandGeneratedInputsAnswerAsCheckNik() {
        val random = Random(2026)
        val optionSets = listOf(
            NikOptions(referenceDate = "2026-11-29"),
            NikOptions(referenceDate = "2026-11-29", strict = true),
            NikOptions(referenceDate = "2020-02-29", knownBirthDate = "1990-01-05"),
            null, // today in WIB, on both paths
        )
        val checkers = optionSets.map { NikChecker(it) }
        val numbers = optionSets.map { nikNumberOptions(it) }
        var fast = 0
        val answers = mutableMapOf<NikVerdict, Int>()
        val fieldKinds = mutableSetOf<String>()
        repeat(100_000) { i ->
            val which = i % optionSets.size
            // One in 10 with the known birth date's day, month and year, so that it settles the century.
            val nik = if (which == 2 && i % 10 == 2) {
                regions[random.nextInt(regions.size)] + (if (random.nextBoolean()) "05" else "45") + "0190" + "%04d".format(random.nextInt(1, 10_000))
            } else {
                generated(random)
            }
            val verdict = checkers[which].check(nik)
            assertEquals(expected(nik, optionSets[which]), verdict, "generated input #$i (options #$which)")
            val parsed = checkers[which].parse(nik)
            assertEquals(expectedParse(nik, optionSets[which]), parsed, "generated input #$i (options #$which)")
            parsed.fields?.let { fieldKinds += "${it.kind} ${it.sex} ${it.centuryInference}" }
            if (isSixteenAsciiDigits(nik)) {
                fast++
                // The C entry and the uniffi export give the same raw answer for the same number.
                val o = numbers[which]
                val digits = nik.toLong()
                assertEquals(
                    checkNikNumber(digits.toULong(), o.referenceDate, o.strict, o.knownBirthDate).toInt(),
                    NikDirect.kotacerdas_nik_check_number(digits, o.referenceDate.toInt(), if (o.strict) 1 else 0, o.knownBirthDate.toInt()),
                    "generated input #$i (options #$which)",
                )
            }
            answers.merge(verdict, 1, Int::plus)
        }
        // The mix reaches both paths and every kind of answer, so the comparison means something.
        assertTrue(fast in 50_000..95_000, "fast path: $fast")
        val codes = nikCodes()
        val refusals = answers.keys.mapNotNull { it.errorCode }.toSet()
        assertTrue(refusals.size >= codes.errorCodes.size - 2, "error codes seen: $refusals")
        val warnings = answers.keys.flatMap { it.warningCodes }.toSet()
        assertEquals(codes.warningCodes.toSet(), warnings, "warning codes seen")
        assertTrue(answers.keys.any { it.valid && it.warningCodes.isEmpty() })
        // Both kinds, both sexes and every century inference were parsed and compared.
        assertEquals(2 * 2 * 3, fieldKinds.size, "parsed: $fieldKinds")
    }

    @Test
    fun malformedOptionsThrowOnceAtConstruction() {
        val error = assertThrows<NikException.InvalidArgument> { NikChecker(NikOptions(referenceDate = "29-11-2026")) }
        assertEquals("DATE_INVALID_FORMAT", error.code)
        val known = assertThrows<NikException.InvalidArgument> { NikChecker(NikOptions(knownBirthDate = "1990-02-30")) }
        assertEquals("DATE_NOT_A_CALENDAR_DATE", known.code)
        // The number entry itself refuses what no 16-digit text can give.
        val tooLong = assertThrows<NikException.InvalidArgument> { checkNikNumber(10_000_000_000_000_000uL, 0u, false, 0u) }
        assertEquals("NIK_INVALID_LENGTH", tooLong.code)
    }

    @Test
    fun theCEntryAnswersTheReservedValueWhereTheExportThrows() {
        val valid = 3527014501900001L
        // (nik, referenceDate, knownBirthDate) that no checked options and no 16 digits can give.
        val refused = listOf(
            Triple(10_000_000_000_000_000L, 20261129, 0) to "NIK_INVALID_LENGTH", // 17 digits
            Triple(-1L, 0, 0) to "NIK_INVALID_LENGTH", // u64::MAX: 20 digits
            Triple(valid, 20261331, 0) to "DATE_NOT_A_CALENDAR_DATE", // month 13
            Triple(valid, -1, 0) to null, // u32::MAX: year 429496
            Triple(valid, 20261129, 19900230) to "DATE_NOT_A_CALENDAR_DATE",
        )
        for ((arguments, code) in refused) {
            val (nik, reference, known) = arguments
            assertEquals(NikDirect.ASK_THE_EXPORT, NikDirect.kotacerdas_nik_check_number(nik, reference, 0, known), "$arguments")
            // What the checker then asks: the export throws the typed exception with its code.
            val error = assertThrows<NikException.InvalidArgument> {
                checkNikNumber(nik.toULong(), reference.toUInt(), false, known.toUInt())
            }
            if (code != null) assertEquals(code, error.code, "$arguments")
        }
        assertEquals(0, NikDirect.kotacerdas_nik_check_number(valid, 20261129, 0, 0))
        for ((arguments, _) in refused) {
            val (nik, reference, known) = arguments
            assertEquals(NikDirect.ASK_THE_EXPORT.toLong(), NikDirect.kotacerdas_nik_parse_number(nik, reference, 0, known), "$arguments")
            assertThrows<NikException.InvalidArgument> { parseNikNumber(nik.toULong(), reference.toUInt(), false, known.toUInt()) }
        }
    }

    @Test
    fun theCEntryIsBoundToTheLibraryTheGeneratedCodeLoads() {
        // The generated rule is private to kotacerdas.kt: call it by reflection to compare.
        val generated = Class.forName("id.kotacerdas.KotacerdasKt").getDeclaredMethod("findLibraryName", String::class.java)
        generated.isAccessible = true
        val property = "uniffi.component.kotacerdas.libraryOverride"
        val before = System.getProperty(property)
        try {
            for (value in listOf(null, "/opt/app/lib/libkotacerdas_mobile.so")) {
                if (value == null) System.clearProperty(property) else System.setProperty(property, value)
                assertEquals(generated.invoke(null, "kotacerdas"), NikDirect.libraryName(), "override $value")
            }
        } finally {
            if (before == null) System.clearProperty(property) else System.setProperty(property, before)
        }
    }

    @Test
    fun sixteenAsciiDigitsIsTheOnlyDecision() {
        assertEquals(3527014501900001L, sixteenAsciiDigits("3527014501900001"))
        assertEquals(9_999_999_999_999_999L, sixteenAsciiDigits("9999999999999999"))
        assertEquals(1L, sixteenAsciiDigits("0000000000000001"))
        for (text in listOf("", "352701450190000", "35270145019000011", "3527 01450190001", "352701450190000\uFF11", "352701450190000\u0661", "+527014501900001")) {
            assertEquals(-1L, sixteenAsciiDigits(text), text)
        }
    }

    @Test
    fun eightThreadsHundredThousandFastChecks() {
        val options = NikOptions(referenceDate = "2026-11-29")
        val checker = NikChecker(options)
        val random = Random(7)
        val inputs = List(1_000) {
            var nik: String
            do nik = generated(random) while (!isSixteenAsciiDigits(nik))
            nik
        }
        val want = inputs.map { expected(it, options) }
        assertTrue(want.count { it.valid } in 50..950, "valid inputs: ${want.count { it.valid }}")
        val wantParse = inputs.map { expectedParse(it, options) }
        val mismatches = mismatchesFromEightThreads { t, i ->
            val k = (i * 7 + t * 131) % inputs.size
            if (i % 2 == 0) checker.check(inputs[k]) == want[k] else checker.parse(inputs[k]) == wantParse[k]
        }
        assertEquals(0, mismatches, "checks with an unexpected answer")
    }
}
