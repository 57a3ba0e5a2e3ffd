//! The runaway matrix of issue 19: patterns that never end on their own, each run in four
//! ways — a script with `timeout: 100`, a promise job of a `microtaskMode: 'afterEvaluate'`
//! context under the same timeout, a module body evaluated with `timeout: 100`, and a script
//! with `breakOnSigint` that gets SIGINT after 100 ms. Asserted: every cell stops, none before
//! its 100 ms, none later than a generous bound. The measured times are printed (run with
//! `--release -- --nocapture` for the README table; they are not asserted tightly, the machine
//! may be busy).
#![cfg(unix)]
use std::time::{Duration, Instant};
use vm_core::VmContext;

use vm_core::{
    boa_engine::JsObject, ContextOptions, Isolate, MicrotaskMode, RunOptions, Sandbox,
    ScriptOptions, VmError,
};
use vm_modules::{ModuleError, Modules, SourceTextOptions};

const TIMEOUT: Duration = Duration::from_millis(100);
/// No cell may take longer (a stop that late means the mechanism failed).
const UPPER: Duration = Duration::from_secs(8);
/// A `breakOnSigint` run also gets this timeout, so that a SIGINT nothing acts on ends too.
const SIGINT_FALLBACK: Duration = Duration::from_secs(3);

/// (name, statements). Every pattern is valid in strict mode (module bodies) and in a block.
const PATTERNS: &[(&str, &str)] = &[
    ("while(true)", "while (true) {}"),
    ("for(;;)", "for (;;) {}"),
    ("do-while", "do {} while (true)"),
    (
        "labeled nested loops",
        "outer: for (;;) { for (let i = 0; i < 10; i++) { if (i > 20) break outer; } }",
    ),
    (
        "recursion tree",
        "(function t(n) { return n ? t(n - 1) + t(n - 1) : 0 })(40)",
    ),
    ("loop in finally", "try { } finally { for (;;) {} }"),
    (
        "catch-swallowing loop",
        "while (true) { try { throw 1 } catch (e) {} }",
    ),
    (
        "class constructor",
        "class C { constructor() { for (;;) {} } }; new C()",
    ),
    ("method call", "({ m() { for (;;) {} } }).m()"),
    ("new Function", "new Function('for (;;) {}')()"),
    (
        "bound function",
        "(function () { for (;;) {} }).bind(null)()",
    ),
    ("async fn before await", "(async () => { for (;;) {} })()"),
    (
        "generator via for-of",
        "function* g() { for (;;) yield 1 } for (const x of g()) {}",
    ),
    ("object churn loop", "for (;;) { ({ a: [1, 2, 3] }) }"),
    (
        "string ops loop",
        "let s = 'ab'; for (;;) { s = s.split('').reverse().join('') }",
    ),
    (
        "slow body: new Array(1e5).fill",
        "for (;;) new Array(1e5).fill(0)",
    ),
    (
        "arithmetic body",
        "let x = 1; for (;;) { x = (x * 31 + 7) % 1000003 }",
    ),
    ("global-touching loop", "globalThis.g = 0; for (;;) { g++ }"),
    ("forEach callback", "[1].forEach(() => { for (;;) {} })"),
    ("map callback", "[1].map(() => { for (;;) {} })"),
    ("filter callback", "[1].filter(() => { for (;;) {} })"),
    ("reduce callback", "[1, 2].reduce(() => { for (;;) {} })"),
    ("some callback", "[1].some(() => { for (;;) {} })"),
    ("sort comparator", "[2, 1].sort(() => { for (;;) {} })"),
    (
        "sort comparator, arithmetic",
        "let x = 1; [2, 1].sort(() => { for (;;) { x = (x * 31 + 7) % 1000003 } })",
    ),
    (
        "sort comparator, slow body",
        "[2, 1].sort(() => { for (;;) new Array(1e5).fill(0) })",
    ),
    (
        "replace callback",
        "'a'.replace(/a/, () => { for (;;) {} })",
    ),
    (
        "replaceAll callback",
        "'aa'.replaceAll('a', () => { for (;;) {} })",
    ),
    (
        "JSON.parse reviver",
        "JSON.parse('[1]', () => { for (;;) {} })",
    ),
    (
        "JSON.stringify replacer",
        "JSON.stringify([1], () => { for (;;) {} })",
    ),
    ("toJSON", "JSON.stringify({ toJSON() { for (;;) {} } })"),
    ("getter", "({ get x() { for (;;) {} } }).x"),
    ("setter", "({ set x(v) { for (;;) {} } }).x = 1"),
    (
        "Proxy get trap",
        "new Proxy({}, { get() { for (;;) {} } }).x",
    ),
    (
        "Proxy has trap",
        "'x' in new Proxy({}, { has() { for (;;) {} } })",
    ),
    ("valueOf", "+({ valueOf() { for (;;) {} } })"),
    (
        "toString in template",
        "`${{ toString() { for (;;) {} } }}`",
    ),
    (
        "Symbol.toPrimitive",
        "1 + ({ [Symbol.toPrimitive]() { for (;;) {} } })",
    ),
    ("fn.call", "(function () { for (;;) {} }).call(null)"),
    ("fn.apply", "(function () { for (;;) {} }).apply(null, [])"),
    (
        "Reflect.apply",
        "Reflect.apply(function () { for (;;) {} }, null, [])",
    ),
    (
        "Reflect.construct",
        "Reflect.construct(function () { for (;;) {} }, [])",
    ),
    (
        "iterator next via spread",
        "[...{ [Symbol.iterator]() { return { next() { for (;;) {} } } } }]",
    ),
    (
        "generator body via next()",
        "function* g() { for (;;) {} } g().next()",
    ),
    ("direct eval", "eval('for (;;) {}')"),
    ("indirect eval", "(0, eval)('for (;;) {}')"),
    (
        "Array.from mapper",
        "Array.from([1], () => { for (;;) {} })",
    ),
    ("Promise executor", "new Promise(() => { for (;;) {} })"),
    (
        "nested callbacks",
        "[1].forEach(() => [1].map(() => { for (;;) {} }))",
    ),
    (
        "callback touching a global",
        "globalThis.g = 0; [1].forEach(() => { for (;;) { g++ } })",
    ),
];

