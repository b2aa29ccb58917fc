package id.kotacerdas

// Hand-written, shipped with the generated bindings (kotacerdas.kt): the fast single NIK check.
// A thin translation like the generated code: every rule stays in the Rust core.

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
 * Checks single NIKs with fixed [options]: the fastest single call. Input of exactly 16 ASCII
 * digits crosses the FFI as one number and comes back as one number (no buffer, no object);
 * any other text (separators, spaces, other lengths, non-ASCII digits) is passed to [checkNik]
 * unchanged, so the core judges every input exactly as [checkNik] does.
 *
 * Immutable and safe to share between threads: create one per set of options and reuse it.
 *
 * @throws NikException.InvalidArgument when a date in [options] is malformed, as [checkNik]
 *   would (checked once, here).
 */
class NikChecker(val options: NikOptions? = null) {
    private val number = nikNumberOptions(options)

    /** Checks [nik]; a refused number is a result, not an exception. */
    fun check(nik: String): NikVerdict {
        // Not a NIK rule, only the choice of transport: 16 ASCII digits fit a ULong.
        if (nik.length == 16 && nik.all { it in '0'..'9' }) {
            val answer = checkNikNumber(
                nik.toULong(),
                number.referenceDate,
                number.strict,
                number.knownBirthDate,
            )
            return NikAnswers.verdict(answer)
        }
        val result = checkNik(nik, options)
        return NikVerdict(result.valid, result.error?.code, result.warningCodes)
    }
}

/**
 * Decodes [checkNikNumber]'s answer with the core's code tables ([nikCodes], fetched once):
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

    fun verdict(answer: UInt): NikVerdict {
        val error = (answer and 0xFFu).toInt()
        return if (error == 0) accepted[((answer shr 8) and 0xFFu).toInt()] else refused[error - 1]
    }
}
