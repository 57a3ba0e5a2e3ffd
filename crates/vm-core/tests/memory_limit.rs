//! The per-isolate memory limit through the Rust API (the JS-level matrix is
//! `crates/boavm/tests/memory_limit.rs`).
use vm_core::VmContext;
use vm_core::{
    boa_engine::JsObject, memory::TrackingAllocator, ContextOptions, Isolate, RunOptions, Sandbox,
    ScriptOptions, VmError,
};

#[global_allocator]
static ALLOC: TrackingAllocator = TrackingAllocator::system();

const LIMIT: usize = 64 << 20;

fn run(iso: &Isolate, code: &str) -> Result<String, VmError> {
    let ctx = VmContext::new(
        iso,
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )?;
    let v = ctx.evaluate(iso, code, ScriptOptions::default(), &RunOptions::default())?;
    let s = ctx.enter(iso, |cx| v.to_string(cx).map(|s| s.to_std_string_escaped()))?;
    Ok(s.unwrap_or_default())
}

#[test]
fn growth_past_the_limit_stops_the_run_and_the_isolate_goes_on() {
    let iso = Isolate::new().unwrap();
    iso.set_memory_limit(Some(LIMIT)).unwrap();
    assert_eq!(iso.memory_limit(), Some(LIMIT));
    for code in [
        "var s = 'a'; while (true) s += s;",
        "const a = []; for (;;) a.push({ x: [1, 2] });",
        "const m = new Map(); for (let i = 0; ; i++) m.set(i, 'v' + i);",
    ] {
        match run(&iso, code) {
            Err(VmError::MemoryLimit { limit }) => assert_eq!(limit, LIMIT),
            other => panic!("{code}: {other:?}"),
        }
        iso.collect_garbage();
        assert!(
            vm_core::memory::thread_live_bytes() < LIMIT / 2,
            "{code}: memory was not returned ({} bytes live)",
            vm_core::memory::thread_live_bytes()
        );
        iso.check_health().unwrap();
    }
    // Refused before allocating: a catchable RangeError.
    assert_eq!(
        run(
            &iso,
            "try { new ArrayBuffer(1 << 30); 'no' } catch (e) { e.name }"
        )
        .unwrap(),
        "RangeError"
    );
    assert_eq!(
        run(
            &iso,
            "try { 'ab'.repeat(1 << 26); 'no' } catch (e) { e.name }"
        )
        .unwrap(),
        "RangeError"
    );
    // Work within the limit is untouched.
    assert_eq!(
        run(
            &iso,
            "const a = []; for (let i = 0; i < 1e5; i++) a.push(i); a.length"
        )
        .unwrap(),
        "100000"
    );
    iso.set_memory_limit(None).unwrap();
    assert_eq!(
        run(&iso, "'ab'.repeat(1 << 26).length").unwrap(),
        "134217728"
    );
}

#[test]
fn a_zero_limit_is_refused() {
    let iso = Isolate::new().unwrap();
    assert!(matches!(
        iso.set_memory_limit(Some(0)),
        Err(VmError::InvalidOption {
            name: "memoryLimit",
            ..
        })
    ));
}
