//! Running one test under boavm (with a time limit) and classifying what it did.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

use crate::corpus::{map_flags, parse_flags, Test};

/// A test's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Pass,
    Fail,
    Skip,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Skip => "skip",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pass" => Some(Status::Pass),
            "fail" => Some(Status::Fail),
            "skip" => Some(Status::Skip),
            _ => None,
        }
    }
}

/// What happened to one test: its status and the reason / first failing assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub status: Status,
    pub detail: String,
}

impl Outcome {
    fn new(status: Status, detail: impl Into<String>) -> Outcome {
        Outcome {
            status,
            detail: detail.into(),
        }
    }
}

const DETAIL_MAX: usize = 200;

fn clip(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= DETAIL_MAX {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(DETAIL_MAX - 1).collect();
        out.push('…');
        out
    }
}

/// The reason on a TAP skip line (`1..0 # Skipped: reason`) in a test's stdout, if any.
pub fn skip_reason(stdout: &str) -> Option<String> {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("1..0 # Skipped:"))
        .map(clip)
}

/// The first stderr line that looks like an error or assertion (`/Error|assert/i`), else the
/// last non-blank line. When that line ends with `:` (a message continued below, like an
/// assertion diff), the following lines up to the first stack frame are appended, joined
/// with ` | `. The result is at most 200 characters.
pub fn first_failure(stderr: &str) -> Option<String> {
    let lines: Vec<&str> = stderr
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let found = lines.iter().position(|l| {
        let lower = l.to_lowercase();
        lower.contains("error") || lower.contains("assert")
    });
    let Some(i) = found else {
        return lines.last().map(|l| clip(l));
    };
    let mut text = lines[i].to_string();
    if text.ends_with(':') {
        for l in &lines[i + 1..] {
            if l.starts_with("at ") || text.chars().count() > DETAIL_MAX {
                break;
            }
            if *l == "+ actual - expected" {
                continue;
            }
            text.push_str(" | ");
            text.push_str(&l.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }
    Some(clip(&text))
}

fn describe_exit(status: Option<ExitStatus>) -> String {
    match status {
        Some(s) => match s.code() {
            Some(c) => format!("exit code {c}"),
            None => format!("terminated ({s})"),
        },
        None => "no exit status".to_string(),
    }
}

/// Classifies a finished run: a skip line wins, then exit status 0 passes.
pub fn classify(exit: Option<ExitStatus>, stdout: &str, stderr: &str) -> Outcome {
    if let Some(reason) = skip_reason(stdout) {
        return Outcome::new(Status::Skip, reason);
    }
    if exit.is_some_and(|s| s.success()) {
        return Outcome::new(Status::Pass, "");
    }
    let detail =
        first_failure(stderr).unwrap_or_else(|| format!("{} (no stderr)", describe_exit(exit)));
    Outcome::new(Status::Fail, detail)
}

/// Runs tests against one boavm binary in one scratch corpus.
pub struct Runner {
    pub boavm: PathBuf,
    pub scratch: PathBuf,
    pub timeout: Duration,
}

impl Runner {
    /// Decides whether a test can run at all; `Err` is the skip outcome.
    fn plan(&self, test: &Test) -> Result<(PathBuf, Vec<&'static str>), Outcome> {
        if test.class == "C" {
            let why = if test.notes.is_empty() || test.notes == "-" {
                "class C: needs real Node".to_string()
            } else {
                format!("class C: {}", test.notes)
            };
            return Err(Outcome::new(Status::Skip, clip(&why)));
        }
        let file = self.scratch.join(&test.path);
        let bytes = std::fs::read(&file).map_err(|e| {
            Outcome::new(Status::Fail, clip(&format!("cannot read test file: {e}")))
        })?;
        let source = String::from_utf8_lossy(&bytes);
        let flags = parse_flags(&source);
        match map_flags(&flags, &source) {
            Ok(opts) => Ok((file, opts)),
            Err(flag) => Err(Outcome::new(
                Status::Skip,
                format!("flag {flag} not supported"),
            )),
        }
    }

    /// Runs one test (or returns why it is skipped).
    pub fn run(&self, test: &Test) -> Outcome {
        let (file, opts) = match self.plan(test) {
            Ok(p) => p,
            Err(skip) => return skip,
        };
        let cwd = file
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.scratch.clone());
        let mut cmd = Command::new(&self.boavm);
        cmd.args(&opts)
            .arg(&file)
            .current_dir(cwd)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = match cmd.spawn() {
            Ok(c) => c,
            Err(e) => return Outcome::new(Status::Fail, clip(&format!("cannot start boavm: {e}"))),
        };
        let drain = |pipe: Option<Box<dyn Read + Send>>| {
            thread::spawn(move || {
                let mut buf = Vec::new();
                if let Some(mut p) = pipe {
                    let _ = p.read_to_end(&mut buf);
                }
                buf
            })
        };
        let out = drain(
            child
                .stdout
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let err = drain(
            child
                .stderr
                .take()
                .map(|p| Box::new(p) as Box<dyn Read + Send>),
        );
        let deadline = Instant::now() + self.timeout;
        let mut timed_out = false;
        let exit = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if Instant::now() >= deadline => {
                    timed_out = true;
                    let _ = child.kill();
                    break child.wait().ok();
                }
                Ok(None) => thread::sleep(Duration::from_millis(10)),
                Err(_) => break child.wait().ok(),
            }
        };
        let stdout = out.join().unwrap_or_default();
        let stderr = err.join().unwrap_or_default();
        if timed_out {
            return Outcome::new(
                Status::Fail,
                format!("timeout (killed after {} s)", self.timeout.as_secs()),
            );
        }
        // Scratch paths change every run: show paths relative to the corpus root.
        let prefix = format!("{}{}", self.scratch.display(), std::path::MAIN_SEPARATOR);
        let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(&prefix, "");
        classify(exit, &text(&stdout), &text(&stderr))
    }
}

