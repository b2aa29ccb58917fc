//! `kotacerdas complaint categories [--search TEXT]` and `kotacerdas complaint validate FILE`.

use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;

use kotacerdas_core::Lang;
use kotacerdas_core::calendar::Instant;
use kotacerdas_core::complaint::Catalog;
use kotacerdas_core::complaint::draft::{self, ValidationContext};
use serde_json::{Map, Value, json};

use crate::output::{Format, RecordWriter};

/// Arguments of `complaint categories`.
#[derive(Debug, clap::Args)]
pub struct Categories {
    /// Suggest categories for what a citizen typed instead of listing them all.
    #[arg(long, value_name = "TEXT")]
    search: Option<String>,
    /// At most this many search results.
    #[arg(long, default_value_t = 5)]
    limit: usize,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of names: id or en.
    #[arg(long, default_value = "id", value_parser = |t: &str| Lang::from_tag(t).ok_or("use id or en"))]
    lang: Lang,
}

/// Arguments of `complaint validate`.
#[derive(Debug, clap::Args)]
pub struct Validate {
    /// A report draft as JSON (`-` for stdin).
    file: String,
    /// "Now" for the future-time check, ISO 8601 with offset [default: the system clock].
    #[arg(long, value_name = "TIME", value_parser = |t: &str| Instant::parse_iso(t).map_err(|e| e.to_string()))]
    now: Option<Instant>,
    /// Exit with status 1 when the draft is invalid.
    #[arg(long)]
    fail_on_invalid: bool,
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Lists the taxonomy, or the best matches for `--search`, best first.
pub fn categories(args: &Categories) -> io::Result<ExitCode> {
    let catalog = Catalog::embedded();
    let name = |id: &str, en: &str| match args.lang {
        Lang::Id => id.to_owned(),
        Lang::En => en.to_owned(),
    };
    match &args.search {
        Some(text) => {
            let mut writer = RecordWriter::new(
                BufWriter::new(io::stdout().lock()),
                Format::resolve(args.format),
                &["code", "name", "score"],
            );
            let hits = catalog.search_categories(text, args.limit);
            for hit in &hits {
                writer.write(&object(json!({
                    "code": hit.code,
                    "name": name(&hit.name_id, &hit.name_en),
                    "score": hit.score,
                })))?;
            }
            writer.finish()?;
            eprintln!("summary: {} found", hits.len());
        }
        None => {
            let mut writer = RecordWriter::new(
                BufWriter::new(io::stdout().lock()),
                Format::resolve(args.format),
                &["code", "name", "opd", "sla_policy", "lapor_category"],
            );
            for category in catalog.categories() {
                writer.write(&object(json!({
                    "code": category.code,
                    "parent": category.parent,
                    "name": name(&category.name_id, &category.name_en),
                    "opd": category.opd,
                    "sla_policy": category.sla_policy,
                    "lapor_category": category.lapor_category,
                    "required_fields": category.required_fields,
                    "allowed_kinds": category.allowed_kinds,
                })))?;
            }
            writer.finish()?;
            eprintln!(
                "taksonomi {} (per {})",
                catalog.taxonomy_version(),
                catalog.taxonomy_as_of()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn now() -> Instant {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
        });
    Instant::from_unix_seconds(seconds)
}

/// Prints one JSON object: `{"valid": true, "report": ...}` or `{"valid": false, "problems":
/// [{field, problem}]}` with every problem of the draft.
pub fn validate(args: &Validate) -> io::Result<ExitCode> {
    let mut text = String::new();
    if args.file == "-" {
        io::stdin().lock().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(&args.file)?;
    }
    let context = ValidationContext {
        catalog: Catalog::embedded(),
        now: args.now.unwrap_or_else(now),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let (record, valid) = match draft::validate_json(text, &context) {
        Ok(report) => (json!({"valid": true, "report": report}), true),
        Err(problems) => (json!({"valid": false, "problems": problems}), false),
    };
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer(&mut out, &record)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(if !valid && args.fail_on_invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
