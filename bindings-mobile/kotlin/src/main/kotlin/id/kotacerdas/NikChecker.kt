package id.kotacerdas

// Hand-written, shipped with the generated bindings (kotacerdas.kt): the fast single NIK check
// and parse.
// A thin translation like the generated code: every rule stays in the Rust core.

import com.sun.jna.Native
import java.time.LocalDate

/**
 * The answer of [NikChecker.check]: the same `valid`, error code and warning codes as
 * [checkNik] gives for the same input and options. The messages, fields and masked number are
 * not included; call [checkNik] for them (e.g. to show why a number was refused).
 */
data class NikVerdict(
    /** The NIK passed every rule (possibly with warnings). */
    val valid: Boolean,
    /** Why it was refused (`NIK_*`, as in `docs/errors.md`); `null` when valid. */
    val errorCode: String?,
    /** Codes of the warnings about an accepted number (`NIK_RETIRED_DISTRICT`, ...). */
    val warningCodes: List<String>,
)

/**
 * The fields of an accepted NIK ([NikChecker.parse]): what [nikDetails] gives but the region
 * names, the masked form and the warnings' messages. Birth date, sex and region still identify a
 * person: treat it as personal data, like [NikDetails].
 */
data class NikFields(
    /** NIK or NIT. */
    val kind: NikKind,
    /**
     * District of first registration, dotted (`35.27.01`); `null` for a NIT. Its name and those
     * of its regency and province: [regionLookup] (`35.27.01`, `35.27`, `35`).
     */
    val districtCode: String?,
    /** NIT only: 3-digit country code. */
    val nitCountryCode: String?,
    /** NIT only: 1-digit mission code. */
    val nitMissionCode: String?,
    /** Birth date, `YYYY-MM-DD`. */
    val birthDate: String,
    /** How its century was chosen. */
    val centuryInference: CenturyInference,
    /** Sex as encoded. */
    val sex: Sex,
    /** Serial, 4 digits. */
    val serial: String,
)

/** The answer of [NikChecker.parse]: the verdict, and the fields when the NIK is accepted. */
data class NikParse(
    /** The same as [NikChecker.check] gives. */
    val verdict: NikVerdict,
    /** The parsed fields; `null` when refused. */
    val fields: NikFields?,
)

/**
 * Checks single NIKs with fixed [options]: the fastest single call. Input of exactly 16 ASCII
 * digits crosses the FFI as one number and comes back as one number, through a C entry point of
 * the library bound with JNA direct mapping (no buffer, no object, no call status: nothing is
 * allocated per call); any other text (separators, spaces, other lengths, non-ASCII digits) is
 * passed to [checkNik] unchanged, so the core judges every input exactly as [checkNik] does.
 * [parse] does the same with the fields of [nikDetails] (through [nikDetails] for other text).
 *
 * Immutable and safe to share between threads: create one per set of options and reuse it.
 *
 * @throws NikException.InvalidArgument when a date in [options] is malformed, as [checkNik]
 *   would (checked once, here).
 */
class NikChecker(val options: NikOptions? = null) {
    private val number = nikNumberOptions(options)

    // The options as the C entry's arguments, converted once.
    private val referenceDate = number.referenceDate.toInt()
    private val strict: Byte = if (number.strict) 1 else 0
    private val knownBirthDate = number.knownBirthDate.toInt()

    /** Checks [nik]; a refused number is a result, not an exception. */
    fun check(nik: String): NikVerdict {
        val digits = sixteenAsciiDigits(nik)
        if (digits >= 0) {
            val answer = NikDirect.kotacerdas_nik_check_number(digits, referenceDate, strict, knownBirthDate)
            if (answer != NikDirect.ASK_THE_EXPORT) return NikAnswers.verdict(answer)
            // Arguments the entry refuses, or a bug in the library: the uniffi export with the
            // same arguments throws the typed exception (with code and messages) or answers.
            return NikAnswers.verdict(checkNikNumber(digits.toULong(), number.referenceDate, number.strict, number.knownBirthDate).toInt())
        }
        val result = checkNik(nik, options)
        return NikVerdict(result.valid, result.error?.code, result.warningCodes)
    }

    /**
     * Parses [nik]: the verdict of [check] and, when accepted, the fields of [nikDetails] (but
     * names and messages), in one crossing for 16 ASCII digits; a refused number is a result.
     */
    fun parse(nik: String): NikParse {
        val digits = sixteenAsciiDigits(nik)
        if (digits >= 0) {
            val answer = NikDirect.kotacerdas_nik_parse_number(digits, referenceDate, strict, knownBirthDate)
            if (answer != NikDirect.ASK_THE_EXPORT.toLong()) return NikAnswers.parse(answer)
            return NikAnswers.parse(parseNikNumber(digits.toULong(), number.referenceDate, number.strict, number.knownBirthDate).toLong())
        }
        val details = try {
            nikDetails(nik, options)
        } catch (e: NikException.Invalid) {
            return NikParse(NikVerdict(false, e.code, emptyList()), null)
        }
        val fields = NikFields(
            details.kind, details.district?.code, details.nitCountryCode, details.nitMissionCode,
            details.birthDate, details.centuryInference, details.sex, details.serial,
        )
        return NikParse(NikVerdict(true, null, details.warnings.map { it.code }), fields)
    }
}

/**
 * The number that 16 ASCII digits spell, or -1 for any other text. Not a NIK rule, only the
 * choice of transport: such text fits a `Long` and the core reads it back as the same digits.
 */