/// Runs every test on `jobs` worker threads; results come back in input order.
/// `progress` is called (serially) as each test finishes.
pub fn run_all(
    runner: &Runner,
    tests: &[Test],
    jobs: usize,
    progress: impl Fn(usize, &Test, &Outcome) + Sync,
) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let done = Mutex::new((0usize, vec![None; tests.len()]));
    thread::scope(|s| {
        for _ in 0..jobs.max(1).min(tests.len().max(1)) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(test) = tests.get(i) else { break };
                let outcome = runner.run(test);
                let mut guard = done.lock().unwrap_or_else(|p| p.into_inner());
                guard.0 += 1;
                progress(guard.0, test, &outcome);
                guard.1[i] = Some(outcome);
            });
        }
    });
    let (_, results) = done.into_inner().unwrap_or_else(|p| p.into_inner());
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Outcome::new(Status::Fail, "runner: test did not run")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_line_detection() {
        assert_eq!(
            skip_reason("hello\n1..0 # Skipped: no intl  \nmore\n"),
            Some("no intl".to_string())
        );
        assert_eq!(skip_reason("1..0 # Skipped:"), Some(String::new()));
        assert_eq!(
            skip_reason(" 1..0 # Skipped: indented does not count"),
            None
        );
        assert_eq!(skip_reason("ok 1\n# Skipped: no\n"), None);
        assert_eq!(skip_reason(""), None);
    }

    #[test]
    fn first_failure_prefers_error_lines() {
        let stderr = "\n/tmp/x/parallel/t.js:12\n  throw err;\nAssertionError [ERR_ASSERTION]: \
                      1 == 2\n    at foo\nTypeError: later\n";
        assert_eq!(
            first_failure(stderr).as_deref(),
            Some("AssertionError [ERR_ASSERTION]: 1 == 2")
        );
        assert_eq!(
            first_failure("Mismatched calls\n  expected 1 got 0  \n\n").as_deref(),
            Some("expected 1 got 0")
        );
        assert_eq!(
            first_failure("an ASSERT went wrong\n").as_deref(),
            Some("an ASSERT went wrong")
        );
        let diff = "AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal:\n\
                    + actual - expected\n\n  Comparison {\n+   code:  'A'\n-   code: 'B'\n  }\n\
                        at /x.js:1:2\n  code: 'ERR_ASSERTION'\n";
        assert_eq!(
            first_failure(diff).as_deref(),
            Some(
                "AssertionError [ERR_ASSERTION]: Expected values to be strictly deep-equal: | \
                  Comparison { | + code: 'A' | - code: 'B' | }"
            )
        );
        assert_eq!(first_failure("  \n"), None);
        let long = format!("Error: {}", "x".repeat(500));
        assert_eq!(
            first_failure(&long).map(|s| s.chars().count()),
            Some(DETAIL_MAX)
        );
    }

    #[test]
    fn status_round_trip() {
        for s in [Status::Pass, Status::Fail, Status::Skip] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse(" PASS "), Some(Status::Pass));
        assert_eq!(Status::parse("flaky"), None);
    }

    #[cfg(unix)]
    #[test]
    fn classify_exit_and_skip() {
        use std::os::unix::process::ExitStatusExt;
        let ok = Some(ExitStatus::from_raw(0));
        let bad = Some(ExitStatus::from_raw(1 << 8));
        assert_eq!(classify(ok, "", "").status, Status::Pass);
        assert_eq!(
            classify(ok, "1..0 # Skipped: why\n", ""),
            Outcome::new(Status::Skip, "why")
        );
        assert_eq!(
            classify(bad, "", "Error: boom\n"),
            Outcome::new(Status::Fail, "Error: boom")
        );
        assert_eq!(
            classify(bad, "", ""),
            Outcome::new(Status::Fail, "exit code 1 (no stderr)")
        );
    }
}
