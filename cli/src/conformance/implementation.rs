//! The implementations a run can target: the built-in core, a vendor's program over the stdio
//! adapter protocol, or an HTTP endpoint.
//!
//! Protocol (one JSON object per line, both ways; also the HTTP POST body and response):
//! request `{"id": "...", "function": "nik.parse", "input": {...}}`, answer
//! `{"id": "...", "ok": {...}}`, `{"id": "...", "error": {"code": "..."}}` or
//! `{"id": "...", "unsupported": true}`.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use serde_json::{Value, json};

/// What an implementation answered for one case.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Ok(Value),
    Error(String),
    Unsupported,
    /// No valid answer: the adapter crashed, timed out or printed something that is not the
    /// protocol. The text says which.
    Failure(String),
}

pub trait Implementation {
    /// Human description for the report header.
    fn describe(&self) -> String;
    fn call(&mut self, function: &str, input: &Value) -> Answer;
    /// Set when the run cannot go on (e.g. an adapter that keeps crashing).
    fn gave_up(&self) -> Option<String> {
        None
    }
}

/// The Rust core, through `json_api::call`.
pub struct BuiltIn;

impl Implementation for BuiltIn {
    fn describe(&self) -> String {
        format!("built-in kotacerdas-core {}", env!("CARGO_PKG_VERSION"))
    }

    fn call(&mut self, function: &str, input: &Value) -> Answer {
        match kotacerdas_core::json_api::call(function, input) {
            Ok(value) => Answer::Ok(value),
            Err(problem) if problem.code == "CALL_UNKNOWN_FUNCTION" => Answer::Unsupported,
            Err(problem) => Answer::Error(problem.code),
        }
    }
}

/// Reads one protocol answer; `id` must match the request.
pub(super) fn parse_answer(line: &str, id: &str) -> Answer {
    let garbage = |why: &str| {
        let shown: String = line.chars().take(200).collect();
        Answer::Failure(format!(
            "the implementation answered something that is not the protocol ({why}): {shown:?}"
        ))
    };
    let Ok(value) = serde_json::from_str::<Value>(line) else {
        return garbage("not JSON");
    };
    if value.get("id").and_then(Value::as_str) != Some(id) {
        return garbage("wrong or missing id");
    }
    if value.get("unsupported") == Some(&Value::Bool(true)) {
        return Answer::Unsupported;
    }
    if let Some(ok) = value.get("ok") {
        return Answer::Ok(ok.clone());
    }
    match value
        .get("error")
        .and_then(|e| e.get("code"))
        .and_then(Value::as_str)
    {
        Some(code) => Answer::Error(code.to_owned()),
        None => garbage("neither ok, error.code nor unsupported"),
    }
}

/// After this many cases in a row without a valid answer (crash, timeout, garbage) the run
/// stops: the adapter is broken, and going on would only repeat the same failure.
const MAX_CONSECUTIVE_FAILURES: u32 = 3;

/// A vendor's program started once and fed one request per line; restarted after a crash.
pub struct Adapter {
    command: String,
    timeout: Duration,
    process: Option<Running>,
    next_id: u64,
    consecutive_failures: u32,
    last_failure: String,
}

struct Running {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<io::Result<String>>,
}

impl Adapter {
    pub fn start(command: &str, timeout: Duration) -> io::Result<Adapter> {
        let mut adapter = Adapter {
            command: command.to_owned(),
            timeout,
            process: None,
            next_id: 0,
            consecutive_failures: 0,
            last_failure: String::new(),
        };
        adapter.process = Some(adapter.spawn()?);
        Ok(adapter)
    }

