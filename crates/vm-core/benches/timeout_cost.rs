//! The cost of a `timeout`: the same CPU-bound script run plainly and with a (never reached)
//! timeout, which routes it through the budgeted, interruptible interpreter loop.
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use vm_core::{boa_engine::JsObject, ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions};

const CPU: &str = r#"(() => {
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
let objs = [];
for (let i = 0; i < 2000; i++) objs.push({ i, s: String(i) });
let total = 0;
for (const o of objs) total += o.i + o.s.length;
return fib(18) + total;
})()
"#;

fn bench(c: &mut Criterion) {
    let iso = Isolate::new().unwrap();
    let ctx = iso
        .create_context(
            Sandbox::Object(JsObject::with_null_proto()),
            ContextOptions::default(),
        )
        .unwrap();
    let script = iso.compile_script(CPU, ScriptOptions::default()).unwrap();
    let plain = RunOptions::default();
    let timed = RunOptions {
        timeout: Some(Duration::from_secs(60)),
        ..Default::default()
    };
    let mut g = c.benchmark_group("cpu_script");
    g.bench_function("no_timeout", |b| {
        b.iter(|| iso.run_script(&script, &ctx, &plain).unwrap())
    });
    g.bench_function("timeout_60s", |b| {
        b.iter(|| iso.run_script(&script, &ctx, &timed).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
