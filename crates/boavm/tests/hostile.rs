//! The hostile-input suite: every `conformance/hostile/*.js` runs through the `boavm` binary
//! under a 4 GB address-space limit and a wall-clock timeout. Each must end normally (exit 0,
//! no signal) and print exactly its `*.expected` (node's output, or the stated outcome where
//! node's is not usable). A case in `known-differences.txt` must still end on its own, without
//! a signal or a timeout; its output is not compared.
//!
//! Two CLI cases check that output printed before an abnormal end reaches a pipe: SIGTERM while
//! waiting on a timer, and `--abort-on-uncaught-exception`.
#![cfg(unix)]

mod support;

use std::{
    collections::BTreeMap, io::Read, os::unix::process::ExitStatusExt, path::PathBuf,
    process::Stdio, sync::Mutex, time::Duration,
};

use support::{boavm, Outcome};

/// Per-case wall clock limit (dev profile; the slowest case takes a few seconds).
const TIMEOUT: Duration = Duration::from_secs(60);

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../conformance/hostile")
}

fn known_differences() -> BTreeMap<String, String> {
    std::fs::read_to_string(dir().join("known-differences.txt"))
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            l.split_once('\t')
                .map(|(n, r)| (n.trim().to_owned(), r.trim().to_owned()))
        })
        .collect()
}

fn run(cmd: std::process::Command) -> Outcome {
    support::run(cmd, TIMEOUT)
}

fn describe(o: &Outcome) -> String {
    o.describe(TIMEOUT)
}

#[test]
fn hostile_inputs_never_kill_the_host() {
    let dir = dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("conformance/hostile exists")
        .flatten()
        .filter_map(|e| {
            e.file_name()
                .to_str()?
                .strip_suffix(".js")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 40, "only {} hostile cases", names.len());
    let known = known_differences();
    for name in known.keys() {
        assert!(
            names.contains(name),
            "known-differences.txt names a missing case {name}"
        );
    }
    let queue = Mutex::new(names.clone());
    let problems = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let Some(name) = queue.lock().unwrap().pop() else {
                    break;
                };
                let o = run(boavm(&[&format!("{name}.js")], &dir));
                let ended_normally = o.ended_normally();
                let problem = if known.contains_key(&name) {
                    (!ended_normally).then(|| format!("{name}: {}", describe(&o)))
                } else if !ended_normally || o.status.code() != Some(0) {
                    Some(format!("{name}: {}", describe(&o)))
                } else {
                    let expected = std::fs::read_to_string(dir.join(format!("{name}.expected")))
                        .unwrap_or_else(|_| panic!("{name}.expected is missing"));
                    (o.stdout != expected).then(|| {
                        format!(
                            "{name}: output differs\n--- expected\n{expected}--- got\n{}",
                            o.stdout
                        )
                    })
                };
                if let Some(p) = problem {
                    problems.lock().unwrap().push(p);
                }
            });
        }
    });
    let problems = problems.into_inner().unwrap();
    println!(
        "hostile: {} passed, {} failed ({} cases, {} known differences)",
        names.len() - problems.len(),
        problems.len(),
        names.len(),
        known.len()
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Output printed before the process is killed reaches a pipe, and the process dies by the
/// signal as node's does (shells report 143).
#[test]
fn output_survives_sigterm() {
    let tmp = std::env::temp_dir().join(format!("boavm-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut cmd = boavm(
        &[
            "-e",
            "console.log('before the signal'); setInterval(() => {}, 1000)",
        ],
        &tmp,
    );
    cmd.stdout(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 17];
    out.read_exact(&mut first)
        .expect("the line arrives before the signal");
    // SAFETY: sends SIGTERM to the child this test spawned.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
    }
    let status = child.wait().unwrap();
    assert_eq!(&first, b"before the signal");
    assert_eq!(status.signal(), Some(libc::SIGTERM), "{status:?}");
    let _ = std::fs::remove_dir_all(&tmp);
}

/// `--abort-on-uncaught-exception`: what was printed before the abort is not lost on a pipe.
#[test]
fn output_survives_abort() {
    let o = run(boavm(
        &[
            "--abort-on-uncaught-exception",
            "-e",
            "console.log('printed first'); throw new Error('boom')",
        ],
        &std::env::temp_dir(),
    ));
    assert_eq!(o.stdout, "printed first\n");
    assert_eq!(o.status.signal(), Some(libc::SIGABRT), "{}", describe(&o));
}

/// `breakOnSigint` reaches a loop inside a `sort` comparator (a callback of a native method):
/// SIGINT interrupts the run and the next one works, printing what node prints (issue 15).
#[test]
fn break_on_sigint_reaches_a_sort_comparator() {
    let tmp = std::env::temp_dir().join(format!("boavm-sigint-sort-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let script = "console.log('running'); const vm = require('node:vm'); \
        try { vm.runInNewContext('let x = 1; [2, 1].sort(() => { for (;;) { x = (x * 31 + 7) % 1000003 } })', {}, { breakOnSigint: true }); } \
        catch (e) { console.log(e.code, e.message); } \
        console.log(vm.runInNewContext('6 * 7'));";
    let mut cmd = boavm(&["-e", script], &tmp);
    cmd.stdout(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 8];
    out.read_exact(&mut first).expect("the script starts");
    // Give the run time to enter the comparator's loop.
    std::thread::sleep(Duration::from_millis(300));
    // SAFETY: sends SIGINT to the child this test spawned.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            panic!("SIGINT did not stop the loop in the sort comparator");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    // node 20 prints exactly these lines for the same script and signal.
    assert_eq!(
        rest,
        "ERR_SCRIPT_EXECUTION_INTERRUPTED Script execution was interrupted by `SIGINT`\n42\n"
    );
    assert!(status.success(), "{status:?}");
    let _ = std::fs::remove_dir_all(&tmp);
}