    fn spawn(&self) -> io::Result<Running> {
        let words = split_command(&self.command);
        let (program, args) = words.split_first().ok_or_else(|| {
            io::Error::new(io::ErrorKind::InvalidInput, "--adapter needs a command")
        })?;
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| {
                io::Error::new(
                    e.kind(),
                    format!("cannot start adapter {:?}: {e}", self.command),
                )
            })?;
        let stdin = child
            .stdin
            .take()
            .ok_or_else(|| io::Error::other("adapter has no stdin"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("adapter has no stdout"))?;
        // A reader thread lets the runner wait with a timeout.
        let (sender, lines) = mpsc::channel();
        thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let line = read_bounded_line(&mut reader, MAX_ANSWER_BYTES);
                let last = !matches!(line, Ok(Some(_)));
                if let Some(line) = line.transpose()
                    && sender.send(line).is_err()
                {
                    break;
                }
                if last {
                    break;
                }
            }
        });
        Ok(Running {
            child,
            stdin,
            lines,
        })
    }

    /// Ends the running process and describes how it ended.
    fn crashed(&mut self, what: &str) -> Answer {
        self.consecutive_failures += 1;
        let status = match self.process.take() {
            Some(mut running) => {
                let _ = running.child.kill();
                running
                    .child
                    .wait()
                    .map(|s| s.to_string())
                    .unwrap_or_else(|e| e.to_string())
            }
            None => "not running".to_owned(),
        };
        self.last_failure = format!("adapter {what} ({status})");
        Answer::Failure(format!(
            "adapter {what} ({status}); restarting it for the next case"
        ))
    }

    /// The adapter printed something that is not an answer to this request. Its output is now
    /// out of step with the requests (a stray log line shifts every later answer), so it is
    /// restarted like after a crash.
    fn spoke_garbage(&mut self, reason: String) -> Answer {
        self.consecutive_failures += 1;
        if let Some(mut running) = self.process.take() {
            let _ = running.child.kill();
            let _ = running.child.wait();
        }
        self.last_failure = reason.clone();
        Answer::Failure(format!(
            "{reason}; restarting the adapter for the next case"
        ))
    }
}

/// The longest answer line read from an adapter. The largest expected output (a tax result with
/// its breakdown) is a few KiB; a runaway adapter must not exhaust the runner's memory.
const MAX_ANSWER_BYTES: usize = 1 << 20;

/// One line (without its `\n` or `\r\n`), `None` at the end of the output, or an error when
/// the line is longer than `max` bytes or not UTF-8. Reads at most `max + 1` bytes of a line.
fn read_bounded_line(reader: &mut impl BufRead, max: usize) -> io::Result<Option<String>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    reader.by_ref().take(limit).read_until(b'\n', &mut bytes)?;
    if bytes.is_empty() {
        return Ok(None);
    }
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    } else if bytes.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("an answer line is longer than {max} bytes"),
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "an answer line is not UTF-8"))
}

impl Implementation for Adapter {
    fn describe(&self) -> String {
        format!("adapter `{}`", self.command)
    }

    fn call(&mut self, function: &str, input: &Value) -> Answer {
        if self.process.is_none() {
            match self.spawn() {
                Ok(running) => self.process = Some(running),
                Err(e) => {
                    self.consecutive_failures = MAX_CONSECUTIVE_FAILURES;
                    self.last_failure = e.to_string();
                    return Answer::Failure(e.to_string());
                }
            }
        }
        self.next_id += 1;
        let id = self.next_id.to_string();
        let request = json!({"id": id, "function": function, "input": input});
        let Some(running) = self.process.as_mut() else {
            return Answer::Failure("adapter is not running".to_owned());
        };
        if writeln!(running.stdin, "{request}")
            .and_then(|()| running.stdin.flush())
            .is_err()
        {
            return self.crashed("closed its input");
        }
        match running.lines.recv_timeout(self.timeout) {
            Ok(Ok(line)) => match parse_answer(&line, &id) {
                Answer::Failure(reason) => self.spoke_garbage(reason),
                answer => {
                    self.consecutive_failures = 0;
                    answer
                }
            },
            Ok(Err(e)) => self.crashed(&format!("output could not be read: {e}")),
            Err(RecvTimeoutError::Disconnected) => self.crashed("exited"),
            Err(RecvTimeoutError::Timeout) => {
                let seconds = self.timeout.as_secs();
                self.crashed(&format!("did not answer within {seconds} s"))
            }
        }
    }

    fn gave_up(&self) -> Option<String> {
        (self.consecutive_failures >= MAX_CONSECUTIVE_FAILURES).then(|| {
            format!(
                "stopped: adapter `{}` gave no valid answer for {MAX_CONSECUTIVE_FAILURES} cases in a row (crash, timeout or output that is not the protocol); last: {}; the remaining cases were not run",
                self.command, self.last_failure
            )
        })
    }
}

