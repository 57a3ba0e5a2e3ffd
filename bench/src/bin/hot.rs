//! Runs one workload in a loop, for profilers (`perf record`, `valgrind --tool=callgrind`):
//! `hot <cached_small|global_access|cpu|new_context> [iterations]`, or `hot bare:<workload>` for
//! the same on a plain Boa `Context` (no vm layer). With `valgrind --tool=callgrind` the
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
        return run_bare(bare, n);
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

fn run_bare(which: &str, n: usize) {
    let src = source(which);
    let mut cx = Context::default();
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
