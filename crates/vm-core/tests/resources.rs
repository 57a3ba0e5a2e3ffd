//! Resource bounds: dropped contexts are freed, and throwing runs do not wear a context out.
mod support;
use vm_core::Script;
use vm_core::{boa_engine::JsObject, Isolate, RunOptions, ScriptOptions};

/// The soaks measure the process's RSS: every test of this file holds this lock, so no other
/// test allocates while one measures.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs the soak `f` at size `n` alone (soaks measure the process's resident set).
fn soak(f: fn(usize), n: usize) {
    let _serial = serial();
    f(n);
}

fn rss_bytes() -> usize {
    vm_core::resident_set_bytes().unwrap_or(0)
}

/// Soak (README "Soak tests"): `n` contexts created, run in and dropped in one isolate; RSS
/// grows by less than 100 MB, every context is freed, and a fresh context still runs code.
fn context_cycles(n: usize) {
    let iso = Isolate::new().unwrap();
    let script = support::compile(
        &iso,
        "var n = (typeof n === 'number' ? n : 0) + 1; [n, {a: new Map()}]",
    );
    let warm = |iso: &Isolate| {
        let ctx = support::object_context(iso);
        script.run(iso, &ctx, &RunOptions::default()).unwrap();
    };
    for _ in 0..200 {
        warm(&iso);
    }
    iso.collect_garbage();
    let before = rss_bytes();
    for i in 0..n {
        warm(&iso);
        if i % 500 == 0 {
            iso.collect_garbage();
        }
    }
    iso.collect_garbage();
    let grown = rss_bytes().saturating_sub(before);
    eprintln!("{n} context cycles: RSS +{} KiB", grown / 1024);
    assert!(
        grown < 5 * 1024 * 1024,
        "RSS grew by {} MB",
        grown / (1024 * 1024)
    );
    assert_eq!(iso.live_contexts(), 0);
    assert_eq!(script.compiled_contexts(), 0);
    healthy(&iso);
}

/// A fresh context of `iso` runs code.
fn healthy(iso: &Isolate) {
    iso.check_health().unwrap();
}

/// The context soak at a tenth of its size (part of `cargo test --workspace`, hence CI).
#[test]
fn soak_context_cycles_small() {
    soak(context_cycles, 1_000);
}

/// The full soak: 10,000 createContext / run / drop cycles (`-- --ignored soak_`).
#[test]
#[ignore = "soak: run with -- --ignored soak_"]
fn soak_context_cycles() {
    soak(context_cycles, 10_000);
}

/// Soak: `n` runs that throw from inside a function leave the context usable.
fn throwing_runs(n: usize) {
    let iso = Isolate::new().unwrap();
    let ctx = support::object_context(&iso);
    let s = support::compile(
        &iso,
        "(function deep(n) { if (n === 0) throw new Error('x'); return deep(n - 1) + 1; })(5)",
    );
    let quiet = RunOptions {
        display_errors: false,
        ..Default::default()
    };
    iso.collect_garbage();
    let before = rss_bytes();
    for _ in 0..n {
        assert!(s.run(&iso, &ctx, &quiet).unwrap_err().thrown().is_some());
    }
    iso.collect_garbage();
    let grown = rss_bytes().saturating_sub(before);
    eprintln!("{n} throwing runs: RSS +{} KiB", grown / 1024);
    assert!(grown < 5 * 1024 * 1024, "RSS grew by {} KiB", grown >> 10);
    let ok = ctx
        .evaluate(
            &iso,
            "(function f(n) { return n ? f(n - 1) + 1 : 0 })(500)",
            ScriptOptions::default(),
            &quiet,
        )
        .unwrap();
    assert_eq!(ok.as_number(), Some(500.0));
    healthy(&iso);
}

/// The throwing-runs soak at a tenth of its size (CI).
#[test]
fn soak_throwing_runs_small() {
    soak(throwing_runs, 1_000);
}

/// The full soak: 10,000 runs throwing from inside functions (`-- --ignored soak_`).
#[test]
#[ignore = "soak: run with -- --ignored soak_"]
fn soak_throwing_runs() {
    soak(throwing_runs, 10_000);
}

