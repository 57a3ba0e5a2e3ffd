//! Memory per context: RSS growth while 1,000 contexts are kept alive, divided by 1,000.
//! `memory boavm` (vm-core contexts over a sandbox object, each having run a small script),
//! `memory bare` (plain Boa `Context`s, same script), or `memory bare_realm` (realms of one Boa
//! `Context`, same script). Prints `memory_per_context <bytes>`.
//! Linux only (`vm_core::resident_set_bytes`); `bench/node/memory.js` is Node's side.
use boa_engine::{Context, JsObject, Source};
use boavm_bench::SMALL;
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions};
use vm_core::{Script, VmContext};

const N: usize = 1000;

fn main() {
    let which = std::env::args().nth(1).unwrap_or_default();
    let Some(start) = vm_core::resident_set_bytes() else {
        eprintln!("memory: no resident set size here (Linux only)");
        std::process::exit(2);
    };
    let per = match which.as_str() {
        "boavm" => {
            let iso = Isolate::new().expect("isolate");
            let script = Script::compile(&iso, SMALL, ScriptOptions::default()).expect("compile");
            let warm = VmContext::new(
                &iso,
                Sandbox::Object(JsObject::with_null_proto()),
                ContextOptions::default(),
            )
            .expect("context");
            script
                .run(&iso, &warm, &RunOptions::default())
                .expect("run");
            iso.collect_garbage();
            let before = vm_core::resident_set_bytes().unwrap_or(start);
            let kept: Vec<_> = (0..N)
                .map(|_| {
                    let c = VmContext::new(
                        &iso,
                        Sandbox::Object(JsObject::with_null_proto()),
                        ContextOptions::default(),
                    )
                    .expect("context");
                    script.run(&iso, &c, &RunOptions::default()).expect("run");
                    c
                })
                .collect();
            iso.collect_garbage();
            let grown = vm_core::resident_set_bytes()
                .unwrap_or(before)
                .saturating_sub(before);
            drop(kept);
            grown / N
        }
        "bare" => {
            let mut warm = Context::default();
            warm.eval(Source::from_bytes(SMALL)).expect("run");
            let before = vm_core::resident_set_bytes().unwrap_or(start);
            let kept: Vec<Context> = (0..N)
                .map(|_| {
                    let mut cx = Context::default();
                    cx.eval(Source::from_bytes(SMALL)).expect("run");
                    cx
                })
                .collect();
            let grown = vm_core::resident_set_bytes()
                .unwrap_or(before)
                .saturating_sub(before);
            drop(kept);
            grown / N
        }
        "bare_realm" => {
            // Realms of one Boa context (the alternative design: realms, not engines).
            let mut cx = Context::default();
            cx.eval(Source::from_bytes(SMALL)).expect("run");
            let before = vm_core::resident_set_bytes().unwrap_or(start);
            let kept: Vec<_> = (0..N)
                .map(|_| {
                    let realm = cx.create_realm().expect("realm");
                    let old = cx.enter_realm(realm.clone());
                    cx.eval(Source::from_bytes(SMALL)).expect("run");
                    cx.enter_realm(old);
                    realm
                })
                .collect();
            let grown = vm_core::resident_set_bytes()
                .unwrap_or(before)
                .saturating_sub(before);
            drop(kept);
            grown / N
        }
        _ => {
            eprintln!("usage: memory boavm|bare|bare_realm");
            std::process::exit(2);
        }
    };
    println!("memory_per_context {per}");
}
