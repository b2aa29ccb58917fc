//! `kotacerdas conformance run`, the real binary: every vector passes against the built-in
//! core; a wrong adapter is reported with the exact failing case ids and exit status 1; a
//! crashing, hanging or garbage-printing adapter is reported clearly and the run goes on or stops
//! cleanly; the example adapters in Python and Node pass what they implement.
//!
//! The misbehaving adapters are small POSIX shell scripts, so these tests need only `sh`.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kotacerdas"))
        .arg("conformance")
        .arg("run")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json_report(output: &Output) -> Value {
    serde_json::from_str(&stdout(output)).unwrap_or_else(|e| panic!("{e}: {}", stdout(output)))
}

fn failed_ids(report: &Value) -> BTreeSet<String> {
    report["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Every case of every shipped vector file, counted from the files themselves.
fn shipped_case_count() -> u64 {
    fn walk(dir: &Path) -> u64 {
        fs::read_dir(dir)
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path)
                } else {
                    let file: Value =
                        serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
                    file["cases"].as_array().unwrap().len() as u64
                }
            })
            .sum()
    }
    walk(&root().join("conformance/vectors"))
}

struct Scratch {
    dir: tempfile::TempDir,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn write(&self, name: &str, text: &str) -> String {
        let path = self.dir.path().join(name);
        fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    }

    /// A vector file of nib.parse cases `(id, nib, expected)`.
    fn nib_vectors(&self, cases: &[(&str, &str, Value)]) -> String {
        let cases: Vec<Value> = cases
            .iter()
            .map(|(id, nib, expected)| json!({"id": id, "description": "test", "input": {"nib": nib}, "expected": expected}))
            .collect();
        let file = json!({"suite": "nib", "function": "nib.parse", "description": "runner test", "cases": cases});
        self.write("vectors.json", &file.to_string())
    }
}

