//! Compiling a generated, realistic 100 KB script: the first compile, a repeat compile of the
//! same source (the in-process compile cache), and a compile with valid `cachedData` (which
//! skips the construction-time syntax check), each in a fresh isolate where that matters.
use criterion::{criterion_group, criterion_main, Criterion};
use vm_core::{Isolate, ScriptOptions};

/// About 100 KB of functions, object literals, loops and strings.
fn source() -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 100 * 1024 {
        s.push_str(&format!(
            "function f{i}(a, b) {{ const o = {{ k{i}: a + b, s: 'str{i}', list: [1, 2, 3] }}; \
             for (let j = 0; j < 3; j++) {{ o.k{i} += j * b; }} return o.k{i} > 10 ? o.s : o.list.join(','); }}\n"
        ));
        i += 1;
    }
    s
}

fn bench(c: &mut Criterion) {
    let src = source();
    let mut g = c.benchmark_group("compile_100kb");
    g.sample_size(20);
    g.bench_function("first_compile", |b| {
        b.iter_batched(
            || Isolate::new().unwrap(),
            |iso| iso.compile_script(&src, ScriptOptions::default()).unwrap(),
            criterion::BatchSize::PerIteration,
        )
    });
    let iso = Isolate::new().unwrap();
    iso.compile_script(&src, ScriptOptions::default()).unwrap();
    g.bench_function("repeat_compile_cached", |b| {
        b.iter(|| iso.compile_script(&src, ScriptOptions::default()).unwrap())
    });
    let data = iso
        .compile_script(&src, ScriptOptions::default())
        .unwrap()
        .create_cached_data();
    g.bench_function("compile_with_cached_data", |b| {
        b.iter_batched(
            || Isolate::new().unwrap(),
            |iso| {
                let main = iso.main_context();
                iso.with_context(None, &main, |cx| {
                    iso.compile_script_with_cache_from(cx, &src, ScriptOptions::default(), &data)
                        .unwrap()
                })
                .unwrap()
            },
            criterion::BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
