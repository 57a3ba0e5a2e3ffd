//! The workloads of `bench/compare.sh`, in two groups with the same names: `boavm/…` through
//! vm-core / vm-modules, and `bare_boa/…` doing the nearest equivalent on a plain Boa
//! `Context` (where one exists). `bench/node/workloads.js` runs the same names through Node.
use std::{rc::Rc, time::Duration};
use vm_core::Script;

use boa_engine::{
    builtins::promise::PromiseState, module::MapModuleLoader, Context, JsObject, Module, Source,
};
use boavm_bench::{library_source, module_graph, CPU, GLOBALS, SMALL};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions, VmContext};
use vm_modules::{Modules, SourceTextOptions, VmModule};

fn ctx(iso: &Isolate) -> VmContext {
    VmContext::new(
        iso,
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )
    .unwrap()
}

fn boa_script(cx: &mut Context, src: &str) -> boa_engine::Script {
    boa_engine::Script::parse(Source::from_bytes(src), None, cx).unwrap()
}

fn contexts(c: &mut Criterion) {
    let mut g = c.benchmark_group("boavm");
    g.sample_size(30);
    let iso = Isolate::new().unwrap();
    let opts = RunOptions::default();
    g.bench_function("create_context", |b| {
        b.iter_batched_ref(
            Vec::new,
            |kept: &mut Vec<VmContext>| kept.push(ctx(&iso)),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("create_context_and_drop", |b| b.iter(|| drop(ctx(&iso))));
    let c1 = ctx(&iso);
    let small = Script::compile(&iso, SMALL, ScriptOptions::default()).unwrap();
    small.run(&iso, &c1, &opts).unwrap();
    g.bench_function("run_in_context_cached_small", |b| {
        b.iter(|| small.run(&iso, &c1, &opts).unwrap())
    });
    g.bench_function("run_in_new_context_small", |b| {
        b.iter(|| {
            let c = ctx(&iso);
            c.evaluate(&iso, SMALL, ScriptOptions::default(), &opts)
                .unwrap()
        })
    });
    let mut n = 0u64;
    g.bench_function("new_script_small", |b| {
        b.iter(|| {
            n += 1;
            // a distinct source each time: measures compilation, not the in-process cache
            Script::compile(&iso, &format!("{SMALL} // {n}"), ScriptOptions::default()).unwrap()
        })
    });
    let gctx = ctx(&iso);
    gctx.evaluate(&iso, "var g = 0", ScriptOptions::default(), &opts)
        .unwrap();
    let globals = Script::compile(&iso, GLOBALS, ScriptOptions::default()).unwrap();
    g.bench_function("global_access_10k", |b| {
        b.iter(|| globals.run(&iso, &gctx, &opts).unwrap())
    });
    let cpu = Script::compile(&iso, CPU, ScriptOptions::default()).unwrap();
    g.bench_function("cpu_script", |b| {
        b.iter(|| cpu.run(&iso, &c1, &opts).unwrap())
    });
    let timed = RunOptions {
        timeout: Some(Duration::from_secs(60)),
        ..Default::default()
    };
    g.bench_function("cpu_script_timeout", |b| {
        b.iter(|| cpu.run(&iso, &c1, &timed).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("bare_boa");
    g.sample_size(30);
    g.bench_function("create_context", |b| {
        b.iter_batched_ref(
            Vec::new,
            |kept: &mut Vec<Context>| kept.push(Context::default()),
            BatchSize::SmallInput,
        )
    });
    g.bench_function("create_context_and_drop", |b| {
        b.iter(|| drop(Context::default()))
    });
    let mut cx = Context::default();
    let small = boa_script(&mut cx, SMALL);
    g.bench_function("run_in_context_cached_small", |b| {
        b.iter(|| small.evaluate(&mut cx).unwrap())
    });
    g.bench_function("run_in_new_context_small", |b| {
        b.iter(|| {
            let mut cx = Context::default();
            cx.eval(Source::from_bytes(SMALL)).unwrap()
        })
    });
    let mut n = 0u64;
    g.bench_function("new_script_small", |b| {
        b.iter(|| {
            n += 1;
            boa_script(&mut cx, &format!("{SMALL} // {n}"))
        })
    });
    cx.eval(Source::from_bytes("var g = 0")).unwrap();
    let globals = boa_script(&mut cx, GLOBALS);
    g.bench_function("global_access_10k", |b| {
        b.iter(|| globals.evaluate(&mut cx).unwrap())
    });
    let cpu = boa_script(&mut cx, CPU);
    g.bench_function("cpu_script", |b| b.iter(|| cpu.evaluate(&mut cx).unwrap()));
    g.finish();
}

fn compile(c: &mut Criterion) {
    for (label, bytes) in [("100kb", 100 * 1024), ("1mb", 1024 * 1024)] {
        let src = library_source(bytes);
        let data = {
            let iso = Isolate::new().unwrap();
            let s = Script::compile(&iso, &src, ScriptOptions::default()).unwrap();
            s.create_cached_data()
        };
        let mut g = c.benchmark_group("boavm");
        g.sample_size(10);
        // a fresh isolate each time, so the in-process compile cache never answers
        g.bench_function(format!("compile_{label}"), |b| {
            b.iter_batched(
                || Isolate::new().unwrap(),
                |iso| Script::compile(&iso, &src, ScriptOptions::default()).unwrap(),
                BatchSize::PerIteration,
            )
        });
        g.bench_function(format!("compile_{label}_cached_data"), |b| {
            b.iter_batched(
                || Isolate::new().unwrap(),
                |iso| {
                    let main = iso.main_context();
                    main.enter(&iso, |cx| {
                        Script::compile_with_cache(&mut *cx, &src, ScriptOptions::default(), &data)
                            .unwrap()
                    })
                    .unwrap()
                },
                BatchSize::PerIteration,
            )
        });
        g.finish();
        let mut g = c.benchmark_group("bare_boa");
        g.sample_size(10);
        g.bench_function(format!("compile_{label}"), |b| {
            b.iter_batched(
                Context::default,
                |mut cx| boa_script(&mut cx, &src),
                BatchSize::PerIteration,
            )
        });
        g.finish();
    }
}

/// The jest-style workload: one compiled 100 KB script, first run in each of 50 fresh contexts
/// (contexts are created outside the timing). Boa scripts are realm-bound, so the bare
/// equivalent parses it in every context.
fn run_in_many(c: &mut Criterion) {
    let src = library_source(100 * 1024);
    let mut g = c.benchmark_group("boavm");
    g.sample_size(10);
    let iso = Isolate::new().unwrap();
    let script = Script::compile(&iso, &src, ScriptOptions::default()).unwrap();
    let opts = RunOptions::default();
    g.bench_function("first_run_100kb_in_50_contexts", |b| {
        b.iter_batched(
            || (0..50).map(|_| ctx(&iso)).collect::<Vec<_>>(),
            |ctxs| {
                for c in &ctxs {
                    script.run(&iso, c, &opts).unwrap();
                }
                ctxs
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    let mut g = c.benchmark_group("bare_boa");
    g.sample_size(10);
    g.bench_function("first_run_100kb_in_50_contexts", |b| {
        b.iter_batched(
            || (0..50).map(|_| Context::default()).collect::<Vec<_>>(),
            |mut cxs| {
                for cx in &mut cxs {
                    boa_script(cx, &src).evaluate(cx).unwrap();
                }
                cxs
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

/// Creating, linking and evaluating a 50-module graph (a fresh isolate / Boa context each
/// time, outside the timing).
fn module_graph_bench(c: &mut Criterion) {
    let graph = module_graph();
    let mut g = c.benchmark_group("boavm");
    g.sample_size(20);
    g.bench_function("module_graph_50", |b| {
        b.iter_batched(
            || {
                let iso = Isolate::new().unwrap();
                let m = Modules::install(&iso);
                (iso, m)
            },
            |(iso, m)| {
                let mods: Vec<(String, VmModule)> = graph
                    .iter()
                    .map(|(spec, src)| {
                        let module = m
                            .source_text(&iso, src, SourceTextOptions::default())
                            .unwrap();
                        (spec.clone(), module)
                    })
                    .collect();
                let root = mods.last().unwrap().1.clone();
                m.link(&iso, &root, &mut |spec, _| {
                    Ok(mods.iter().find(|(s, _)| s == spec).unwrap().1.clone())
                })
                .unwrap();
                let p = m.evaluate(&iso, &root, &Default::default()).unwrap();
                vm_core::run_jobs(&iso).unwrap();
                assert!(matches!(p.state(), PromiseState::Fulfilled(_)));
                (iso, m)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
    let mut g = c.benchmark_group("bare_boa");
    g.sample_size(20);
    g.bench_function("module_graph_50", |b| {
        b.iter_batched(
            || {
                let loader = Rc::new(MapModuleLoader::new());
                let cx = Context::builder()
                    .module_loader(loader.clone())
                    .build()
                    .unwrap();
                (loader, cx)
            },
            |(loader, mut cx)| {
                let mut root = None;
                for (spec, src) in &graph {
                    // Boa resolves './mN.js' against the referrer's path.
                    let path = format!("/graph/{}", spec.trim_start_matches("./"));
                    let source = Source::from_bytes(src).with_path(std::path::Path::new(&path));
                    let m = Module::parse(source, None, &mut cx).unwrap();
                    loader.insert(&path, m.clone());
                    root = Some(m);
                }
                let p = root.unwrap().load_link_evaluate(&mut cx);
                cx.run_jobs().unwrap();
                assert!(
                    matches!(p.state(), PromiseState::Fulfilled(_)),
                    "{:?}",
                    p.state()
                );
                (loader, cx)
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = contexts, compile, run_in_many, module_graph_bench
);
criterion_main!(benches);