internal fun sixteenAsciiDigits(text: String): Long {
    if (text.length != 16) return -1
    var number = 0L
    for (c in text) {
        if (c !in '0'..'9') return -1
        number = number * 10 + (c - '0')
    }
    return number
}

/**
 * The library's C entry points for this file (`bindings-mobile/src/direct.rs`): an internal ABI
 * of the wrapper, not API. Bound with JNA direct mapping, as the generated `UniffiLib` is, to
 * the library the generated code loads; only primitives cross (`Long`/`Int`/`Byte`: Kotlin's
 * unsigned types would mangle the JVM names), so a call allocates nothing.
 */
internal object NikDirect {
    /** The generated `findLibraryName("kotacerdas")` rule, which is private there (a test checks they agree). */
    internal fun libraryName(): String =
        System.getProperty("uniffi.component.kotacerdas.libraryOverride") ?: "kotacerdas_mobile"

    /** `NIK_CHECK_RETRY_TYPED` (u32::MAX): ask the uniffi export, which throws the typed error. */
    const val ASK_THE_EXPORT: Int = -1

    init {
        // The generated code's own checks first (contract version, checksums of the exports).
        uniffiEnsureInitialized()
        Native.register(NikDirect::class.java, libraryName())
    }

    /** `check_nik_number` of the uniffi facade, same arguments and answer as a `u32`. */
    @JvmStatic
    external fun kotacerdas_nik_check_number(nik: Long, referenceDate: Int, strict: Byte, knownBirthDate: Int): Int

    /** `parse_nik_number` of the uniffi facade, same arguments and answer as a `u64` (-1 = u64::MAX: ask it). */
    @JvmStatic
    external fun kotacerdas_nik_parse_number(nik: Long, referenceDate: Int, strict: Byte, knownBirthDate: Int): Long
}

/**
 * Decodes the answer of [checkNikNumber] and its C twin with the core's code tables ([nikCodes], fetched once):
 * low byte 0 = accepted, else error index + 1; second byte = one bit per warning. Every
 * possible verdict is built once, so a check allocates nothing here.
 */
private object NikAnswers {
    private val codes = nikCodes()
    private val refused = Array(codes.errorCodes.size) { NikVerdict(false, codes.errorCodes[it], emptyList()) }

    // The core sends warnings as one byte of bits: at most 8 codes, 256 combinations.
    private val accepted = Array(1 shl codes.warningCodes.size) { bits ->
        NikVerdict(true, null, codes.warningCodes.filterIndexed { i, _ -> bits and (1 shl i) != 0 })
    }

    fun verdict(answer: Int): NikVerdict {
        val error = answer and 0xFF
        return if (error == 0) accepted[(answer shr 8) and 0xFF] else refused[error - 1]
    }

    /** The first day of `parse_nik_number`'s day count. */
    private val dayZero = LocalDate.of(1800, 1, 1)

    /** Unpacks [parseNikNumber]'s answer (layout in its documentation, `src/ids.rs`). */
    fun parse(answer: Long): NikParse {
        fun field(shift: Int, bits: Int): Int = ((answer ushr shift) and ((1L shl bits) - 1)).toInt()
        if (field(0, 1) == 1) return NikParse(refused[field(1, 8)], null)
        val region = field(44, 20)
        val nit = field(4, 1) == 1
        val fields = NikFields(
            kind = if (nit) NikKind.NIT else NikKind.NIK,
            districtCode = if (nit) null else dotted(region),
            nitCountryCode = if (nit) text(CharArray(3)) { put(it, 0, region / 10 % 1000, 3) } else null,
            nitMissionCode = if (nit) text(CharArray(1)) { put(it, 0, region % 10, 1) } else null,
            birthDate = isoDate(dayZero.plusDays(field(8, 22).toLong())),
            centuryInference = when (field(6, 2)) {
                0 -> CenturyInference.CURRENT
                1 -> CenturyInference.PREVIOUS
                else -> CenturyInference.FROM_KNOWN_DATE
            },
            sex = if (field(5, 1) == 1) Sex.FEMALE else Sex.MALE,
            serial = text(CharArray(4)) { put(it, 0, field(30, 14), 4) },
        )
        return NikParse(accepted[field(1, 3)], fields)
    }

    // The strings are written into char arrays: a parse makes its result and little else.

    /** Writes [value] as [width] decimal digits (leading zeros) into [out] at [at]. */
    private fun put(out: CharArray, at: Int, value: Int, width: Int) {
        var rest = value
        for (i in at + width - 1 downTo at) {
            out[i] = '0' + rest % 10
            rest /= 10
        }
    }

    private inline fun text(chars: CharArray, fill: (CharArray) -> Unit): String {
        fill(chars)
        return String(chars)
    }

    /** `352701` as the core prints a district code: `35.27.01`. */
    private fun dotted(code: Int) = text("00.00.00".toCharArray()) {
        put(it, 0, code / 10_000, 2)
        put(it, 3, code / 100 % 100, 2)
        put(it, 6, code % 100, 2)
    }

    /** `YYYY-MM-DD` (the core's years are 1800-9999: always four digits). */
    private fun isoDate(date: LocalDate) = text("0000-00-00".toCharArray()) {
        put(it, 0, date.year, 4)
        put(it, 5, date.monthValue, 2)
        put(it, 8, date.dayOfMonth, 2)
    }

}
