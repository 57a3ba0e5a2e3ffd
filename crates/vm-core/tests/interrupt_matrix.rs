//! The coverage matrix of `timeout`: runaway patterns, each either stopped within bounds (never
//! before the timeout) or documented as not stopped (bounded work that overruns the timeout
//! and completes): a regression guard with generous bounds. The measured matrix (script, job,
//! module body and `breakOnSigint` cells) is `crates/vm-modules/tests/runaway_matrix.rs`, in
//! the README's "Interruption" section.
use std::time::{Duration, Instant};
use vm_core::VmContext;

use vm_core::{
    boa_engine::JsObject, ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions, VmError,
};

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

const PATTERNS: &[(&str, &str, Expect)] = &[
    ("while(true)", "while (true) {}", Stopped),
    ("for(;;)", "for (;;) {}", Stopped),
    ("do-while", "do {} while (true)", Stopped),
    (
        "labeled nested loops",
        "outer: for (;;) { for (let i = 0; i < 10; i++) { if (i > 20) break outer; } }",
        Stopped,
    ),
    (
        "recursion tree",
        "(function t(n) { return n ? t(n - 1) + t(n - 1) : 0 })(40)",
        Stopped,
    ),
    (
        "mutual recursion tree",
        "function a(n) { return n ? b(n - 1) + b(n - 1) : 0 } function b(n) { return a(n) } a(40)",
        Stopped,
    ),
    (
        "loop in finally",
        "try { } finally { for (;;) {} }",
        Stopped,
    ),
    (
        "catch-swallowing loop",
        "while (true) { try { throw 1 } catch (e) {} }",
        Stopped,
    ),
    (
        "class constructor",
        "class C { constructor() { for (;;) {} } }; new C()",
        Stopped,
    ),
    (
        "derived constructor",
        "class A {} class B extends A { constructor() { super(); for (;;) {} } }; new B()",
        Stopped,
    ),
    ("method call", "({ m() { for (;;) {} } }).m()", Stopped),
    ("new Function", "new Function('for (;;) {}')()", Stopped),
    (
        "bound function",
        "(function () { for (;;) {} }).bind(null)()",
        Stopped,
    ),
    (
        "async function before await",
        "(async () => { for (;;) {} })()",
        Stopped,
    ),
    ("arrow IIFE", "(() => { while (true) {} })()", Stopped),
    (
        "generator via for-of",
        "function* g() { for (;;) yield 1 } for (const x of g()) {}",
        Stopped,
    ),
    (
        "object churn loop",
        "for (;;) { ({ a: [1, 2, 3] }) }",
        Stopped,
    ),
    (
        "closure calls in loop",
        "const f = (x) => x + 1; let i = 0; for (;;) i = f(i)",
        Stopped,
    ),
    (
        "string ops loop",
        "let s = 'ab'; for (;;) { s = s.split('').reverse().join('') }",
        Stopped,
    ),
    (
        "forEach callback loop",
        "[1].forEach(() => { for (;;) {} })",
        // Array callback methods run in the budgeted loop during stoppable runs.
        Stopped,
    ),
    (
        "sort comparator loop",
        "[2, 1].sort(() => { for (;;) {} })",
        Stopped,
    ),
    (
        "replace callback loop",
        "'a'.replace(/a/, () => { for (;;) {} })",
        Backstop,
    ),
    ("getter loop", "({ get x() { for (;;) {} } }).x", Backstop),
    (
        "Proxy trap loop",
        "new Proxy({}, { get() { for (;;) {} } }).x",
        Backstop,
    ),
    ("valueOf loop", "+({ valueOf() { for (;;) {} } })", Backstop),
    (
        "fn.call loop",
        "(function () { for (;;) {} }).call(null)",
        Backstop,
    ),
    (
        "Reflect.apply loop",
        "Reflect.apply(function () { for (;;) {} }, null, [])",
        Backstop,
    ),
    ("eval loop", "eval('for (;;) {}')", Backstop),
    (
        "generator body via next()",
        "function* g() { for (;;) {} } g().next()",
        Backstop,
    ),
    (
        "many short callbacks",
        "new Array(400000).fill(0).forEach((x, i) => x + i)",
        Stopped,
    ),
    (
        "native-only Array.from",
        "Array.from({ length: 1500000 }, () => 0).length",
        NotStopped,
    ),
    (
        "regex backtracking",
        "/^(a+)+$/.test('a'.repeat(23) + 'b')",
        NotStopped,
    ),
];

#[test]
fn runaway_patterns() {
    let iso = Isolate::new().unwrap();
    let ctx = VmContext::new(
        &iso,
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )
    .unwrap();
    let timeout = Duration::from_millis(TIMEOUT_MS);
    let options = RunOptions {
        timeout: Some(timeout),
        display_errors: false,
        ..Default::default()
    };
    let mut report = Vec::new();
    let mut wrong = Vec::new();
    for (name, src, expect) in PATTERNS {
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
        let v = ctx.evaluate(
            &iso,
            "1 + 1",
            ScriptOptions::default(),
            &RunOptions::default(),
        );
        assert_eq!(v.unwrap().as_number(), Some(2.0), "{name}");
    }
    println!("{}", report.join("\n"));
    assert!(PATTERNS.len() >= 30);
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
