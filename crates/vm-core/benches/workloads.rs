//! The workloads of `bench/compare.sh`, each also run by `bench/node/workloads.js` through
//! Node's vm so the two can be compared in one run (names must match).
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use vm_core::{
    boa_engine::{Context, JsObject, Source},
    ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions,
};

fn ctx(iso: &Isolate) -> vm_core::VmContext {
    iso.create_context(
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )
    .unwrap()
}

const SMALL: &str = "var x = (typeof x === 'number' ? x : 0) + 1; x * 2";
const GLOBALS: &str =
    "(function () { for (let i = 0; i < 10000; i++) { g = g + 1; } return g; })()";

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("workloads");
    g.sample_size(30);
    let iso = Isolate::new().unwrap();
    let opts = RunOptions::default();

    g.bench_function("create_context", |b| b.iter(|| ctx(&iso)));
    g.bench_function("create_context_and_drop", |b| {
        b.iter(|| {
            let c = ctx(&iso);
            drop(c);
        })
    });
    let c1 = ctx(&iso);
    let small = iso.compile_script(SMALL, ScriptOptions::default()).unwrap();
    iso.run_script(&small, &c1, &opts).unwrap();
    g.bench_function("run_in_context_cached_small", |b| {
        b.iter(|| iso.run_script(&small, &c1, &opts).unwrap())
    });
    g.bench_function("run_in_new_context_small", |b| {
        b.iter(|| {
            let c = ctx(&iso);
            iso.run_in_context(SMALL, &c, ScriptOptions::default(), &opts)
                .unwrap()
        })
    });
    let mut n = 0u64;
    g.bench_function("new_script_small", |b| {
        b.iter(|| {
            n += 1;
            // distinct source each time: measures compilation, not the in-process cache
            iso.compile_script(&format!("{SMALL} // {n}"), ScriptOptions::default())
                .unwrap()
        })
    });
    let gctx = ctx(&iso);
    iso.run_in_context("var g = 0", &gctx, ScriptOptions::default(), &opts)
        .unwrap();
    let globals = iso
        .compile_script(GLOBALS, ScriptOptions::default())
        .unwrap();
    g.bench_function("global_access_10k_context", |b| {
        b.iter(|| iso.run_script(&globals, &gctx, &opts).unwrap())
    });
    g.bench_function("global_access_10k_plain_realm", |b| {
        b.iter_batched(
            || {
                let mut cx = Context::default();
                cx.eval(Source::from_bytes("var g = 0")).unwrap();
                let s =
                    vm_core::boa_engine::Script::parse(Source::from_bytes(GLOBALS), None, &mut cx)
                        .unwrap();
                (cx, s)
            },
            |(mut cx, s)| s.evaluate(&mut cx).unwrap(),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
