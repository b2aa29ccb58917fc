//! The shared machinery of the `... check` commands: read inputs (arguments, a file or stdin,
//! streamed line by line), check each one, write records, show progress, print a summary.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kotacerdas_core::{Coded, Lang};
use serde_json::{Map, Value, json};

use crate::output::{Format, RecordWriter};

/// Arguments common to every check command.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Values to check. Without values, or with `-`, reads one value per line from stdin.
    pub values: Vec<String>,
    /// Read one value per line from this file instead.
    #[arg(long, value_name = "FILE", conflicts_with = "values")]
    pub input: Option<PathBuf>,
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Exit with status 1 when any value is invalid.
    #[arg(long)]
    pub fail_on_invalid: bool,
    /// Language of messages: id or en.
    #[arg(long, default_value = "id", value_parser = parse_lang)]
    pub lang: Lang,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_tag(text).ok_or_else(|| format!("unknown language {text:?}: use id or en"))
}

/// The result of checking one value: its output record and the codes for the summary.
pub struct Outcome {
    pub record: Map<String, Value>,
    pub error: Option<&'static str>,
    pub warnings: Vec<&'static str>,
}

impl Outcome {
    /// A record for a valid value: `input`, `valid`, `error: null`, `warnings`, then `fields`.
    pub fn valid(input: Value, warnings: &[&dyn Coded], lang: Lang, fields: Value) -> Outcome {
        let mut record = Map::new();
        record.insert("input".into(), input);
        record.insert("valid".into(), Value::Bool(true));
        record.insert("error".into(), Value::Null);
        record.insert(
            "warnings".into(),
            Value::Array(warnings.iter().map(|w| problem(*w, lang)).collect()),
        );
        if let Value::Object(fields) = fields {
            record.extend(fields);
        }
        Outcome {
            record,
            error: None,
            warnings: warnings.iter().map(|w| w.code()).collect(),
        }
    }

    /// A record for an invalid value; `null_fields` are the fields a valid record would have.
    pub fn invalid(input: Value, error: &dyn Coded, lang: Lang, null_fields: &[&str]) -> Outcome {
        let mut record = Map::new();
        record.insert("input".into(), input);
        record.insert("valid".into(), Value::Bool(false));
        record.insert("error".into(), problem(error, lang));
        record.insert("warnings".into(), Value::Array(Vec::new()));
        for field in null_fields {
            record.insert((*field).into(), Value::Null);
        }
        Outcome {
            record,
            error: Some(error.code()),
            warnings: Vec::new(),
        }
    }
}

/// `{code, message}` in the chosen language.
pub fn problem(value: &dyn Coded, lang: Lang) -> Value {
    json!({"code": value.code(), "message": value.message(lang)})
}

/// Counts for the summary line.
#[derive(Debug, Default)]
struct Summary {
    total: u64,
    valid: u64,
    with_warnings: u64,
    errors: BTreeMap<&'static str, u64>,
    warnings: BTreeMap<&'static str, u64>,
}

impl Summary {
    fn record(&mut self, outcome: &Outcome) {
        self.total += 1;
        match outcome.error {
            Some(code) => *self.errors.entry(code).or_default() += 1,
            None => {
                self.valid += 1;
                self.with_warnings += u64::from(!outcome.warnings.is_empty());
                for code in &outcome.warnings {
                    *self.warnings.entry(code).or_default() += 1;
                }
            }
        }
    }

    fn line(&self) -> String {
        let counts = |map: &BTreeMap<&str, u64>| {
            map.iter()
                .map(|(code, n)| format!("{code} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut line = format!(
            "summary: {} checked, {} valid ({} with warnings), {} invalid",
            self.total,
            self.valid,
            self.with_warnings,
            self.total - self.valid
        );
        if !self.errors.is_empty() {
            line.push_str(&format!("; errors: {}", counts(&self.errors)));
        }
        if !self.warnings.is_empty() {
            line.push_str(&format!("; warnings: {}", counts(&self.warnings)));
        }
        line
    }
}

/// Runs a check over every input. Exit status: 0, or 1 with `--fail-on-invalid` when a value
/// is invalid; I/O errors are returned to `main` (status 3).
pub fn run(
    args: &CheckArgs,
    columns: &[&str],
    mut check: impl FnMut(&str) -> Outcome,
) -> io::Result<ExitCode> {
    let format = Format::resolve(args.format);
    let stdout = io::stdout();
    let mut writer = RecordWriter::new(
        BufWriter::with_capacity(1 << 16, stdout.lock()),
        format,
        columns,
    );
    let mut summary = Summary::default();
    let mut each = |value: &str| -> io::Result<()> {
        let outcome = check(value);
        summary.record(&outcome);
        writer.write(&outcome.record)
    };

    let from_stdin = args.input.is_none() && (args.values.is_empty() || args.values == ["-"]);
    if let Some(path) = &args.input {
        let file = File::open(path).map_err(|e| {
            io::Error::new(e.kind(), format!("cannot open {}: {e}", path.display()))
        })?;
        let length = file.metadata().map(|m| m.len()).unwrap_or(0);
        let progress = progress_bar(Some(length));
        for_each_line(
            BufReader::with_capacity(1 << 16, file),
            &progress,
            &mut each,
        )?;
        progress.finish_and_clear();
    } else if from_stdin {
        let progress = progress_bar(None);
        for_each_line(
            BufReader::with_capacity(1 << 16, io::stdin().lock()),
            &progress,
            &mut each,
        )?;
        progress.finish_and_clear();
    } else {
        for value in &args.values {
            each(value)?;
        }
    }
    writer.finish()?;
    eprintln!("{}", summary.line());
    let failed = args.fail_on_invalid && summary.valid < summary.total;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Streams lines with one reused buffer (memory stays bounded however long the input).
/// Invalid UTF-8 is replaced, so the value is reported as invalid instead of aborting the run.
fn for_each_line(
    mut reader: impl BufRead,
    progress: &ProgressBar,
    each: &mut impl FnMut(&str) -> io::Result<()>,
) -> io::Result<()> {
    let mut buffer = Vec::with_capacity(64);
    let (mut lines, mut bytes) = (0u64, 0u64);
    loop {
        buffer.clear();
        let read = reader.read_until(b'\n', &mut buffer)?;
        if read == 0 {
            break;
        }
        bytes += read as u64;
        let line = buffer.strip_suffix(b"\n").unwrap_or(&buffer);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        // Spreadsheet exports often start with a UTF-8 byte-order mark.
        let line = if lines == 0 {
            line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line)
        } else {
            line
        };
        each(&String::from_utf8_lossy(line))?;
        lines += 1;
        if lines % 4096 == 0 {
            progress.set_position(if progress.length().is_some() {
                bytes
            } else {
                lines
            });
        }
    }
    Ok(())
}

/// A progress bar on stderr, only when stderr is a terminal: bytes of a file, or a count of
/// lines from stdin.
fn progress_bar(length: Option<u64>) -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = match length {
        Some(length) => ProgressBar::new(length).with_style(
            ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} ({eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        ),
        None => ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {human_pos} lines ({per_sec})")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar
}
