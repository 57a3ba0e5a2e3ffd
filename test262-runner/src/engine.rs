//! What the runner needs from a host, and the judging of one test run (shared by both hosts).
use std::{cell::RefCell, path::Path, time::Duration};

use boa_engine::{js_string, Context, JsValue};

use crate::{meta::Meta, Harness};

/// Where an error surfaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Parse,
    Resolution,
    Runtime,
}

/// Why a script or module did not complete normally.
#[derive(Debug, Clone)]
pub enum Failure {
    /// JavaScript threw (an error whose constructor name is `name`).
    Thrown {
        phase: Phase,
        name: String,
        message: String,
    },
    /// Timeout, engine limit or host failure: never matches a negative expectation.
    Host(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Thrown {
                phase,
                name,
                message,
            } => write!(f, "{phase:?} {name}: {message}"),
            Failure::Host(m) => write!(f, "{m}"),
        }
    }
}

/// One host: a fresh realm per test, scripts, modules and the job queue.
pub trait Engine {
    /// A fresh realm with `$262` and `print` for the next test.
    fn reset(&mut self) -> Result<(), String>;
    /// Compiles and runs a classic script in the test realm.
    fn run_script(&mut self, src: &str, path: &Path) -> Result<(), Failure>;
    /// Loads, links and evaluates the module at `path` (source `src`), running jobs until its
    /// evaluation settles.
    fn run_module(&mut self, src: &str, path: &Path) -> Result<(), Failure>;
    /// Runs queued promise jobs until none is left (bounded by the timeout).
    fn run_jobs(&mut self) -> Result<(), Failure>;
    /// Whether the host must be replaced before the next test (it caught a panic).
    fn broken(&self) -> bool {
        false
    }
    /// Drops what the test left behind.
    fn cleanup(&mut self) {}
}

/// Test outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail(String),
}

