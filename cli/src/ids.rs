//! `nik check`, `kk check`, `npwp check`, `nop check`, `nib check`, `phone normalize`.
//!
//! The `nik check` JSON-lines record is a stable contract (docs/cli.md): `input`, `valid`,
//! `error`, `warnings`, `kind`, `province`, `regency`, `district`, `birth_date`, `sex`,
//! `serial`, `masked`.

use std::io;
use std::process::ExitCode;

use kotacerdas_core::Date;
use kotacerdas_core::id::kk::{Kk, KkOptions};
use kotacerdas_core::id::nik::{Nik, NikOptions, RegionRef};
use kotacerdas_core::id::nop::{Nop, NopOptions, SismiopTable};
use kotacerdas_core::id::npwp::Npwp;
use kotacerdas_core::id::{Nib, PhoneNumber, Strictness};
use kotacerdas_core::region::RegionCode;
use kotacerdas_core::{Coded, Lang};
use serde_json::{Value, json};

use crate::check::{self, CheckArgs, Outcome};

/// Options shared by the commands whose rules depend on "today" and strictness.
#[derive(Debug, clap::Args)]
pub struct RuleArgs {
    /// "Today" for century inference (YYYY-MM-DD) [default: today in WIB].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub reference_date: Option<Date>,
    /// Treat an unknown district (or NOP regency) as an error instead of a warning.
    #[arg(long)]
    pub strict: bool,
}

impl RuleArgs {
    fn nik_options(&self) -> NikOptions {
        let strictness = if self.strict {
            Strictness::Strict
        } else {
            Strictness::Lenient
        };
        NikOptions::new(self.reference_date.unwrap_or_else(Date::today_wib))
            .with_strictness(strictness)
    }
}

/// `kotacerdas nik check`.
#[derive(Debug, clap::Args)]
pub struct NikCheck {
    #[command(flatten)]
    check: CheckArgs,
    #[command(flatten)]
    rules: RuleArgs,
    /// Mask the `input` field too (by default it echoes the input as given).
    #[arg(long)]
    mask_input: bool,
}

const NIK_FIELDS: [&str; 8] = [
    "kind",
    "province",
    "regency",
    "district",
    "birth_date",
    "sex",
    "serial",
    "masked",
];
const NIK_COLUMNS: [&str; 9] = [
    "input",
    "valid",
    "error",
    "warnings",
    "district.name",
    "birth_date",
    "sex",
    "serial",
    "masked",
];

pub fn nik_check(args: &NikCheck) -> io::Result<ExitCode> {
    let options = args.rules.nik_options();
    let lang = args.check.lang;
    check::run(&args.check, &NIK_COLUMNS, |value| {
        let input = Value::String(if args.mask_input {
            mask_digits(value)
        } else {
            value.to_owned()
        });
        match Nik::parse_with(value, &options) {
            Ok(nik) => {
                let warnings: Vec<_> = nik.warnings().collect();
                let warnings: Vec<&dyn Coded> = warnings.iter().map(|w| w as &dyn Coded).collect();
                let fields = json!({
                    "kind": nik.kind(),
                    "province": nik.province().map(region_json),
                    "regency": nik.regency().map(region_json),
                    "district": nik.district().map(|d| {
                        let mut value = region_json(d);
                        value["retired"] = Value::Bool(d.retired);
                        value
                    }),
                    "birth_date": nik.birth_date(),
                    "sex": nik.sex(),
                    "serial": format!("{:04}", nik.serial()),
                    "masked": nik.masked(),
                });
                Outcome::valid(input, &warnings, lang, fields)
            }
            Err(error) => Outcome::invalid(input, &error, lang, &NIK_FIELDS),
        }
    })
}

fn region_json(region: RegionRef) -> Value {
    json!({"code": region.code.to_string(), "name": region.name})
}

/// Keeps the first six digits (the region) and stars every later digit, for echoing inputs
/// that may be NIKs, valid or not.
fn mask_digits(value: &str) -> String {
    let mut seen = 0;
    value
        .chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                if seen > 6 { '*' } else { c }
            } else {
                c
            }
        })
        .collect()
}

/// `kotacerdas kk check`.
#[derive(Debug, clap::Args)]
pub struct KkCheck {
    #[command(flatten)]
    check: CheckArgs,
    #[command(flatten)]
    rules: RuleArgs,
    /// Mask the `input` field too.
    #[arg(long)]
    mask_input: bool,
}

pub fn kk_check(args: &KkCheck) -> io::Result<ExitCode> {
    let nik_options = args.rules.nik_options();
    let options =
        KkOptions::new(nik_options.reference_date).with_strictness(nik_options.strictness);
    let lang = args.check.lang;
    let columns = [
        "input",
        "valid",
        "error",
        "warnings",
        "district.name",
        "recorded_on",
        "serial",
        "masked",
    ];
    check::run(&args.check, &columns, |value| {
        let input = Value::String(if args.mask_input {
            mask_digits(value)
        } else {
            value.to_owned()
        });
        match Kk::parse_with(value, &options) {
            Ok(kk) => {
                let warnings: Vec<_> = kk.warnings().collect();
                let warnings: Vec<&dyn Coded> = warnings.iter().map(|w| w as &dyn Coded).collect();
                let district = kk.district();
                let fields = json!({
                    "district": {"code": district.code.to_string(), "name": district.name, "retired": district.retired},
                    "recorded_on": kk.recorded_on(),
                    "serial": format!("{:04}", kk.serial()),
                    "masked": kk.masked(),
                });
                Outcome::valid(input, &warnings, lang, fields)
            }
            Err(error) => Outcome::invalid(
                input,
                &error,
                lang,
                &["district", "recorded_on", "serial", "masked"],
            ),
        }
    })
}

