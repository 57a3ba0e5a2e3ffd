//! Runs one workload in a loop, for profilers (`perf record`, `valgrind --tool=callgrind`):
//! `hot <cached_small|global_access|cpu|new_context> [iterations]`.
use boa_engine::JsObject;
use boavm_bench::{CPU, GLOBALS, SMALL};
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let iso = Isolate::new().expect("isolate");
    let new_ctx = || {
        iso.create_context(
            Sandbox::Object(JsObject::with_null_proto()),
            ContextOptions::default(),
        )
        .expect("context")
    };
    let opts = RunOptions::default();
    let ctx = new_ctx();
    let src = match which.as_str() {
        "cached_small" | "new_context" => SMALL,
        "global_access" => GLOBALS,
        "cpu" => CPU,
        _ => {
            eprintln!("usage: hot <cached_small|global_access|cpu|new_context> [iterations]");
            std::process::exit(2);
        }
    };
    iso.run_in_context("var g = 0", &ctx, ScriptOptions::default(), &opts)
        .expect("setup");
    let script = iso
        .compile_script(src, ScriptOptions::default())
        .expect("compile");
    for _ in 0..n {
        if which == "new_context" {
            iso.run_script(&script, &new_ctx(), &opts).expect("run");
        } else {
            iso.run_script(&script, &ctx, &opts).expect("run");
        }
    }
}