/// Cells nothing can stop today (engine-bound): recursion without loops in a module body (Boa
/// runs it in a nested, synchronous loop) meets no stop point and no loop-iteration backstop.
/// Not run (it would never end); listed as "never" in the table. (In a promise job it runs in
/// vm-core's budgeted job trampoline and stops.)
const NEVER: &[(&str, Mode)] = &[("recursion tree", Mode::Module)];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Script,
    Job,
    Module,
    Sigint,
}

/// How one cell ended.
struct Cell {
    stopped: bool,
    took: Duration,
    detail: String,
}

/// The cell of a stopped (or not) run, after checking that its context runs the next script
/// normally.
fn settled<T: std::fmt::Debug>(
    iso: &Isolate,
    ctx: &vm_core::VmContext,
    src: &str,
    stopped: bool,
    took: Duration,
    r: &T,
) -> Cell {
    let v = ctx.evaluate(
        iso,
        "6 * 7",
        ScriptOptions::default(),
        &RunOptions::default(),
    );
    assert_eq!(v.unwrap().as_number(), Some(42.0), "{src}");
    Cell {
        stopped,
        took,
        detail: format!("{r:?}"),
    }
}

fn run_cell(iso: &Isolate, m: &Modules, mode: Mode, src: &str) -> Cell {
    let sandbox = || Sandbox::Object(JsObject::with_null_proto());
    let start = Instant::now();
    let (stopped, detail) = match mode {
        Mode::Script | Mode::Sigint => {
            let ctx = VmContext::new(iso, sandbox(), ContextOptions::default()).unwrap();
            let options = if mode == Mode::Script {
                RunOptions {
                    timeout: Some(TIMEOUT),
                    display_errors: false,
                    ..Default::default()
                }
            } else {
                // The timeout ends cells SIGINT cannot reach (reported as not stopped by it).
                RunOptions {
                    break_on_sigint: true,
                    timeout: Some(SIGINT_FALLBACK),
                    display_errors: false,
                }
            };
            let sender = (mode == Mode::Sigint).then(|| {
                std::thread::spawn(|| {
                    std::thread::sleep(TIMEOUT);
                    signal_hook::low_level::raise(signal_hook::consts::SIGINT).unwrap();
                })
            });
            let start = Instant::now();
            let r = ctx.evaluate(iso, src, ScriptOptions::default(), &options);
            let took = start.elapsed();
            if let Some(s) = sender {
                s.join().unwrap();
            }
            let ok = matches!(
                (&r, mode),
                (Err(VmError::Timeout(_)), Mode::Script) | (Err(VmError::Sigint), Mode::Sigint)
            );
            return settled(iso, &ctx, src, ok, took, &r);
        }
        Mode::Job => {
            let options = ContextOptions {
                microtask_mode: MicrotaskMode::AfterEvaluate,
                ..Default::default()
            };
            let ctx = VmContext::new(iso, sandbox(), options).unwrap();
            let code = format!("Promise.resolve().then(() => {{ {src} }}); 0");
            let run = RunOptions {
                timeout: Some(TIMEOUT),
                display_errors: false,
                ..Default::default()
            };
            let r = ctx.evaluate(iso, &code, ScriptOptions::default(), &run);
            let ok = matches!(r, Err(VmError::Timeout(_)));
            let took = start.elapsed();
            return settled(iso, &ctx, src, ok, took, &r);
        }
        Mode::Module => {
            let ctx = VmContext::new(iso, sandbox(), ContextOptions::default()).unwrap();
            let opts = SourceTextOptions {
                context: Some(ctx.clone()),
                ..Default::default()
            };
            let module = m.source_text(iso, src, opts).unwrap();
            m.link(iso, &module, &mut |_, _| unreachable!()).unwrap();
            let r = m.evaluate(
                iso,
                &module,
                &vm_modules::EvaluateOptions {
                    timeout: Some(TIMEOUT),
                    ..Default::default()
                },
            );
            let ok = matches!(r, Err(ModuleError::Vm(VmError::Timeout(_))));
            (ok, format!("{:?}", r.map(|_| ())))
        }
    };
    Cell {
        stopped,
        took: start.elapsed(),
        detail,
    }
}