/// `kotacerdas npwp check`.
#[derive(Debug, clap::Args)]
pub struct NpwpCheck {
    #[command(flatten)]
    check: CheckArgs,
    #[command(flatten)]
    rules: RuleArgs,
}

pub fn npwp_check(args: &NpwpCheck) -> io::Result<ExitCode> {
    let options = args.rules.nik_options();
    let lang = args.check.lang;
    let fields = ["form", "npwp16", "legacy", "tax_office", "branch", "nitku"];
    let columns = [
        "input",
        "valid",
        "error",
        "form",
        "npwp16",
        "legacy",
        "tax_office",
        "branch",
    ];
    check::run(&args.check, &columns, |value| {
        match Npwp::parse_with(value, &options) {
            Ok(npwp) => {
                // A personal NPWP is a NIK: never echo it whole, not even the input.
                let personal = npwp.nik().is_some();
                let input = if personal {
                    mask_digits(value)
                } else {
                    value.to_owned()
                };
                let nitku = (!personal).then(|| npwp.nitku());
                let record = json!({
                    "form": npwp.form(),
                    "npwp16": npwp.masked(),
                    "legacy": npwp.legacy_formatted(),
                    "tax_office": npwp.tax_office(),
                    "branch": npwp.branch(),
                    "nitku": nitku,
                });
                Outcome::valid(Value::String(input), &[], lang, record)
            }
            Err(error) => {
                Outcome::invalid(Value::String(mask_digits(value)), &error, lang, &fields)
            }
        }
    })
}

/// `kotacerdas nop check`.
#[derive(Debug, clap::Args)]
pub struct NopCheck {
    #[command(flatten)]
    check: CheckArgs,
    /// Treat an unknown regency as an error.
    #[arg(long)]
    strict: bool,
    /// A SISMIOP reference table (CSV `kecamatan,kelurahan,name`) from the regency's tax office,
    /// replacing the unverified Sampang hint.
    #[arg(long, value_name = "CSV", requires = "reference_regency")]
    reference: Option<std::path::PathBuf>,
    /// The regency the reference table is for, e.g. 35.27.
    #[arg(long, value_name = "CODE")]
    reference_regency: Option<String>,
}

pub fn nop_check(args: &NopCheck) -> io::Result<ExitCode> {
    let mut options = NopOptions::sampang_default();
    if args.strict {
        options.strictness = Strictness::Strict;
    }
    if let (Some(path), Some(regency)) = (&args.reference, &args.reference_regency) {
        let invalid = |message: String| io::Error::new(io::ErrorKind::InvalidInput, message);
        let regency = RegionCode::parse(regency).map_err(|e| invalid(e.message(Lang::En)))?;
        let csv = std::fs::read_to_string(path).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot read {}: {e}", path.display()))
        })?;
        let source = format!("{} (supplied by the user as verified)", path.display());
        let table = SismiopTable::from_csv(regency, true, &source, &csv)
            .map_err(|e| invalid(e.message(Lang::En)))?;
        options.references = vec![table];
    }
    let lang = args.check.lang;
    let fields = [
        "formatted",
        "regency_name",
        "kecamatan",
        "kecamatan_name",
        "kelurahan",
        "block",
        "serial",
        "special_code",
    ];
    let columns = [
        "input",
        "valid",
        "error",
        "warnings",
        "formatted",
        "kecamatan_name",
    ];
    check::run(&args.check, &columns, |value| {
        let input = Value::String(value.to_owned());
        match Nop::parse_with(value, &options) {
            Ok(nop) => {
                let details = nop.details();
                let warnings: Vec<&dyn Coded> =
                    nop.warnings().iter().map(|w| w as &dyn Coded).collect();
                let mut record = serde_json::to_value(&details).unwrap_or(Value::Null);
                if let Value::Object(map) = &mut record {
                    map.remove("warnings");
                }
                Outcome::valid(input, &warnings, lang, record)
            }
            Err(error) => Outcome::invalid(input, &error, lang, &fields),
        }
    })
}

/// `kotacerdas nib check`.
#[derive(Debug, clap::Args)]
pub struct NibCheck {
    #[command(flatten)]
    check: CheckArgs,
}

pub fn nib_check(args: &NibCheck) -> io::Result<ExitCode> {
    let lang = args.check.lang;
    check::run(&args.check, &["input", "valid", "error", "nib"], |value| {
        let input = Value::String(value.to_owned());
        match Nib::parse(value) {
            Ok(nib) => Outcome::valid(input, &[], lang, json!({"nib": nib.as_str()})),
            Err(error) => Outcome::invalid(input, &error, lang, &["nib"]),
        }
    })
}

/// `kotacerdas phone normalize`.
#[derive(Debug, clap::Args)]
pub struct PhoneNormalize {
    #[command(flatten)]
    check: CheckArgs,
}

pub fn phone_normalize(args: &PhoneNormalize) -> io::Result<ExitCode> {
    let lang = args.check.lang;
    check::run(
        &args.check,
        &["input", "valid", "error", "e164", "national"],
        |value| {
            let input = Value::String(value.to_owned());
            match PhoneNumber::parse(value) {
                Ok(phone) => Outcome::valid(
                    input,
                    &[],
                    lang,
                    json!({"e164": phone.e164(), "national": phone.national()}),
                ),
                Err(error) => Outcome::invalid(input, &error, lang, &["e164", "national"]),
            }
        },
    )
}

#[cfg(test)]
mod tests {
    use super::mask_digits;

    #[test]
    fn masking_keeps_the_region_only() {
        assert_eq!(mask_digits("3527.01.450190.0001"), "3527.01.******.****");
        assert_eq!(mask_digits("12a"), "12a");
    }
}
