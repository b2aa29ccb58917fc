//! `kotacerdas calendar add-working-days DATE N`.

use std::io::{self, BufWriter};
use std::process::ExitCode;

use kotacerdas_core::calendar::{CalendarOptions, WorkingCalendar};
use kotacerdas_core::{Coded, Date, Lang};
use serde_json::{Map, Value, json};

use crate::output::{Format, RecordWriter};

/// Arguments of `calendar add-working-days`.
#[derive(Debug, clap::Args)]
pub struct AddWorkingDays {
    /// The starting day (YYYY-MM-DD, WIB); it never counts itself.
    date: Date,
    /// Number of working days to add.
    n: u32,
    /// Count cuti bersama as working days (essential services).
    #[arg(long)]
    cuti_bersama_worked: bool,
    /// A holiday CSV (`date,name_id,kind`) to use instead of the shipped one (a newer SKB).
    #[arg(long, value_name = "FILE")]
    holidays: Option<String>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Language of messages: id or en.
    #[arg(long, default_value = "id", value_parser = |t: &str| Lang::from_tag(t).ok_or("use id or en"))]
    lang: Lang,
}

/// Prints `{date, n, result, result_weekday}`; a date outside the loaded years is reported on
/// stderr with its code and makes the exit status 1.
pub fn add_working_days(args: &AddWorkingDays) -> io::Result<ExitCode> {
    let options = CalendarOptions {
        cuti_bersama_is_day_off: !args.cuti_bersama_worked,
        ..CalendarOptions::default()
    };
    let calendar = match &args.holidays {
        Some(path) => WorkingCalendar::from_csv(&std::fs::read_to_string(path)?, options),
        None => WorkingCalendar::embedded(options),
    };
    let result = calendar.and_then(|calendar| calendar.add_working_days(args.date, args.n));
    match result {
        Ok(result) => {
            let mut writer = RecordWriter::new(
                BufWriter::new(io::stdout().lock()),
                Format::resolve(args.format),
                &["date", "n", "result", "result_weekday"],
            );
            let record = json!({
                "date": args.date,
                "n": args.n,
                "result": result,
                "result_weekday": result.weekday(),
            });
            let record: Map<String, Value> = match record {
                Value::Object(map) => map,
                _ => Map::new(),
            };
            writer.write(&record)?;
            writer.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(error) => {
            eprintln!(
                "{}: {} {}",
                args.date,
                error.code(),
                error.message(args.lang)
            );
            Ok(ExitCode::from(1))
        }
    }
}
