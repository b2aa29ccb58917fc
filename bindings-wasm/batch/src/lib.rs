//! The NIK batch loop of the npm package `kotacerdas` (`validateNiks`): many NIKs into two byte
//! columns and a [`NikSummary`], with the core's [`Nik::parse_with`] for every item.
//!
//! Why a crate of its own: the package is built with `opt-level = "z"` (size), and rustc sets the
//! optimisation level per crate. Code inlined from the core (`Nik::parse_with` and what it
//! calls) is compiled in the crate that calls it, so this crate alone gets `opt-level = 3`
//! (`[profile.release-size.package.kotacerdas-wasm-batch]` in the workspace `Cargo.toml`): the
//! loop went from 72 to 47 ns per NIK in Node for 3 KB of code (0.9 KB gzipped), where the
//! whole facade at `opt-level = 3` cost 12 KB gzipped. No rule lives here; the wasm-bindgen
//! side (reading the JS argument, building the result object) stays in `kotacerdas-wasm`.

use kotacerdas_core::id::nik::{self, Nik, NikError, NikOptions, NikSummary};

/// The result columns of a batch: per item, `error` is 0 when valid, else 1 + the error's
/// ordinal ([`NikError::CODES`]); bit i of `warning` is set when warning i applies
/// ([`nik::NikWarning::CODES`]).
#[derive(Debug, Default)]
pub struct Columns {
    summary: NikSummary,
    /// Items written; the vectors are longer (zeroed room for more).
    len: usize,
    error: Vec<u8>,
    warning: Vec<u8>,
}

impl Columns {
    /// Empty columns with room for `capacity` items.
    pub fn with_capacity(capacity: usize) -> Columns {
        let mut columns = Columns::default();
        columns.reserve(capacity);
        columns
    }

    /// Counts by outcome and code.
    pub fn summary(&self) -> &NikSummary {
        &self.summary
    }

    /// Per item: 0 when valid, else 1 + the index of its code in [`NikError::CODES`].
    pub fn error(&self) -> &[u8] {
        self.error.get(..self.len).unwrap_or_default()
    }

    /// Per item: bit i is set when warning [`nik::NikWarning::CODES`]`[i]` applies.
    pub fn warning(&self) -> &[u8] {
        self.warning.get(..self.len).unwrap_or_default()
    }

    /// Validates one NIK per line of `buffer`, as [`nik::lines`] splits it (`\r\n` accepted; a
    /// final newline adds no item).
    pub fn validate_lines(&mut self, buffer: &str, options: &NikOptions) {
        // A NIK line is usually 17 bytes.
        self.reserve(buffer.len() / 17 + 1);
        for line in nik::lines(buffer) {
            self.push(Nik::parse_with(line, options));
        }
    }

    /// Validates the items of `joined`, separated by `\n` only (the items of a JS array joined
    /// by the caller: an item's own `\r` stays part of it).
    pub fn validate_joined(&mut self, joined: &str, options: &NikOptions) {
        self.reserve(joined.len() / 17 + 1);
        for item in joined.split('\n') {
            self.push(Nik::parse_with(item, options));
        }
    }

    /// Validates one item.
    pub fn validate(&mut self, item: &str, options: &NikOptions) {
        self.push(Nik::parse_with(item, options));
    }

    fn reserve(&mut self, additional: usize) {
        let room = self.len + additional;
        self.error.resize(room, 0);
        self.warning.resize(room, 0);
    }

    /// Written in place: `Vec::push` is a call per item in a size-optimised build, an indexed
    /// store is not.
    #[inline(always)]
    fn push(&mut self, result: Result<Nik, NikError>) {
        if self.len == self.error.len() {
            self.reserve((self.len / 2).max(1024));
        }
        self.summary.record(&result);
        let (error, warning) = match &result {
            // At most 3 warning kinds: one bit each fits a byte.
            Ok(valid) => (0, valid.warning_bits()),
            // At most 13 error kinds: 1 + ordinal fits a byte.
            Err(error) => (1 + error.ordinal() as u8, 0),
        };
        let (errors, warnings) = (self.error.as_mut_slice(), self.warning.as_mut_slice());
        if let (Some(e), Some(w)) = (errors.get_mut(self.len), warnings.get_mut(self.len)) {
            (*e, *w) = (error, warning);
        }
        self.len += 1;
    }
}

