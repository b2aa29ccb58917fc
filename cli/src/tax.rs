//! `kotacerdas tax <kind> --json INPUT` and `kotacerdas tax rules [--region R] [--date D]`.
//!
//! A calculation prints its amount and breakdown (a table on a terminal, one JSON object
//! otherwise); `rules` prints every legal value of the rule set in force with its confidence
//! and reference. Exit status 1 when the input or rule set is refused (the error's code and
//! message go to stderr, and as JSON to stdout when not printing a table).

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use kotacerdas_core::calendar::WorkingCalendar;
use kotacerdas_core::tax::due::{DueInput, NamedDueDate, due_dates};
use kotacerdas_core::tax::{self, RuleBook, RuleSet, TaxError, TaxResult};
use kotacerdas_core::{Coded, Date, Lang, Problem};
use serde_json::{Map, Value, json};

use crate::output::{Format, RecordWriter};

/// Arguments of `tax`.
#[derive(Debug, clap::Args)]
pub struct TaxArgs {
    /// Tax kind (pbb_p2, bphtb, pbjt, reklame, air_tanah, mblb, walet, opsen_pkb, opsen_bbnkb,
    /// late_interest, skpdkb, skpdkbt, dispute_fine, instalment); `rules` to show the rule set
    /// in force; `due` for due dates (input `{"document": "sppt" | "skpd" | "objection" |
    /// "self_assessed", "from": "YYYY-MM-DD"}`).
    kind: String,
    /// Input as JSON text, `@FILE`, or `-` for stdin.
    #[arg(long, value_name = "INPUT")]
    json: Option<String>,
    /// One input field as KEY=VALUE (VALUE read as JSON if it parses, else as a string);
    /// repeatable, and overrides fields of --json.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    fields: Vec<String>,
    /// Region code whose rule set applies.
    #[arg(long, default_value = "35.27")]
    region: String,
    /// For `rules`: the date whose rule set is shown [default: today in WIB].
    #[arg(long)]
    date: Option<Date>,
    /// A regency's own rule set (JSON file), added to the built-in ones.
    #[arg(long, value_name = "FILE")]
    rules_file: Option<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of labels and messages: id or en.
    #[arg(long, default_value = "id", value_parser = |t: &str| Lang::from_tag(t).ok_or("use id or en"))]
    lang: Lang,
}

fn read_text(source: &str) -> io::Result<String> {
    match source.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path),
        None if source == "-" => {
            let mut text = String::new();
            io::stdin().lock().read_to_string(&mut text)?;
            Ok(text)
        }
        None => Ok(source.to_owned()),
    }
}

/// The input object from --json and --set.
fn input(args: &TaxArgs) -> io::Result<Result<Value, TaxError>> {
    let mut object = match &args.json {
        Some(source) => match serde_json::from_str::<Value>(&read_text(source)?) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return Ok(Err(invalid("(root)", "the input must be a JSON object"))),
            Err(error) => return Ok(Err(invalid("(root)", &error.to_string()))),
        },
        None => Map::new(),
    };
    for field in &args.fields {
        let Some((key, value)) = field.split_once('=') else {
            return Ok(Err(invalid(field, "use --set KEY=VALUE")));
        };
        let value = serde_json::from_str(value).unwrap_or_else(|_| json!(value));
        object.insert(key.to_owned(), value);
    }
    Ok(Ok(Value::Object(object)))
}

fn invalid(path: &str, reason: &str) -> TaxError {
    TaxError::InvalidInput {
        path: path.to_owned(),
        reason: reason.to_owned(),
    }
}

fn book(args: &TaxArgs) -> io::Result<Result<RuleBook, TaxError>> {
    let mut book = RuleBook::builtin();
    if let Some(path) = &args.rules_file {
        let text = std::fs::read_to_string(path)?;
        if let Err(error) = RuleSet::from_json(&text).and_then(|rules| book.add(rules)) {
            return Ok(Err(error));
        }
    }
    Ok(Ok(book))
}

/// Reports a refused input or rule set; exit status 1.
fn refuse(error: &TaxError, args: &TaxArgs, format: Format) -> io::Result<ExitCode> {
    eprintln!("{}: {}", error.code(), error.message(args.lang));
    if format != Format::Table {
        let mut out = io::stdout().lock();
        serde_json::to_writer(&mut out, &json!({ "error": Problem::from_coded(error) }))?;
        writeln!(out)?;
    }
    Ok(ExitCode::from(1))
}

