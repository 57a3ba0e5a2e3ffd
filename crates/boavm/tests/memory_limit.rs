//! The memory-limit matrix: every `conformance/memory/*.js` allocation pattern runs through the
//! `boavm` binary with `--max-heap-mb` under a 4 GB address-space limit. Each must end normally,
//! report that its run was stopped with `ERR_VM_MEMORY_LIMIT` or a `RangeError`, show that a
//! fresh context still works (`after: 42`), and keep the process's peak resident set within
//! the limit + 25% (plus, at small limits, the resident memory of an idle `boavm`, which the
//! limit does not count: code, stacks).
//!
//! `cargo test` runs it at 64 MB (dev profile). The published matrix (README "Memory limit")
//! is the same test at 256 MB on a release build:
//! `BOAVM_MEMORY_MATRIX_MB=256 cargo test --release -p boavm --test memory_limit -- --nocapture`.
#![cfg(unix)]

mod support;

use std::{path::PathBuf, sync::Mutex, time::Duration};

const TIMEOUT: Duration = Duration::from_secs(300);

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../conformance/memory")
}

#[test]
fn allocation_patterns_stop_at_the_limit() {
    let limit_mb: u64 = std::env::var("BOAVM_MEMORY_MATRIX_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let dir = dir();
    let idle = support::run(support::boavm(&["-e", "0"], &dir), TIMEOUT);
    assert!(idle.ended_normally(), "{}", idle.describe(TIMEOUT));
    // Below 256 MB the uncounted resident memory of the process is a large share of the bound.
    let slack_kib = if limit_mb >= 256 { 0 } else { idle.max_rss_kib };
    let bound_kib = limit_mb * 1024 * 5 / 4 + slack_kib;
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("conformance/memory exists")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".js")
                .filter(|n| *n != "support")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 20, "only {} memory patterns", names.len());
    let queue = Mutex::new(names.clone());
    let rows = Mutex::new(Vec::new());
    let limit_arg = limit_mb.to_string();
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let Some(name) = queue.lock().unwrap().pop() else {
                    break;
                };
                let file = format!("{name}.js");
                let o = support::run(
                    support::boavm(&["--expose-gc", "--max-heap-mb", &limit_arg, &file], &dir),
                    TIMEOUT,
                );
                let stopped = o
                    .stdout
                    .lines()
                    .find_map(|l| l.strip_prefix("stopped: "))
                    .unwrap_or("(no report)")
                    .to_owned();
                let mut problem = None;
                if !o.ended_normally() || o.status.code() != Some(0) {
                    problem = Some(o.describe(TIMEOUT));
                } else if !matches!(stopped.as_str(), "ERR_VM_MEMORY_LIMIT" | "RangeError") {
                    problem = Some(format!("stopped by {stopped}"));
                } else if !o.stdout.contains("after: 42\n") {
                    problem = Some(format!("no fresh context afterwards:\n{}", o.stdout));
                } else if o.max_rss_kib > bound_kib {
                    problem = Some(format!(
                        "peak RSS {} KiB over the bound {bound_kib} KiB",
                        o.max_rss_kib
                    ));
                }
                rows.lock()
                    .unwrap()
                    .push((name, stopped, o.max_rss_kib, o.elapsed, problem));
            });
        }
    });
    let mut rows = rows.into_inner().unwrap();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    println!(
        "memory limit {limit_mb} MB, bound {bound_kib} KiB (idle boavm {} KiB)",
        idle.max_rss_kib
    );
    println!("| pattern | stopped by | peak RSS (MiB) | time (s) |");
    println!("|---|---|---|---|");
    for (name, stopped, rss, elapsed, _) in &rows {
        println!(
            "| `{name}` | {stopped} | {:.0} | {:.1} |",
            *rss as f64 / 1024.0,
            elapsed.as_secs_f64()
        );
    }
    let problems: Vec<String> = rows
        .iter()
        .filter_map(|(name, _, _, _, p)| p.as_ref().map(|p| format!("{name}: {p}")))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