/// Runaway recursion is a RangeError for the caller, never a crashed process; the context
/// stays usable.
#[test]
fn runaway_recursion_is_a_range_error() {
    let _serial = serial();
    let iso = Isolate::new().unwrap();
    let ctx = support::object_context(&iso);
    for src in [
        "(function f() { return f() + 1 })()",
        "({ get x() { return this.x } }).x",
        "(function g() { [1].forEach(g) })()",
    ] {
        let err = ctx
            .evaluate(&iso, src, ScriptOptions::default(), &RunOptions::default())
            .unwrap_err();
        let name = iso
            .main_context()
            .enter(&iso, |cx| {
                err.thrown().and_then(|v| v.as_object()).map(|o| {
                    o.get(vm_core::boa_engine::js_string!("name"), cx)
                        .unwrap()
                        .display()
                        .to_string()
                })
            })
            .unwrap();
        // node: RangeError "Maximum call stack size exceeded"
        assert_eq!(name.as_deref(), Some("\"RangeError\""), "{src}: {err:?}");
    }
    let v = support::eval(&iso, &ctx, "1 + 1");
    assert_eq!(v.as_number(), Some(2.0));
}

/// A panic in a host callback does not leave the isolate silently broken: the run fails with
/// `VmError::Broken`, and so does every later call.
#[test]
fn a_panicking_host_callback_marks_the_isolate_broken() {
    let _serial = serial();
    use vm_core::boa_engine::{object::FunctionObjectBuilder, NativeFunction};
    let iso = Isolate::new().unwrap();
    let main = iso.main_context();
    main.enter(&iso, |cx| {
        let realm = cx.realm().clone();
        let f = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_fn_ptr(|_, _, _| panic!("host bug")),
        )
        .build();
        cx.global_object()
            .set(vm_core::boa_engine::js_string!("explode"), f, false, cx)
            .unwrap();
    })
    .unwrap();
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let r = main.evaluate(
        &iso,
        "explode()",
        ScriptOptions::default(),
        &RunOptions::default(),
    );
    std::panic::set_hook(quiet);
    assert!(
        matches!(r, Err(vm_core::VmError::Broken(ref m)) if m == "host bug"),
        "{r:?}"
    );
    let later = main.evaluate(&iso, "1", ScriptOptions::default(), &RunOptions::default());
    assert!(matches!(later, Err(vm_core::VmError::Broken(_))));
}

/// A 50 MB source is an error under the default limits, never an out-of-memory abort; a raised
/// limit is honoured.
#[test]
fn huge_sources_are_refused_with_an_error() {
    let _serial = serial();
    let iso = Isolate::new().unwrap();
    let huge = "1;".repeat(25 << 20);
    let r = Script::compile(&iso, &huge, ScriptOptions::default());
    assert!(
        matches!(r, Err(vm_core::VmError::SourceTooLarge { size, .. }) if size == 50 << 20),
        "{r:?}"
    );
    let f = vm_core::compile_function(&iso, &huge, &[], Default::default());
    assert!(matches!(f, Err(vm_core::VmError::SourceTooLarge { .. })));
    iso.set_max_source_bytes(64);
    assert!(Script::compile(&iso, &"1;".repeat(40), ScriptOptions::default()).is_err());
    assert!(Script::compile(&iso, "1 + 1", ScriptOptions::default()).is_ok());
}

/// What an embedder holding only JS values sees: a `VmContext` stored in a JS object (it is
/// `Trace`) does not root the context; the context lives while that object, or any value of
/// its realm, is reachable, and is freed after.
#[test]
fn contexts_held_from_the_heap_live_as_long_as_what_reaches_them() {
    let _serial = serial();
    use vm_core::{
        boa_engine::{JsData, JsValue},
        boa_gc::{Finalize, Trace},
        VmContext,
    };
    #[derive(Trace, Finalize, JsData)]
    struct Holder(VmContext);

    let iso = Isolate::new().unwrap();
    let make = |iso: &Isolate| {
        let ctx = support::object_context(iso);
        let f = ctx
            .evaluate(
                iso,
                "var base = 40; (function (x) { return base + x })",
                ScriptOptions::default(),
                &RunOptions::default(),
            )
            .unwrap();
        let holder = JsObject::from_proto_and_data(None, Holder(ctx.clone()));
        let f = f.as_object().expect("a function");
        (holder, f, ctx.downgrade())
    };
    let (holder, f, weak) = make(&iso);
    iso.collect_garbage();
    assert_eq!(
        iso.live_contexts(),
        1,
        "held by the holder object and the function"
    );
    drop(holder);
    iso.collect_garbage();
    assert!(
        weak.upgrade().is_some(),
        "the function's realm keeps its context"
    );
    let v = iso
        .main_context()
        .enter(&iso, |cx| f.call(&JsValue::undefined(), &[2.into()], cx))
        .unwrap()
        .unwrap();
    assert_eq!(v.as_number(), Some(42.0));
    drop(f);
    iso.collect_garbage();
    assert!(weak.upgrade().is_none(), "freed once nothing reaches it");
    assert_eq!(iso.live_contexts(), 0);
    healthy(&iso);
}
