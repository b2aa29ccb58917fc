//! `kotacerdas conformance run`: runs the language-neutral vectors of `conformance/vectors/`
//! (or any files in the same format) against the built-in Rust core, a vendor's program over
//! the stdio adapter protocol, or an HTTP endpoint, and reports per suite.
//!
//! The format and the protocol are documented in `conformance/SCHEMA.md` and
//! `docs/conformance.md`.

mod compare;
mod implementation;
mod report;
mod vectors;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use implementation::{Adapter, Answer, BuiltIn, Http, Implementation};
use report::{CaseOutcome, Report, ReportFormat};

/// Arguments of `conformance run`.
#[derive(Debug, clap::Args)]
pub struct ConformanceRun {
    /// Vector files or folders [default: the suite shipped with this binary's source,
    /// `conformance/vectors/`].
    #[arg(long = "vectors", value_name = "FILE_OR_DIR")]
    vectors: Vec<PathBuf>,
    /// Only these suites (repeatable), e.g. `--suite nik --suite tax.pbb_p2`.
    #[arg(long)]
    suite: Vec<String>,
    /// Run against a vendor's program speaking the stdio adapter protocol, e.g.
    /// `--adapter "python3 adapter.py"`.
    #[arg(long, value_name = "COMMAND", conflicts_with = "http")]
    adapter: Option<String>,
    /// Run against an HTTP endpoint that takes the adapter request as a POST body.
    #[arg(long, value_name = "URL")]
    http: Option<String>,
    /// Seconds to wait for one answer from an adapter or endpoint.
    #[arg(long, default_value_t = 10)]
    timeout: u64,
    /// Report format: text (people), json, or junit (CI systems).
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
}

/// A case's outcome from the implementation's answer.
fn outcome(expected: &vectors::Expected, answer: &Answer) -> CaseOutcome {
    match answer {
        Answer::Unsupported => CaseOutcome::Unsupported,
        Answer::Failure(reason) => CaseOutcome::Failed(reason.clone()),
        _ => match compare::check(expected, answer) {
            Ok(()) => CaseOutcome::Passed,
            Err(difference) => CaseOutcome::Failed(difference),
        },
    }
}

/// What the runner makes of one line an adapter printed in answer to request `"1"` of a case
/// whose vector `expected` is given (`{"ok": {...}}` or `{"error": {"code": ...}}`): the same
/// protocol reading, comparison and report the `--adapter` run uses, with the report rendered
/// as text, JSON and JUnit. `Err` when `expected` is not a vector expectation. For the fuzz
/// target `adapter_protocol`; not a stable API.
#[doc(hidden)]
pub fn judge_adapter_line(
    expected: &serde_json::Value,
    line: &str,
) -> Result<(bool, [String; 3]), String> {
    let expected: vectors::Expected =
        serde_json::from_value(expected.clone()).map_err(|e| e.to_string())?;
    let answer = implementation::parse_answer(line, "1");
    let file = vectors::VectorFile {
        suite: "fuzz".to_owned(),
        function: "nik.parse".to_owned(),
        description: "one adapter answer".to_owned(),
        legal_basis: Vec::new(),
        generated_by: None,
        cases: Vec::new(),
        path: PathBuf::from("fuzz.json"),
    };
    let case = vectors::Case {
        id: "fuzz-1".to_owned(),
        description: "one adapter answer".to_owned(),
        input: serde_json::Value::Null,
        expected,
        source: None,
    };
    let mut report = Report::new("adapter `fuzz`".to_owned());
    report.add(&file, &case, outcome(&case.expected, &answer));
    Ok((report.all_passed(), report.render_all()))
}

/// The vectors shipped in the repository, found from the source tree at build time.
fn default_vectors() -> PathBuf {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../conformance/vectors"
    ));
    // `/repo/conformance/vectors` reads better in reports than `/repo/cli/../conformance/...`.
    path.canonicalize().unwrap_or(path)
}

pub fn run(args: &ConformanceRun) -> io::Result<ExitCode> {
    let paths = if args.vectors.is_empty() {
        vec![default_vectors()]
    } else {
        args.vectors.clone()
    };
    let files = vectors::load(&paths)?;
    // A misspelt `--suite` would otherwise run nothing and pass.
    for suite in &args.suite {
        if !files.iter().any(|f| f.suite == *suite) {
            let mut known: Vec<&str> = files.iter().map(|f| f.suite.as_str()).collect();
            known.sort_unstable();
            known.dedup();
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "no vector file has suite {suite:?}; suites: {}",
                    known.join(", ")
                ),
            ));
        }
    }
    let timeout = Duration::from_secs(args.timeout.max(1));
    let mut implementation: Box<dyn Implementation> = match (&args.adapter, &args.http) {
        (Some(command), _) => Box::new(Adapter::start(command, timeout)?),
        (None, Some(url)) => Box::new(Http::new(url, timeout)),
        (None, None) => Box::new(BuiltIn),
    };

    let mut report = Report::new(implementation.describe());
    let selected =
        |file: &&vectors::VectorFile| args.suite.is_empty() || args.suite.contains(&file.suite);
    let mut remaining: usize = files.iter().filter(selected).map(|f| f.cases.len()).sum();
    'files: for file in files.iter().filter(selected) {
        for case in &file.cases {
            remaining -= 1;
            let answer = implementation.call(&file.function, &case.input);
            report.add(file, case, outcome(&case.expected, &answer));
            if let Some(reason) = implementation.gave_up() {
                report.abort(format!("{reason} ({remaining} cases not run)"));
                break 'files;
            }
        }
    }
    report.print(args.format)?;
    Ok(if report.all_passed() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
