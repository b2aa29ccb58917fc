//! The run's report: per suite counts, failures with their differences; as text, JSON or JUnit.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde_json::json;

use super::vectors::{Case, VectorFile};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Junit,
}

pub enum CaseOutcome {
    Passed,
    Failed(String),
    Unsupported,
}

#[derive(Default)]
struct SuiteCounts {
    description: String,
    passed: u64,
    failed: u64,
    unsupported: u64,
}

struct Failure {
    suite: String,
    id: String,
    description: String,
    file: String,
    /// The legal basis a dispute must address: the case's worked-example source, else the
    /// file's legal basis.
    basis: String,
    difference: String,
}

struct Result {
    suite: String,
    id: String,
    outcome: &'static str,
    message: Option<String>,
}

pub struct Report {
    implementation: String,
    suites: BTreeMap<String, SuiteCounts>,
    failures: Vec<Failure>,
    results: Vec<Result>,
    aborted: Option<String>,
}

impl Report {
    pub fn new(implementation: String) -> Report {
        Report {
            implementation,
            suites: BTreeMap::new(),
            failures: Vec::new(),
            results: Vec::new(),
            aborted: None,
        }
    }

    pub fn add(&mut self, file: &VectorFile, case: &Case, outcome: CaseOutcome) {
        let counts = self.suites.entry(file.suite.clone()).or_default();
        if counts.description.is_empty() {
            counts.description = file.description.clone();
        }
        let (label, message) = match outcome {
            CaseOutcome::Passed => {
                counts.passed += 1;
                ("passed", None)
            }
            CaseOutcome::Unsupported => {
                counts.unsupported += 1;
                ("unsupported", None)
            }
            CaseOutcome::Failed(difference) => {
                counts.failed += 1;
                self.failures.push(Failure {
                    suite: file.suite.clone(),
                    id: case.id.clone(),
                    description: case.description.clone(),
                    file: file.path.display().to_string(),
                    basis: case
                        .source
                        .clone()
                        .unwrap_or_else(|| file.legal_basis.join("; ")),
                    difference: difference.clone(),
                });
                ("failed", Some(difference))
            }
        };
        self.results.push(Result {
            suite: file.suite.clone(),
            id: case.id.clone(),
            outcome: label,
            message,
        });
    }

    pub fn abort(&mut self, reason: String) {
        self.aborted = Some(reason);
    }

    fn totals(&self) -> (u64, u64, u64) {
        self.suites.values().fold((0, 0, 0), |(p, f, u), c| {
            (p + c.passed, f + c.failed, u + c.unsupported)
        })
    }

    /// Passed means: nothing failed and the run was not cut short. Unsupported cases are
    /// reported but do not fail the run (a vendor may implement a subset).
    pub fn all_passed(&self) -> bool {
        self.totals().1 == 0 && self.aborted.is_none()
    }

    pub fn print(&self, format: ReportFormat) -> io::Result<()> {
        let text = match format {
            ReportFormat::Text => self.text(),
            ReportFormat::Json => self.json(),
            ReportFormat::Junit => self.junit(),
        };
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        if format != ReportFormat::Text {
            // The closing line also goes to stderr so CI logs show it.
            let (passed, failed, unsupported) = self.totals();
            eprintln!("{passed} passed, {failed} failed, {unsupported} skipped");
        }
        Ok(())
    }

    /// The report as text, JSON and JUnit (for the fuzz target).
    pub fn render_all(&self) -> [String; 3] {
        [self.text(), self.json(), self.junit()]
    }

    fn text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "conformance run against {}", self.implementation);
        let _ = writeln!(
            out,
            "{:<24} {:>7} {:>7} {:>12}",
            "suite", "passed", "failed", "unsupported"
        );
        for (suite, c) in &self.suites {
            let _ = writeln!(
                out,
                "{suite:<24} {:>7} {:>7} {:>12}",
                c.passed, c.failed, c.unsupported
            );
        }
        for failure in &self.failures {
            let _ = writeln!(
                out,
                "\nFAILED {} {} ({})\n  {}",
                failure.suite, failure.id, failure.file, failure.description
            );
            if !failure.basis.is_empty() {
                let _ = writeln!(out, "  legal basis: {}", failure.basis);
            }
            for line in failure.difference.lines() {
                let _ = writeln!(out, "  {}", line.trim_start());
            }
        }
        if let Some(reason) = &self.aborted {
            let _ = writeln!(out, "\n{reason}");
        }
        let (passed, failed, unsupported) = self.totals();
        let _ = writeln!(
            out,
            "\n{passed} passed, {failed} failed, {unsupported} skipped"
        );
        out
    }

    fn json(&self) -> String {
        let (passed, failed, unsupported) = self.totals();
        let suites: serde_json::Map<String, serde_json::Value> = self
            .suites
            .iter()
            .map(|(name, c)| (name.clone(), json!({"description": c.description, "passed": c.passed, "failed": c.failed, "unsupported": c.unsupported})))
            .collect();
        let failures: Vec<_> = self
            .failures
            .iter()
            .map(|f| json!({"suite": f.suite, "id": f.id, "description": f.description, "file": f.file, "legal_basis": f.basis, "difference": f.difference}))
            .collect();
        let report = json!({
            "implementation": self.implementation,
            "passed": passed,
            "failed": failed,
            "unsupported": unsupported,
            "aborted": self.aborted,
            "suites": suites,
            "failures": failures,
        });
        format!("{report:#}\n")
    }

    fn junit(&self) -> String {
        let (passed, failed, unsupported) = self.totals();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"kotacerdas conformance\" tests=\"{}\" failures=\"{failed}\" skipped=\"{unsupported}\">",
            passed + failed + unsupported
        );
        for (suite, c) in &self.suites {
            let _ = writeln!(
                out,
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">",
                xml(suite),
                c.passed + c.failed + c.unsupported,
                c.failed,
                c.unsupported
            );
            for result in self.results.iter().filter(|r| r.suite == *suite) {
                let _ = write!(
                    out,
                    "    <testcase classname=\"{}\" name=\"{}\"",
                    xml(suite),
                    xml(&result.id)
                );
                match (result.outcome, &result.message) {
                    ("failed", Some(message)) => {
                        let first = message.lines().next().unwrap_or("").trim();
                        let _ = writeln!(
                            out,
                            "><failure message=\"{}\">{}</failure></testcase>",
                            xml(first),
                            xml(message)
                        );
                    }
                    ("unsupported", _) => {
                        let _ = writeln!(out, "><skipped message=\"unsupported\"/></testcase>");
                    }
                    _ => {
                        let _ = writeln!(out, "/>");
                    }
                }
            }
            let _ = writeln!(out, "  </testsuite>");
        }
        out.push_str("</testsuites>\n");
        out
    }
}

fn xml(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .map(|c| match c {
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '&' => "&amp;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&apos;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}