/// Runs `tax <kind>` or `tax rules`.
pub fn run(args: &TaxArgs) -> io::Result<ExitCode> {
    let format = Format::resolve(args.format);
    let book = match book(args)? {
        Ok(book) => book,
        Err(error) => return refuse(&error, args, format),
    };
    if args.kind == "rules" {
        let date = args.date.unwrap_or_else(Date::today_wib);
        return match book.in_force(&args.region, date) {
            Ok(rules) => print_rules(rules, format),
            Err(error) => refuse(&error, args, format),
        };
    }
    if args.kind == "due" {
        let dues = input(args)?.and_then(|input| {
            let input: DueInput = serde_json::from_value(input)
                .map_err(|error| invalid("(root)", &error.to_string()))?;
            let rules = book.in_force(&args.region, input.from)?;
            due_dates(&input, rules, WorkingCalendar::embedded_default())
        });
        return match dues {
            Ok(dues) => print_dues(&dues, format),
            Err(error) => refuse(&error, args, format),
        };
    }
    let result = input(args)?
        .and_then(|input| tax::calculate_in_force(&args.kind, &input, &book, &args.region));
    match result {
        Ok(result) => print_result(&result, args.lang, format),
        Err(error) => refuse(&error, args, format),
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn print_result(result: &TaxResult, lang: Lang, format: Format) -> io::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    if format == Format::Jsonl {
        serde_json::to_writer(&mut out, result)?;
        writeln!(out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let columns = [
        "step",
        "label",
        "formula",
        "inputs",
        "result",
        "legal_reference",
    ];
    let mut writer = RecordWriter::new(out, format, &columns);
    for (index, step) in result.breakdown.iter().enumerate() {
        let label = match lang {
            Lang::Id => &step.label_id,
            Lang::En => &step.label_en,
        };
        let inputs: Vec<String> = step
            .inputs
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        let reference = match step.confidence {
            Some(tax::Confidence::Placeholder) => format!("{} [PLACEHOLDER]", step.legal_reference),
            _ => step.legal_reference.clone(),
        };
        writer.write(&object(json!({
            "step": index + 1,
            "label": label,
            "formula": step.formula,
            "inputs": inputs.join(" "),
            "result": step.result.to_string(),
            "legal_reference": reference,
        })))?;
    }
    writer.finish()?;
    let total = match lang {
        Lang::Id => "jumlah",
        Lang::En => "amount",
    };
    eprintln!(
        "{} ({}): {total} Rp{}{}",
        result.kind,
        result.rule_set,
        result.amount,
        if result.uses_placeholder {
            " (memakai nilai placeholder / uses placeholder values)"
        } else {
            ""
        }
    );
    Ok(ExitCode::SUCCESS)
}

/// Every `{value, reference, confidence}` leaf of a rule set, with its dotted path.
fn legal_values(path: &str, value: &Value, rows: &mut Vec<Map<String, Value>>) {
    match value {
        Value::Object(map) if map.contains_key("reference") && map.contains_key("confidence") => {
            let shown = match &map["value"] {
                Value::String(text) => text.clone(),
                other => other.to_string(),
            };
            rows.push(object(json!({
                "path": path,
                "value": shown,
                "confidence": map["confidence"],
                "reference": map["reference"],
            })));
        }
        Value::Object(map) => {
            for (key, child) in map {
                let child_path = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                legal_values(&child_path, child, rows);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                legal_values(&format!("{path}[{index}]"), item, rows);
            }
        }
        _ => {}
    }
}

fn print_rules(rules: &RuleSet, format: Format) -> io::Result<ExitCode> {
    let value = serde_json::to_value(rules)?;
    let mut out = BufWriter::new(io::stdout().lock());
    if format == Format::Jsonl {
        serde_json::to_writer(&mut out, &value)?;
        writeln!(out)?;
        out.flush()?;
    } else {
        let mut rows = Vec::new();
        legal_values("", &value, &mut rows);
        let mut writer =
            RecordWriter::new(out, format, &["path", "value", "confidence", "reference"]);
        for row in &rows {
            writer.write(row)?;
        }
        writer.finish()?;
    }
    let until = rules
        .effective_until
        .map_or_else(|| "...".to_owned(), |until| until.to_string());
    eprintln!(
        "{} ({}), region {}, in force {} - {until}",
        rules.id, rules.name, rules.region, rules.effective_from
    );
    Ok(ExitCode::SUCCESS)
}

fn print_dues(dues: &[NamedDueDate], format: Format) -> io::Result<ExitCode> {
    let mut writer = RecordWriter::new(
        BufWriter::new(io::stdout().lock()),
        format,
        &["name", "date", "period", "unit", "legal_reference"],
    );
    for due in dues {
        writer.write(&object(serde_json::to_value(due)?))?;
    }
    writer.finish()?;
    Ok(ExitCode::SUCCESS)
}
