//! One entry point by tax kind name, taking JSON input: for the conformance runner, the CLI
//! and the bindings, which should not need a function per tax.

use serde::Deserialize;
use serde_json::Value;

use super::air_tanah::AirTanahInput;
use super::bphtb::BphtbInput;
use super::mblb::MblbInput;
use super::opsen::{OpsenInput, VehicleTax};
use super::pbb_p2::PbbP2Input;
use super::pbjt::PbjtInput;
use super::reklame::ReklameInput;
use super::rules::{RuleBook, RuleSet};
use super::sanction::{
    DisputeFineInput, InstalmentInput, LateInterestInput, SkpdkbInput, SkpdkbtInput,
};
use super::walet::WaletInput;
use super::{TaxError, TaxResult};
use crate::date::Date;
use crate::json_de::JsonRead;

/// Every kind name [`calculate`] accepts.
pub const KINDS: &[&str] = &[
    "pbb_p2",
    "bphtb",
    "pbjt",
    "reklame",
    "air_tanah",
    "mblb",
    "walet",
    "opsen_pkb",
    "opsen_bbnkb",
    "late_interest",
    "skpdkb",
    "skpdkbt",
    "dispute_fine",
    "instalment",
];

/// An input type the dispatcher can drive.
trait TaxInput: JsonRead {
    fn rule_date(&self) -> Result<Date, TaxError>;
    fn calculate(&self, rules: &RuleSet) -> Result<TaxResult, TaxError>;
}

macro_rules! tax_input {
    ($($input:ty => $calculate:path;)+) => {
        $(impl TaxInput for $input {
            fn rule_date(&self) -> Result<Date, TaxError> {
                <$input>::rule_date(self)
            }
            fn calculate(&self, rules: &RuleSet) -> Result<TaxResult, TaxError> {
                $calculate(self, rules)
            }
        })+
    };
}

tax_input! {
    PbbP2Input => super::pbb_p2::calculate;
    BphtbInput => super::bphtb::calculate;
    PbjtInput => super::pbjt::calculate;
    ReklameInput => super::reklame::calculate;
    AirTanahInput => super::air_tanah::calculate;
    MblbInput => super::mblb::calculate;
    WaletInput => super::walet::calculate;
    LateInterestInput => super::sanction::late_interest;
    SkpdkbInput => super::sanction::skpdkb;
    SkpdkbtInput => super::sanction::skpdkbt;
    DisputeFineInput => super::sanction::dispute_fine;
    InstalmentInput => super::sanction::instalment;
}

/// The two opsen kinds share one input; these wrappers carry which tax it is.
#[derive(Debug, Deserialize, JsonRead)]
#[serde(transparent)]
struct OpsenPkb(OpsenInput);

#[derive(Debug, Deserialize, JsonRead)]
#[serde(transparent)]
struct OpsenBbnkb(OpsenInput);

impl TaxInput for OpsenPkb {
    fn rule_date(&self) -> Result<Date, TaxError> {
        self.0.rule_date()
    }
    fn calculate(&self, rules: &RuleSet) -> Result<TaxResult, TaxError> {
        super::opsen::calculate(VehicleTax::Pkb, &self.0, rules)
    }
}

impl TaxInput for OpsenBbnkb {
    fn rule_date(&self) -> Result<Date, TaxError> {
        self.0.rule_date()
    }
    fn calculate(&self, rules: &RuleSet) -> Result<TaxResult, TaxError> {
        super::opsen::calculate(VehicleTax::Bbnkb, &self.0, rules)
    }
}

/// Something to do with a parsed input of whatever type the kind names.
trait WithInput {
    type Output;
    fn run<T: TaxInput>(self, input: T) -> Result<Self::Output, TaxError>;
}

/// Parses a JSON input, reporting the path of a missing or ill-typed field.
fn parse<T: TaxInput>(input: &Value) -> Result<T, TaxError> {
    crate::json_de::from_value(input).map_err(|error| {
        let parent = error.path;
        let reason = error.error.to_string();
        // serde reports a missing field at its parent (an unknown one at itself); name the
        // missing field itself.
        let field = reason
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next());
        let path = match (field, parent.as_str()) {
            (Some(field), ".") => field.to_owned(),
            (Some(field), parent) => format!("{parent}.{field}"),
            (None, _) => parent,
        };
        TaxError::InvalidInput { path, reason }
    })
}

/// The one place that maps kind names to input types.
fn with_kind<W: WithInput>(kind: &str, input: &Value, action: W) -> Result<W::Output, TaxError> {
    match kind {
        "pbb_p2" => action.run(parse::<PbbP2Input>(input)?),
        "bphtb" => action.run(parse::<BphtbInput>(input)?),
        "pbjt" => action.run(parse::<PbjtInput>(input)?),
        "reklame" => action.run(parse::<ReklameInput>(input)?),
        "air_tanah" => action.run(parse::<AirTanahInput>(input)?),
        "mblb" => action.run(parse::<MblbInput>(input)?),
        "walet" => action.run(parse::<WaletInput>(input)?),
        "opsen_pkb" => action.run(parse::<OpsenPkb>(input)?),
        "opsen_bbnkb" => action.run(parse::<OpsenBbnkb>(input)?),
        "late_interest" => action.run(parse::<LateInterestInput>(input)?),
        "skpdkb" => action.run(parse::<SkpdkbInput>(input)?),
        "skpdkbt" => action.run(parse::<SkpdkbtInput>(input)?),
        "dispute_fine" => action.run(parse::<DisputeFineInput>(input)?),
        "instalment" => action.run(parse::<InstalmentInput>(input)?),
        _ => Err(TaxError::UnknownKind {
            kind: kind.to_owned(),
        }),
    }
}

struct Calculate<'a>(&'a RuleSet);

impl WithInput for Calculate<'_> {
    type Output = TaxResult;
    fn run<T: TaxInput>(self, input: T) -> Result<TaxResult, TaxError> {
        input.calculate(self.0)
    }
}

struct RuleDate;

impl WithInput for RuleDate {
    type Output = Date;
    fn run<T: TaxInput>(self, input: T) -> Result<Date, TaxError> {
        input.rule_date()
    }
}

/// Calculates a tax of the named kind from JSON input with the given rule set.
///
/// Unknown kind: `TAX_UNKNOWN_KIND`; missing, ill-typed or unknown field: `TAX_INVALID_INPUT`
/// with the field's path.
pub fn calculate(kind: &str, input: &Value, rules: &RuleSet) -> Result<TaxResult, TaxError> {
    with_kind(kind, input, Calculate(rules))
}

/// The date that selects the rule set for this input (tax year, acquisition date, ...).
pub fn rule_date(kind: &str, input: &Value) -> Result<Date, TaxError> {
    with_kind(kind, input, RuleDate)
}

/// Picks the region's rule set in force on the input's date, then calculates.
pub fn calculate_in_force(
    kind: &str,
    input: &Value,
    book: &RuleBook,
    region: &str,
) -> Result<TaxResult, TaxError> {
    let date = rule_date(kind, input)?;
    calculate(kind, input, book.in_force(region, date)?)
}