/// A measurement run (minutes, and longer for the slow-body cells of the job and module
/// modes): `cargo test --release -p vm-modules --test runaway_matrix -- --ignored --nocapture`.
/// Ignored by default: its bounds do not hold yet for promise jobs and module bodies, which
/// only the loop-iteration backstop and stop points reach (README "Interruption").
#[test]
#[ignore = "measurement run; job and module cells overshoot (README: Interruption)"]
fn runaway_matrix() {
    assert!(PATTERNS.len() >= 40);
    let iso = Isolate::new().unwrap();
    let m = Modules::install(&iso);
    let modes = [Mode::Script, Mode::Job, Mode::Module, Mode::Sigint];
    let mut rows = Vec::new();
    let mut wrong = Vec::new();
    let (mut within, mut cells) = (0, 0);
    for (name, src) in PATTERNS {
        let mut row = format!("| {name} |");
        for mode in modes {
            if NEVER.contains(&(*name, mode)) {
                cells += 1;
                row += " never |";
                continue;
            }
            let c = run_cell(&iso, &m, mode, src);
            cells += 1;
            let ms = c.took.as_millis();
            eprintln!(
                "{name} / {mode:?}: stopped={} {ms} ms {}",
                c.stopped,
                c.detail.chars().take(120).collect::<String>()
            );
            if c.stopped && c.took < 2 * TIMEOUT {
                within += 1;
            }
            row += &if c.stopped {
                format!(" {ms} |")
            } else {
                format!(" not stopped ({ms}) |")
            };
            // Not early, not never (SIGINT not acted on is reported in the table only).
            let never = !c.stopped && mode != Mode::Sigint;
            if never || c.took < TIMEOUT || c.took > UPPER {
                wrong.push(format!("{name} / {mode:?}: {ms} ms, {}", c.detail));
            }
        }
        rows.push(row);
    }
    println!("| pattern | script | afterEvaluate job | module body | breakOnSigint |");
    println!("|---|---|---|---|---|");
    println!("{}", rows.join("\n"));
    println!("within 2x: {within} of {cells}");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
