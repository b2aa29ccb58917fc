//! `kotacerdas region get CODE` and `kotacerdas region search TEXT`.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use kotacerdas_core::region::{self, Region};
use kotacerdas_core::{Coded, Lang};
use serde_json::{Map, Value, json};

use crate::output::{Format, RecordWriter};

/// Arguments of `region get`.
#[derive(Debug, clap::Args)]
pub struct RegionGet {
    /// Kemendagri codes: 35, 35.27, 35.27.01, 35.27.01.2001 (or without dots).
    #[arg(required = true)]
    codes: Vec<String>,
    /// Also list the regions directly below each code.
    #[arg(long)]
    children: bool,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of messages: id or en.
    #[arg(long, default_value = "id", value_parser = |t: &str| Lang::from_tag(t).ok_or("use id or en"))]
    lang: Lang,
}

/// Arguments of `region search`.
#[derive(Debug, clap::Args)]
pub struct RegionSearch {
    /// A name or part of one, e.g. "sampang", "karang penang".
    text: String,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
}

const COLUMNS: [&str; 5] = ["code", "level", "name", "parent", "retired.successor"];

fn record(region: &Region) -> Map<String, Value> {
    let value = json!({
        "code": region.code.to_string(),
        "level": region.level,
        "name": region.name,
        "parent": region.parent.map(|p| p.to_string()),
        "retired": region.retired.as_ref().map(|r| json!({
            "successor": r.successor.to_string(),
            "successor_name": r.successor_name,
            "successor_match": r.successor_match,
            "earliest_archive": r.earliest_archive,
            "last_archive": r.last_archive,
        })),
    });
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// Prints each code (and optionally its children). Unknown codes are reported on stderr with
/// their error code and make the exit status 1.
pub fn get(args: &RegionGet) -> io::Result<ExitCode> {
    let mut writer = RecordWriter::new(
        BufWriter::new(io::stdout().lock()),
        Format::resolve(args.format),
        &COLUMNS,
    );
    let mut failed = false;
    for code in &args.codes {
        match region::lookup(code) {
            Ok(found) => {
                writer.write(&record(&found))?;
                if args.children {
                    for child in region::children(found.code) {
                        writer.write(&record(&child))?;
                    }
                }
            }
            Err(error) => {
                failed = true;
                eprintln!("{code}: {} {}", error.code(), error.message(args.lang));
            }
        }
    }
    writer.finish()?;
    let decree = region::decree();
    eprintln!("kode wilayah per {} ({})", decree.name, decree.date);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Prints the best matches, best first, with how each matched.
pub fn search(args: &RegionSearch) -> io::Result<ExitCode> {
    let columns = ["code", "level", "name", "parent", "match"];
    let mut writer = RecordWriter::new(
        BufWriter::new(io::stdout().lock()),
        Format::resolve(args.format),
        &columns,
    );
    let hits = region::search(&args.text, args.limit);
    for hit in &hits {
        let mut row = record(&hit.region);
        row.insert("match".into(), json!(hit.matched));
        writer.write(&row)?;
    }
    writer.finish()?;
    eprintln!("summary: {} found", hits.len());
    Ok(ExitCode::SUCCESS)
}
