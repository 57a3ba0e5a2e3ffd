//! Runs one workload in a loop, for profilers (`perf record`, `valgrind --tool=callgrind`):
//! `hot <cached_small|global_access|cpu|new_context|first_run_100kb|realistic> [iterations]`
//! (`first_run_100kb`: a fresh context runs a compiled 100 KB library; `realistic`: 20 fresh
//! contexts each load a 300 KB library and run a template/CSV job), or `hot bare:<workload>` for
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
use boavm_bench::{
    library_source, realistic_library, CPU, GLOBALS, LIBRARY_BYTES, REALISTIC_BYTES,
    REALISTIC_CONTEXTS, REALISTIC_JOB, SMALL,
};
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions};
use vm_core::{Script, VmContext};

#[cfg(feature = "tracking-alloc")]
#[global_allocator]
static ALLOC: vm_core::memory::TrackingAllocator = vm_core::memory::TrackingAllocator::system();

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    // The generated sources, for bench/js/sources.sh (the JavaScript workloads use these texts).
    if which == "dump:realistic" {
        print!("{}", realistic_library(REALISTIC_BYTES));
        return;
    }
    if which == "dump:library" {
        print!("{}", library_source(LIBRARY_BYTES));
        return;
    }
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
    if which == "realistic" {
        let lib = Script::compile(
            &iso,
            &realistic_library(REALISTIC_BYTES),
            Default::default(),
        )
        .expect("compile");
        let job = Script::compile(&iso, REALISTIC_JOB, ScriptOptions::default()).expect("job");
        for _ in 0..n {
            for _ in 0..REALISTIC_CONTEXTS {
                let c = new_ctx();
                lib.run(&iso, &c, &opts).expect("library");
                job.run(&iso, &c, &opts).expect("job");
            }
        }
        return;
    }
    if which == "first_run_100kb" {
        let lib = Script::compile(&iso, &library_source(LIBRARY_BYTES), Default::default())
            .expect("compile");
        for _ in 0..n {
            lib.run(&iso, &new_ctx(), &opts).expect("run");
        }
        return;
    }
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
                "usage: hot [bare:|accessor:]<cached_small|global_access|cpu|new_context|first_run_100kb|realistic> [iterations]"
            );
            std::process::exit(2);
        }
    }
}

fn run_bare(which: &str, n: usize, accessors: bool) {
    if which == "realistic" || which == "first_run_100kb" {
        let (lib, job, contexts) = if which == "realistic" {
            (
                realistic_library(REALISTIC_BYTES),
                REALISTIC_JOB,
                REALISTIC_CONTEXTS,
            )
        } else {
            (library_source(LIBRARY_BYTES), "0", 1)
        };
        for _ in 0..n {
            for _ in 0..contexts {
                let mut cx = Context::default();
                cx.eval(Source::from_bytes(&lib)).expect("library");
                cx.eval(Source::from_bytes(job)).expect("job");
            }
        }
        return;
    }
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
        object::FunctionObjectBuilder, property::PropertyDescriptor, JsString, JsValue,
        NativeFunction,
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
