//! Runs one workload in a loop, for profilers (`perf record`, `valgrind --tool=callgrind`):
//! `hot <cached_small|global_access|cpu|new_context> [iterations]`, or `hot bare:<workload>` for
//! the same on a plain Boa `Context` (no vm layer), or `hot accessor:<workload>` on a plain
//! `Context` whose global forwards `g` and `x` to a sandbox object through accessor properties
//! (the alternative to the Proxy global measured in docs/performance-analysis.md). With `valgrind --tool=callgrind` the
//! instruction counts are repeatable on a busy machine: the difference between two iteration
//! counts, divided, is the cost of one run.
//!
//! Built with `--features tracking-alloc` it counts allocations with vm-core's
//! `TrackingAllocator` (as the `boavm` CLI does), and `HOT_MEMORY_LIMIT_MB=N` sets an isolate
//! memory limit: the cost of the allocator and of a limited run, in instructions.
use boa_engine::{Context, JsObject, Source};
use boavm_bench::{CPU, GLOBALS, SMALL};
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions};
use vm_core::{Script, VmContext};

#[cfg(feature = "tracking-alloc")]
#[global_allocator]
static ALLOC: vm_core::memory::TrackingAllocator = vm_core::memory::TrackingAllocator::system();

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    if let Some(bare) = which.strip_prefix("bare:") {
        return run_bare(bare, n, false);
    }
    if let Some(bare) = which.strip_prefix("accessor:") {
        return run_bare(bare, n, true);
    }
    let iso = Isolate::new().expect("isolate");
    if let Some(mb) = std::env::var("HOT_MEMORY_LIMIT_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    {
        iso.set_memory_limit(Some(mb << 20)).expect("memory limit");
    }
    let new_ctx = || {
        VmContext::new(
            &iso,
            Sandbox::Object(JsObject::with_null_proto()),
            ContextOptions::default(),
        )
        .expect("context")
    };
    let opts = RunOptions::default();
    let ctx = new_ctx();
    let src = source(&which);
    ctx.evaluate(&iso, "var g = 0", ScriptOptions::default(), &opts)
        .expect("setup");
    let script = Script::compile(&iso, src, ScriptOptions::default()).expect("compile");
    for _ in 0..n {
        if which == "new_context" {
            script.run(&iso, &new_ctx(), &opts).expect("run");
        } else {
            script.run(&iso, &ctx, &opts).expect("run");
        }
    }
}

fn source(which: &str) -> &'static str {
    match which {
        "cached_small" | "new_context" => SMALL,
        "global_access" => GLOBALS,
        "cpu" => CPU,
        _ => {
            eprintln!(
                "usage: hot [bare:]<cached_small|global_access|cpu|new_context> [iterations]"
            );
            std::process::exit(2);
        }
    }
}

fn run_bare(which: &str, n: usize, accessors: bool) {
    let src = source(which);
    let mut cx = Context::default();
    if accessors {
        forward_through_accessors(&mut cx, &["g", "x"]);
    }
    cx.eval(Source::from_bytes("var g = 0")).expect("setup");
    let script = boa_engine::Script::parse(Source::from_bytes(src), None, &mut cx).expect("parse");
    for _ in 0..n {
        if which == "new_context" {
            let mut fresh = Context::default();
            fresh.eval(Source::from_bytes(src)).expect("run");
        } else {
            script.evaluate(&mut cx).expect("run");
        }
    }
}

/// Defines `names` on `cx`'s global as accessors that read and write a sandbox object: what a
/// global of interceptor-like accessors would cost per access, without a Proxy.
fn forward_through_accessors(cx: &mut Context, names: &[&str]) {
    use boa_engine::{
        object::FunctionObjectBuilder, property::PropertyDescriptor, JsString,
        JsValue, NativeFunction,
    };
    let sandbox = JsObject::with_null_proto();
    let realm = cx.realm().clone();
    for name in names {
        let key = JsString::from(*name);
        let get = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_copy_closure_with_captures(
                |_, _, (sandbox, key): &(JsObject, JsString), cx| sandbox.get(key.clone(), cx),
                (sandbox.clone(), key.clone()),
            ),
        )
        .build();
        let set = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_copy_closure_with_captures(
                |_, args, (sandbox, key): &(JsObject, JsString), cx| {
                    let v = args.first().cloned().unwrap_or_default();
                    sandbox.set(key.clone(), v, true, cx)?;
                    Ok(JsValue::undefined())
                },
                (sandbox.clone(), key.clone()),
            ),
        )
        .build();
        cx.global_object()
            .define_property_or_throw(
                key,
                PropertyDescriptor::builder()
                    .get(get)
                    .set(set)
                    .enumerable(true)
                    .configurable(true),
                cx,
            )
            .expect("accessor");
    }
}