/// Reads requests like `{"id":"3","function":"nib.parse","input":{"nib":"123"}}` and lets the
/// script body decide; `$id` and `$nib` are set. `answer_ok "$nib"` echoes the input as the result.
const SH_PRELUDE: &str = r#"
answer_ok() { printf '{"id":"%s","ok":{"nib":"%s"}}\n' "$id" "$1"; }
while IFS= read -r line; do
  id=$(printf '%s\n' "$line" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')
  nib=$(printf '%s\n' "$line" | sed -n 's/.*"nib":"\([^"]*\)".*/\1/p')
"#;

fn sh_adapter(scratch: &Scratch, name: &str, body: &str) -> String {
    let path = scratch.write(name, &format!("{SH_PRELUDE}{body}\ndone\n"));
    format!("sh {path}")
}

#[test]
fn every_shipped_vector_passes_against_the_built_in_core() {
    let output = run(&[]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    let total = shipped_case_count();
    assert!(total >= 600, "{total}");
    assert_eq!(
        text.lines().last().unwrap(),
        format!("{total} passed, 0 failed, 0 skipped"),
        "{text}"
    );
    let json = json_report(&run(&["--format", "json"]));
    assert_eq!(json["passed"], total);
    assert_eq!(json["failed"], 0);
    let junit = stdout(&run(&["--format", "junit"]));
    assert!(
        junit.contains(&format!("tests=\"{total}\" failures=\"0\" skipped=\"0\"")),
        "{}",
        &junit[..300]
    );
    assert_eq!(junit.matches("<testcase ").count() as u64, total);
}

#[test]
fn suites_can_be_chosen_and_a_misspelt_suite_is_an_error() {
    let output = run(&["--suite", "nib", "--suite", "phone", "--format", "json"]);
    assert!(output.status.success());
    let report = json_report(&output);
    let suites: Vec<&String> = report["suites"].as_object().unwrap().keys().collect();
    assert_eq!(suites, ["nib", "phone"]);
    let output = run(&["--suite", "nikk"]);
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("no vector file has suite \"nikk\""),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn a_wrong_adapter_is_reported_with_the_exact_failing_cases() {
    // The adapter accepts every NIB as it was typed: wrong for separators and for errors.
    let scratch = Scratch::new();
    let adapter = sh_adapter(&scratch, "wrong.sh", r#"  answer_ok "$nib""#);
    let nib_file = root().join("conformance/vectors/id/nib.json");
    let vectors: Value = serde_json::from_str(&fs::read_to_string(&nib_file).unwrap()).unwrap();
    // The cases such an adapter must fail, worked out from the vectors themselves.
    let expected_failures: BTreeSet<String> = vectors["cases"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|case| {
            let echoed = case["input"]["nib"].as_str();
            !(case["expected"]["ok"]["nib"].as_str().is_some()
                && case["expected"]["ok"]["nib"].as_str() == echoed)
        })
        .map(|case| case["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(expected_failures.len() >= 5, "{expected_failures:?}");
    let nib_path = nib_file.to_str().unwrap();

    let output = run(&[
        "--adapter",
        &adapter,
        "--vectors",
        nib_path,
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = json_report(&output);
    assert_eq!(failed_ids(&report), expected_failures);
    let cases = vectors["cases"].as_array().unwrap().len();
    assert_eq!(report["passed"], cases - expected_failures.len());

    let output = run(&["--adapter", &adapter, "--vectors", nib_path]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let reported: BTreeSet<String> = text
        .lines()
        .filter_map(|l| l.strip_prefix("FAILED nib "))
        .map(|l| l.split(' ').next().unwrap().to_owned())
        .collect();
    assert_eq!(reported, expected_failures);
    // The difference is shown, and the closing line counts.
    assert!(
        text.contains("nib: expected \"1234567890123\", got \"1234 5678 9012 3\""),
        "{text}"
    );
    assert!(
        text.contains("expected error NIB_INVALID_LENGTH, got a result"),
        "{text}"
    );
    assert!(text.ends_with(&format!(
        "{} passed, {} failed, 0 skipped\n",
        cases - expected_failures.len(),
        expected_failures.len()
    )));

    let junit = stdout(&run(&[
        "--adapter",
        &adapter,
        "--vectors",
        nib_path,
        "--format",
        "junit",
    ]));
    assert_eq!(junit.matches("<failure ").count(), expected_failures.len());
    assert!(junit.contains("name=\"nib-spaces\"><failure"), "{junit}");
}

#[cfg(unix)]
#[test]
fn an_adapter_that_crashes_on_one_case_is_restarted_and_the_run_goes_on() {
    let scratch = Scratch::new();
    let vectors = scratch.nib_vectors(&[
        (
            "first",
            "1234567890123",
            json!({"ok": {"nib": "1234567890123"}}),
        ),
        (
            "crash-here",
            "CRASH",
            json!({"error": {"code": "NIB_INVALID_CHARACTER"}}),
        ),
        (
            "after-restart",
            "9999999999999",
            json!({"ok": {"nib": "9999999999999"}}),
        ),
        (
            "last",
            "0000000000000",
            json!({"ok": {"nib": "0000000000000"}}),
        ),
    ]);
    let adapter = sh_adapter(
        &scratch,
        "crash.sh",
        r#"  if [ "$nib" = CRASH ]; then exit 7; fi
  answer_ok "$nib""#,
    );
    let output = run(&["--adapter", &adapter, "--vectors", &vectors]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("FAILED nib crash-here"), "{text}");
    assert!(
        text.contains("adapter exited (exit status: 7); restarting it for the next case"),
        "{text}"
    );
    assert!(text.ends_with("3 passed, 1 failed, 0 skipped\n"), "{text}");
}

#[cfg(unix)]
#[test]
fn an_adapter_that_always_crashes_stops_the_run_cleanly() {
    let scratch = Scratch::new();
    let adapter = sh_adapter(&scratch, "dead.sh", "  exit 2");
    let output = run(&["--adapter", &adapter, "--suite", "nib", "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json_report(&output);
    assert_eq!(report["failed"], 3);
    assert_eq!(report["passed"], 0);
    let aborted = report["aborted"].as_str().unwrap();
    assert!(aborted.starts_with("stopped: adapter `sh "), "{aborted}");
    assert!(
        aborted.contains("gave no valid answer for 3 cases in a row"),
        "{aborted}"
    );
    assert!(
        aborted.contains("adapter exited (exit status: 2)"),
        "{aborted}"
    );
    let nib_cases = report["suites"]["nib"]["failed"].as_u64().unwrap();
    assert_eq!(nib_cases, 3);
    assert!(aborted.ends_with("cases not run)"), "{aborted}");
    // The text report says the same before its closing line.
    let text = stdout(&run(&["--adapter", &adapter, "--suite", "nib"]));
    assert!(text.contains("\nstopped: adapter"), "{text}");
    assert!(text.ends_with("0 passed, 3 failed, 0 skipped\n"), "{text}");
}

#[cfg(unix)]
#[test]
fn an_adapter_that_prints_garbage_is_stopped_with_a_clear_message() {
    let scratch = Scratch::new();
    let adapter = sh_adapter(&scratch, "garbage.sh", r#"  echo "debug: got request $id""#);
    let output = run(&[
        "--adapter",
        &adapter,
        "--suite",
        "phone",
        "--format",
        "json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report = json_report(&output);
    assert_eq!(report["failed"], 3);
    let failure = report["failures"][0]["difference"].as_str().unwrap();
    assert!(
        failure.contains(
            "answered something that is not the protocol (not JSON): \"debug: got request 1\""
        ),
        "{failure}"
    );
    let aborted = report["aborted"].as_str().unwrap();
    assert!(
        aborted.contains("gave no valid answer for 3 cases in a row"),
        "{aborted}"
    );
}

#[cfg(unix)]
#[test]
fn an_answer_for_another_id_or_without_a_result_is_garbage() {
    let scratch = Scratch::new();
    let vectors = scratch.nib_vectors(&[
        ("wrong-id", "1", json!({"ok": {"nib": "1"}})),
        ("no-result", "2", json!({"ok": {"nib": "2"}})),
        (
            "fine",
            "1234567890123",
            json!({"ok": {"nib": "1234567890123"}}),
        ),
    ]);
    let adapter = sh_adapter(
        &scratch,
        "confused.sh",
        r#"  case "$nib" in
    1) printf '{"id":"999","ok":{"nib":"1"}}\n' ;;
    2) printf '{"id":"%s"}\n' "$id" ;;
    *) answer_ok "$nib" ;;
  esac"#,
    );
    let report = json_report(&run(&[
        "--adapter",
        &adapter,
        "--vectors",
        &vectors,
        "--format",
        "json",
    ]));
    assert_eq!(
        failed_ids(&report),
        BTreeSet::from(["wrong-id".to_owned(), "no-result".to_owned()])
    );
    let differences: Vec<&str> = report["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["difference"].as_str().unwrap())
        .collect();
    assert!(
        differences[0].contains("wrong or missing id"),
        "{differences:?}"
    );
    assert!(
        differences[1].contains("neither ok, error.code nor unsupported"),
        "{differences:?}"
    );
    assert_eq!(
        report["passed"], 1,
        "the restarted adapter answers the next case"
    );
    assert!(report["aborted"].is_null());
}

#[cfg(unix)]
#[test]
fn an_adapter_that_hangs_times_out_and_the_run_goes_on() {
    let scratch = Scratch::new();
    let vectors = scratch.nib_vectors(&[
        (
            "slow",
            "SLOW",
            json!({"error": {"code": "NIB_INVALID_CHARACTER"}}),
        ),
        (
            "quick",
            "1234567890123",
            json!({"ok": {"nib": "1234567890123"}}),
        ),
    ]);
    let adapter = sh_adapter(
        &scratch,
        "slow.sh",
        r#"  if [ "$nib" = SLOW ]; then sleep 30 >/dev/null 2>&1; fi
  answer_ok "$nib""#,
    );
    let started = std::time::Instant::now();
    let output = run(&[
        "--adapter",
        &adapter,
        "--vectors",
        &vectors,
        "--timeout",
        "1",
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("adapter did not answer within 1 s"), "{text}");
    assert!(text.ends_with("1 passed, 1 failed, 0 skipped\n"), "{text}");
    assert!(
        started.elapsed().as_secs() < 20,
        "the hanging adapter was not killed"
    );
}

#[test]
fn an_adapter_that_cannot_start_is_an_error() {
    let output = run(&[
        "--adapter",
        "/nonexistent/kotacerdas-adapter",
        "--suite",
        "nib",
    ]);
    assert_eq!(output.status.code(), Some(3));
    assert!(
        stderr(&output).contains("cannot start adapter"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn unsupported_answers_are_skipped_not_failed() {
    let scratch = Scratch::new();
    let adapter = sh_adapter(
        &scratch,
        "nothing.sh",
        r#"  printf '{"id":"%s","unsupported":true}\n' "$id""#,
    );
    let output = run(&["--adapter", &adapter, "--suite", "kk"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.ends_with(" skipped\n") && text.contains("\n0 passed, 0 failed, "),
        "{text}"
    );
}

/// Runs an example adapter over every shipped vector: what it implements must pass, the rest
/// is skipped. Skipped with a printed reason when the interpreter is not installed.
fn example_adapter(interpreter: &str, script: &str) {
    if Command::new(interpreter).arg("--version").output().is_err() {
        eprintln!("skipped: {interpreter} is not installed, cannot run {script}");
        return;
    }
    let command = format!(
        "{interpreter} {}",
        root()
            .join("examples/conformance-adapters")
            .join(script)
            .display()
    );
    let output = run(&["--adapter", &command, "--format", "json"]);
    let report = json_report(&output);
    assert!(output.status.success(), "{:#}", report["failures"]);
    assert_eq!(report["failed"], 0);
    for suite in ["nib", "phone", "nik"] {
        assert!(
            report["suites"][suite]["passed"].as_u64().unwrap() >= 10,
            "{suite}: {:#}",
            report["suites"]
        );
    }
    assert_eq!(report["suites"]["nib"]["unsupported"], 0);
    assert_eq!(report["suites"]["phone"]["unsupported"], 0);
    assert_eq!(report["suites"]["kk"]["passed"], 0);
    assert!(report["unsupported"].as_u64().unwrap() > 0);
}

#[test]
fn the_python_example_adapter_passes_what_it_implements() {
    example_adapter("python3", "adapter.py");
}

#[test]
fn the_node_example_adapter_passes_what_it_implements() {
    example_adapter("node", "adapter.js");
}

/// A one-thread HTTP server for `--http`: answers each POSTed request with `answer(request)` as
/// `(status, body)`, one connection per request.
fn http_server(answer: fn(&Value) -> (u16, String)) -> String {
    use std::io::{BufRead, BufReader, Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { break };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let request: Value = serde_json::from_slice(&body).unwrap();
            let (status, text) = answer(&request);
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{text}",
                text.len()
            );
        }
    });
    format!("http://{address}/conformance")
}

#[test]
fn an_http_endpoint_is_run_like_an_adapter() {
    let scratch = Scratch::new();
    let vectors = scratch.nib_vectors(&[
        (
            "echo-right",
            "1234567890123",
            json!({"ok": {"nib": "1234567890123"}}),
        ),
        (
            "echo-wrong",
            "1234 5678 9012 3",
            json!({"ok": {"nib": "1234567890123"}}),
        ),
        (
            "server-error",
            "500",
            json!({"error": {"code": "NIB_INVALID_LENGTH"}}),
        ),
        (
            "not-implemented",
            "skip",
            json!({"error": {"code": "NIB_INVALID_CHARACTER"}}),
        ),
    ]);
    let url = http_server(|request| {
        let id = request["id"].clone();
        match request["input"]["nib"].as_str().unwrap() {
            "500" => (500, "database down".to_owned()),
            "skip" => (200, json!({"id": id, "unsupported": true}).to_string()),
            nib => (200, json!({"id": id, "ok": {"nib": nib}}).to_string()),
        }
    });
    let output = run(&["--http", &url, "--vectors", &vectors, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let report = json_report(&output);
    assert!(
        report["implementation"]
            .as_str()
            .unwrap()
            .starts_with("HTTP endpoint http://127.0.0.1:")
    );
    assert_eq!(
        failed_ids(&report),
        BTreeSet::from(["echo-wrong".to_owned(), "server-error".to_owned()])
    );
    assert_eq!(report["passed"], 1);
    assert_eq!(report["unsupported"], 1);
    let differences: Vec<&str> = report["failures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["difference"].as_str().unwrap())
        .collect();
    assert!(
        differences.contains(&"HTTP 500 Internal Server Error: \"database down\""),
        "{differences:?}"
    );
}
