//! The coverage matrix of `timeout`: runaway patterns, each either stopped within bounds (never
//! before the timeout) or documented as not stopped (bounded work that overruns the timeout
//! and completes): a regression guard with generous bounds. The measured matrix (script, job,
//! module body and `breakOnSigint` cells) is `crates/vm-modules/tests/runaway_matrix.rs`, in
//! the README's "Interruption" section.
mod support;
use std::time::{Duration, Instant};

use vm_core::{Isolate, RunOptions, ScriptOptions, VmError};

const TIMEOUT_MS: u64 = 100;

/// How a pattern ends under the timeout.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Stopped by the budgeted loop: within 2× the timeout.
    Stopped,
    /// Stopped by a stop point or the loop-iteration backstop (loops inside native callbacks):
    /// after at least the timeout, within 2× the calibrated margin plus slack.
    Backstop,
    /// Not stopped: runs to completion (documented engine limit).
    NotStopped,
}

use Expect::*;

/// The patterns (`runaway_patterns.tsv`: expectation, name, source per line).
fn patterns() -> Vec<(Expect, &'static str, &'static str)> {
    include_str!("runaway_patterns.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut cols = l.splitn(3, '\t');
            let mut col = || cols.next().expect("three tab-separated columns");
            let expect = match col() {
                "Stopped" => Stopped,
                "Backstop" => Backstop,
                "NotStopped" => NotStopped,
                other => panic!("unknown expectation {other}"),
            };
            (expect, col(), col())
        })
        .collect()
}

#[test]
fn runaway_patterns() {
    let iso = Isolate::new().unwrap();
    let ctx = support::object_context(&iso);
    let timeout = Duration::from_millis(TIMEOUT_MS);
    let options = RunOptions {
        timeout: Some(timeout),
        display_errors: false,
        ..Default::default()
    };
    let mut report = Vec::new();
    let mut wrong = Vec::new();
    let patterns = patterns();
    for &(expect, name, src) in &patterns {
        let start = Instant::now();
        let r = ctx.evaluate(&iso, src, ScriptOptions::default(), &options);
        let took = start.elapsed();
        let stopped = matches!(r, Err(VmError::Timeout(_)));
        let ok = match expect {
            Stopped => stopped && took >= timeout && took < 2 * timeout,
            Backstop => stopped && took >= timeout && took < 8 * timeout,
            NotStopped => !stopped && took >= timeout,
        };
        report.push(format!(
            "{name:32} {expect:?}: stopped={stopped} after {took:?}"
        ));
        if !ok {
            wrong.push(format!(
                "{name}: expected {expect:?}, got stopped={stopped} after {took:?} ({r:?})"
            ));
        }
        // the context stays usable after every pattern
        let v = support::eval(&iso, &ctx, "1 + 1");
        assert_eq!(v.as_number(), Some(2.0), "{name}");
    }
    println!("{}", report.join("\n"));
    assert!(patterns.len() >= 30);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