impl Drop for Adapter {
    fn drop(&mut self) {
        if let Some(mut running) = self.process.take() {
            drop(running.stdin);
            // Closing stdin asks the adapter to end; kill it if it does not.
            thread::sleep(Duration::from_millis(50));
            if matches!(running.child.try_wait(), Ok(None)) {
                let _ = running.child.kill();
            }
            let _ = running.child.wait();
        }
    }
}

/// Splits a command line on spaces, honouring single and double quotes.
fn split_command(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in command.chars() {
        match (c, quote) {
            ('"' | '\'', None) => {
                quote = Some(c);
                in_word = true;
            }
            (c, Some(q)) if c == q => quote = None,
            (c, None) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (c, _) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// An HTTP endpoint: each request is POSTed as JSON; the response body is the answer.
pub struct Http {
    url: String,
    agent: ureq::Agent,
    next_id: u64,
}

impl Http {
    pub fn new(url: &str, timeout: Duration) -> Http {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .http_status_as_error(false)
            .build();
        Http {
            url: url.to_owned(),
            agent: config.into(),
            next_id: 0,
        }
    }
}

impl Implementation for Http {
    fn describe(&self) -> String {
        format!("HTTP endpoint {}", self.url)
    }

    fn call(&mut self, function: &str, input: &Value) -> Answer {
        self.next_id += 1;
        let id = self.next_id.to_string();
        let request = json!({"id": id, "function": function, "input": input}).to_string();
        let response = self
            .agent
            .post(&self.url)
            .header("content-type", "application/json")
            .send(request.as_str());
        match response {
            Ok(mut response) => {
                let status = response.status();
                match response.body_mut().read_to_string() {
                    Ok(body) if status.is_success() => parse_answer(body.trim(), &id),
                    Ok(body) => {
                        let shown: String = body.chars().take(200).collect();
                        Answer::Failure(format!("HTTP {status}: {shown:?}"))
                    }
                    Err(e) => Answer::Failure(format!("HTTP response could not be read: {e}")),
                }
            }
            Err(e) => Answer::Failure(format!("HTTP request failed: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_lines_are_bounded() {
        let mut reader = io::Cursor::new(b"{\"id\":\"1\"}\r\nsecond\nlast".to_vec());
        assert_eq!(
            read_bounded_line(&mut reader, 64).unwrap().unwrap(),
            "{\"id\":\"1\"}"
        );
        assert_eq!(
            read_bounded_line(&mut reader, 64).unwrap().unwrap(),
            "second"
        );
        assert_eq!(read_bounded_line(&mut reader, 64).unwrap().unwrap(), "last");
        assert!(read_bounded_line(&mut reader, 64).unwrap().is_none());

        let exactly = io::Cursor::new(vec![b'x'; 64]);
        assert_eq!(
            read_bounded_line(&mut { exactly }, 64)
                .unwrap()
                .unwrap()
                .len(),
            64
        );
        let mut endless = io::repeat(b'x');
        let error = read_bounded_line(&mut io::BufReader::new(&mut endless), 64).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        let mut not_utf8 = io::Cursor::new(vec![0xff, b'\n']);
        assert!(read_bounded_line(&mut not_utf8, 64).is_err());
    }

    #[test]
    fn commands_split_like_a_shell() {
        assert_eq!(
            split_command("python3 adapter.py --x"),
            ["python3", "adapter.py", "--x"]
        );
        assert_eq!(
            split_command("node 'my adapter.js' \"\""),
            ["node", "my adapter.js", ""]
        );
    }

    #[test]
    fn answers_are_parsed_strictly() {
        assert_eq!(
            parse_answer(r#"{"id":"1","ok":{"a":1}}"#, "1"),
            Answer::Ok(json!({"a": 1}))
        );
        assert_eq!(
            parse_answer(r#"{"id":"1","error":{"code":"X"}}"#, "1"),
            Answer::Error("X".into())
        );
        assert_eq!(
            parse_answer(r#"{"id":"1","unsupported":true}"#, "1"),
            Answer::Unsupported
        );
        assert!(matches!(parse_answer("hello", "1"), Answer::Failure(m) if m.contains("not JSON")));
        assert!(
            matches!(parse_answer(r#"{"id":"2","ok":{}}"#, "1"), Answer::Failure(m) if m.contains("wrong or missing id"))
        );
        assert!(matches!(
            parse_answer(r#"{"id":"1"}"#, "1"),
            Answer::Failure(_)
        ));
    }
}