thread_local! {
    /// What `print` received during the current test.
    pub static PRINTS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// `print(...)`: records its first argument.
pub fn print(_: &JsValue, args: &[JsValue], cx: &mut Context) -> boa_engine::JsResult<JsValue> {
    let s = match args.first() {
        Some(v) => v.to_string(cx)?.to_std_string_escaped(),
        None => String::new(),
    };
    PRINTS.with(|p| p.borrow_mut().push(s));
    Ok(JsValue::undefined())
}

/// Name (constructor name, else `name`) and message of a thrown value.
pub fn describe_thrown(v: &JsValue, cx: &mut Context) -> (String, String) {
    let Some(obj) = v.as_object() else {
        let s = v
            .to_string(cx)
            .map(|s| s.to_std_string_escaped())
            .unwrap_or_else(|_| "<unprintable>".into());
        return ("<non-object>".into(), s);
    };
    let mut name = obj
        .get(js_string!("constructor"), cx)
        .ok()
        .and_then(|c| c.as_object())
        .and_then(|c| c.get(js_string!("name"), cx).ok())
        .and_then(|n| n.as_string().map(|s| s.to_std_string_escaped()))
        .unwrap_or_default();
    if name.is_empty() {
        name = obj
            .get(js_string!("name"), cx)
            .ok()
            .and_then(|n| n.as_string().map(|s| s.to_std_string_escaped()))
            .unwrap_or_default();
    }
    let message = obj
        .get(js_string!("message"), cx)
        .ok()
        .and_then(|m| m.as_string().map(|s| s.to_std_string_escaped()))
        .unwrap_or_default();
    (name, message)
}

/// Tests that take the whole process down in Boa 0.22 (native work no timeout can stop), with
/// why. They are skipped, never counted as passing.
pub const HOSTILE: &[(&str, &str)] = &[(
    "test/staging/sm/String/replace-math.js",
    "Boa allocates 8 GiB in native String.prototype.replace and aborts the process",
)];

/// Why a test cannot run on these hosts, if it cannot.
pub fn unsupported(rel: &str, meta: &Meta, source: &str) -> Option<String> {
    if let Some((_, why)) = HOSTILE.iter().find(|(p, _)| *p == rel) {
        return Some(format!("hostile: {why}"));
    }
    if meta.has_flag("CanBlockIsTrue") {
        return Some("flag CanBlockIsTrue (needs an agent that can block)".into());
    }
    if meta.includes.iter().any(|i| i == "atomicsHelper.js") || source.contains("$262.agent") {
        return Some("needs $262.agent (multi-agent tests are not supported)".into());
    }
    if source.contains("$262.AbstractModuleSource") {
        return Some("needs $262.AbstractModuleSource (not provided)".into());
    }
    None
}

/// Runs one test variant on `engine` and judges the result.
pub fn run_test(
    engine: &mut dyn Engine,
    harness: &Harness,
    path: &Path,
    source: &str,
    meta: &Meta,
    strict: bool,
) -> Outcome {
    PRINTS.with(|p| p.borrow_mut().clear());
    if let Err(e) = engine.reset() {
        return Outcome::Fail(format!("host: could not create a realm: {e}"));
    }
    let outcome = run_inner(engine, harness, path, source, meta, strict);
    engine.cleanup();
    outcome
}

fn run_inner(
    engine: &mut dyn Engine,
    harness: &Harness,
    path: &Path,
    source: &str,
    meta: &Meta,
    strict: bool,
) -> Outcome {
    let is_async = meta.has_flag("async");
    let is_module = meta.has_flag("module");
    if !meta.has_flag("raw") {
        let mut includes: Vec<&str> = vec!["assert.js", "sta.js"];
        if is_async {
            includes.push("doneprintHandle.js");
        }
        includes.extend(meta.includes.iter().map(String::as_str));
        for inc in includes {
            let Some(src) = harness.get(inc) else {
                return Outcome::Fail(format!("missing harness include {inc}"));
            };
            if let Err(e) = engine.run_script(src, Path::new(inc)) {
                return Outcome::Fail(format!("harness include {inc} failed: {e}"));
            }
        }
    }
    let result = if is_module {
        engine.run_module(source, path)
    } else if strict {
        engine.run_script(&format!("\"use strict\";\n{source}"), path)
    } else {
        engine.run_script(source, path)
    };
    let result = match result {
        Ok(()) if is_async => engine.run_jobs(),
        r => r,
    };
    if let Some(neg) = &meta.negative {
        return match result {
            Ok(()) => Outcome::Fail(format!(
                "expected {} {} but the test completed",
                neg.phase, neg.kind
            )),
            Err(Failure::Thrown {
                phase,
                name,
                message,
            }) => {
                let want_phase = match neg.phase.as_str() {
                    "parse" => Phase::Parse,
                    "resolution" => Phase::Resolution,
                    _ => Phase::Runtime,
                };
                // A SyntaxError raised when the realm compiles the script (Boa reports some
                // early errors only then) counts as parse phase: `$DONOTEVALUATE()` at the top
                // of every parse-negative test would have thrown a Test262Error first.
                let phase_ok = phase == want_phase
                    || (want_phase == Phase::Parse
                        && phase == Phase::Runtime
                        && name == "SyntaxError");
                if name == neg.kind && phase_ok {
                    Outcome::Pass
                } else {
                    Outcome::Fail(format!(
                        "expected {} {}, got {phase:?} {name}: {message}",
                        neg.phase, neg.kind
                    ))
                }
            }
            Err(e @ Failure::Host(_)) => Outcome::Fail(e.to_string()),
        };
    }
    if let Err(e) = result {
        return Outcome::Fail(e.to_string());
    }
    if is_async {
        let prints = PRINTS.with(|p| p.borrow().clone());
        if prints.iter().any(|p| p == "Test262:AsyncTestComplete") {
            return Outcome::Pass;
        }
        if let Some(f) = prints
            .iter()
            .find(|p| p.starts_with("Test262:AsyncTestFailure:"))
        {
            return Outcome::Fail(f.clone());
        }
        return Outcome::Fail(format!(
            "async test did not call $DONE (prints: {:?})",
            prints
        ));
    }
    Outcome::Pass
}

/// Timeout helper for hosts.
pub fn timeout_message(t: Duration) -> String {
    format!("timeout after {} ms", t.as_millis())
}