#[cfg(test)]
mod tests {
    use kotacerdas_core::Date;
    use kotacerdas_core::id::Strictness;
    use kotacerdas_core::id::nik::NikWarning;

    use super::*;

    /// The columns the core's own batch gives for the same items.
    fn expected(batch: &nik::NikBatch) -> (Vec<u8>, Vec<u8>) {
        batch
            .results
            .iter()
            .map(|result| match result {
                Ok(valid) => (0, valid.warning_bits()),
                Err(error) => (1 + error.ordinal() as u8, 0),
            })
            .unzip()
    }

    fn options() -> NikOptions {
        NikOptions::new(Date::new(2026, 11, 29).expect("a date"))
    }

    /// Every outcome: valid, each warning, each error kind, separators, `\r`, blank lines,
    /// non-ASCII, and enough lines to grow the columns past their first reservation.
    fn mixed_lines() -> String {
        let samples = [
            "3527014501900001",
            "3527 01 450190 0001",
            "3527014501900000",
            "9912345501900001",
            "9101010101900001",
            "3527990101900001",
            "3527014513900001",
            "3527013102230001",
            "3527012902230001",
            "3527010101300001",
            "0027010101900001",
            "3500010101900001",
            "3527000101900001",
            "352701010190000",
            "35270101019000011",
            "3527x10101900001",
            "３527014501900001",
            "",
            "\r",
            "3527014501900001\r",
        ];
        let mut text = String::new();
        for round in 0..200 {
            for sample in samples {
                text.push_str(sample);
                text.push_str(if round % 3 == 0 { "\r\n" } else { "\n" });
            }
        }
        text
    }

    #[test]
    fn lines_agree_with_the_core_batch() {
        let lenient = nik::validate_lines(&mixed_lines(), &options());
        assert!(lenient.summary.with_warnings > 0);
        let text = mixed_lines();
        for options in [options(), options().with_strictness(Strictness::Strict)] {
            let core = nik::validate_lines(&text, &options);
            let mut columns = Columns::default();
            columns.validate_lines(&text, &options);
            let (error, warning) = expected(&core);
            assert_eq!(columns.error(), error.as_slice());
            assert_eq!(columns.warning(), warning.as_slice());
            assert_eq!(columns.summary(), &core.summary);
            assert!(columns.error().len() > 1024, "the columns grew");
            let mut seen: Vec<u8> = columns.error().to_vec();
            seen.sort_unstable();
            seen.dedup();
            assert!(
                seen.len() >= 10,
                "valid and at least 9 error codes: {seen:?}"
            );
        }
    }

    #[test]
    fn joined_items_are_split_on_newlines_only() {
        let text = "3527014501900001\r\n3527014501900001\n\n3527014501900001";
        let mut columns = Columns::with_capacity(1);
        columns.validate_joined(text, &options());
        let core = nik::validate_many(text.split('\n'), &options());
        assert_eq!(columns.error(), expected(&core).0.as_slice());
        assert_eq!(columns.error().len(), 4);
        let mut single = Columns::default();
        for item in text.split('\n') {
            single.validate(item, &options());
        }
        assert_eq!(single.error(), columns.error());
        assert_eq!(single.summary(), columns.summary());
    }

    #[test]
    fn empty_input_has_no_items() {
        let mut columns = Columns::default();
        columns.validate_lines("", &options());
        assert!(columns.error().is_empty());
        assert_eq!(columns.summary().total, 0);
        columns.validate_lines("\n", &options());
        assert_eq!(columns.error(), &[1 + NikError::Empty {}.ordinal() as u8]);
    }

    #[test]
    fn codes_fit_the_byte_columns() {
        assert!(NikError::CODES.len() < 255);
        assert!(NikWarning::CODES.len() <= 8);
    }
}
