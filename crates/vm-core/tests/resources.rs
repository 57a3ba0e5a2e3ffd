//! Resource bounds: dropped contexts are freed, and throwing runs do not wear a context out.
use vm_core::{boa_engine::JsObject, ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions};

fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|v| v.parse::<usize>().ok())
        })
        .map_or(0, |p| p * 4096)
}

/// 5,000 contexts created, used and dropped in one isolate: RSS grows by less than 100 MB.
#[test]
fn dropped_contexts_are_freed() {
    let iso = Isolate::new().unwrap();
    let script = iso
        .compile_script(
            "var n = (typeof n === 'number' ? n : 0) + 1; [n, {a: new Map()}]",
            ScriptOptions::default(),
        )
        .unwrap();
    let warm = |iso: &Isolate| {
        let ctx = iso
            .create_context(
                Sandbox::Object(JsObject::with_null_proto()),
                ContextOptions::default(),
            )
            .unwrap();
        iso.run_script(&script, &ctx, &RunOptions::default())
            .unwrap();
    };
    for _ in 0..200 {
        warm(&iso);
    }
    iso.collect_garbage();
    let before = rss_bytes();
    for i in 0..5_000 {
        warm(&iso);
        if i % 500 == 0 {
            iso.collect_garbage();
        }
    }
    iso.collect_garbage();
    let grown = rss_bytes().saturating_sub(before);
    assert!(
        grown < 100 * 1024 * 1024,
        "RSS grew by {} MB",
        grown / (1024 * 1024)
    );
    assert_eq!(iso.live_contexts(), 0);
    assert_eq!(script.compiled_contexts(), 0);
}

/// 10,000 runs that throw from inside a function leave the context usable.
#[test]
fn throwing_runs_leave_the_context_usable() {
    let iso = Isolate::new().unwrap();
    let ctx = iso
        .create_context(
            Sandbox::Object(JsObject::with_null_proto()),
            ContextOptions::default(),
        )
        .unwrap();
    let s = iso
        .compile_script(
            "(function deep(n) { if (n === 0) throw new Error('x'); return deep(n - 1) + 1; })(5)",
            ScriptOptions::default(),
        )
        .unwrap();
    let quiet = RunOptions {
        display_errors: false,
        ..Default::default()
    };
    for _ in 0..10_000 {
        assert!(iso
            .run_script(&s, &ctx, &quiet)
            .unwrap_err()
            .thrown()
            .is_some());
    }
    let ok = iso
        .run_in_context(
            "(function f(n) { return n ? f(n - 1) + 1 : 0 })(500)",
            &ctx,
            ScriptOptions::default(),
            &quiet,
        )
        .unwrap();
    assert_eq!(ok.as_number(), Some(500.0));
}
