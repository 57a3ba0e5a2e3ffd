//! test262 runner with a `$262` host built on vm-core (see README.md).
// The field docs are also clap's --help text, which shows them verbatim (`<repo>` is a
// placeholder there, not an HTML tag).
#![allow(rustdoc::invalid_html_tags)]
mod engine;
mod meta;
mod plainhost;
mod vmhost;

use std::{
    collections::{BTreeMap, HashMap},
    io::IsTerminal,
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicUsize, Ordering},
        Arc, Mutex,
    },
    time::{Duration, Instant},
};

use clap::{Parser, ValueEnum};
use serde::{Deserialize, Serialize};

use engine::{Engine, Outcome};

/// Harness includes by file name (`sm/…` included).
pub type Harness = HashMap<String, String>;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum HostKind {
    /// vm-core contexts, vm-modules modules, vm-core timeouts.
    Vm,
    /// A bare Boa `Context` per test.
    Plain,
}

#[derive(Parser, Debug)]
#[command(about = "Runs test262 on boavm's vm-core host")]
struct Cli {
    /// test262 checkout (default: <repo>/../shared/test262).
    #[arg(long)]
    test262_dir: Option<PathBuf>,
    /// Globs (or path prefixes) relative to the test262 folder, e.g. `test/built-ins/Array/**`.
    paths: Vec<String>,
    /// Only tests that list one of these features.
    #[arg(long, value_delimiter = ',')]
    features: Vec<String>,
    /// Skip tests that list one of these features.
    #[arg(long, value_delimiter = ',')]
    exclude_features: Vec<String>,
    /// Write every result as JSON.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Compare with a previous JSON result file; exit 1 on newly failing tests.
    #[arg(long)]
    baseline: Option<PathBuf>,
    /// Write the results as a baseline (same format as --json).
    #[arg(long)]
    write_baseline: Option<PathBuf>,
    /// Worker threads (default: available cores).
    #[arg(long)]
    threads: Option<usize>,
    /// Per-test timeout.
    #[arg(long, default_value_t = 10_000)]
    timeout_ms: u64,
    /// Keep tests whose index in the sorted list is a multiple of N.
    #[arg(long)]
    sample: Option<usize>,
    /// The CI subset: realm/evalScript users, module-code, eval-code, global-code, dynamic
    /// import, Function.prototype.toString, plus 1 in --ci-sample of the rest.
    #[arg(long)]
    ci_subset: bool,
    /// Sampling rate of the rest in --ci-subset.
    #[arg(long, default_value_t = 20)]
    ci_sample: usize,
    /// Which host runs the tests.
    #[arg(long, value_enum, default_value_t = HostKind::Vm)]
    host: HostKind,
    /// Print each test's path to stderr as it starts (to find a test that hangs or crashes).
    #[arg(long)]
    trace: bool,
    /// Print every failure.
    #[arg(long, short)]
    verbose: bool,
}

struct Test {
    rel: String,
    abs: PathBuf,
    source: String,
    meta: meta::Meta,
}

#[derive(Serialize, Deserialize, Clone, Debug)]
struct Record {
    path: String,
    mode: String,
    result: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    detail: String,
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "js")
            && !p.to_string_lossy().contains("_FIXTURE")
        {
            out.push(p);
        }
    }
}

fn load_harness(root: &Path) -> Harness {
    let mut h = Harness::new();
    let dir = root.join("harness");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    for f in files {
        let name = f
            .strip_prefix(&dir)
            .unwrap_or(&f)
            .to_string_lossy()
            .replace('\\', "/");
        if let Ok(s) = std::fs::read_to_string(&f) {
            h.insert(name, s);
        }
    }
    h
}

fn build_globs(paths: &[String]) -> Option<globset::GlobSet> {
    if paths.is_empty() {
        return None;
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in paths {
        let p = p.trim_end_matches('/');
        let has_wild = p.contains(['*', '?', '[', '{']);
        let pats = if has_wild {
            vec![p.to_owned()]
        } else {
            // A plain path: the file itself or everything under it.
            vec![p.to_owned(), format!("{p}/**")]
        };
        for pat in pats {
            match globset::Glob::new(&pat) {
                Ok(g) => {
                    b.add(g);
                }
                Err(e) => {
                    eprintln!("bad glob {pat}: {e}");
                    std::process::exit(2);
                }
            }
        }
    }
    b.build().ok()
}

fn top_folder(rel: &str) -> String {
    rel.split('/').take(2).collect::<Vec<_>>().join("/")
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".into()
    }
}

fn make_engine(host: HostKind, timeout: Duration) -> Box<dyn Engine> {
    match host {
        HostKind::Vm => match vmhost::VmEngine::new(timeout) {
            Ok(e) => Box::new(e),
            Err(e) => {
                eprintln!("cannot create an isolate: {e}");
                std::process::exit(2);
            }
        },
        HostKind::Plain => Box::new(plainhost::PlainEngine::new(timeout)),
    }
}

fn main() {
    // Intl's default locale as Node picks it (C/POSIX: en-US), before the worker threads start.
    vm_core::locale::use_node_default_locale();
    let cli = Cli::parse();
    let root = cli
        .test262_dir
        .clone()
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/test262"));
    if !root.join("test").is_dir() {
        eprintln!("no test262 checkout at {}", root.display());
        std::process::exit(2);
    }
    let root = root.canonicalize().unwrap_or(root);
    let start = Instant::now();
    let harness = Arc::new(load_harness(&root));

    // Discover, filter by path, sort.
    let mut files = Vec::new();
    collect(&root.join("test"), &mut files);
    let mut rels: Vec<(String, PathBuf)> = files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            (rel, p)
        })
        .collect();
    rels.sort();
    if let Some(globs) = build_globs(&cli.paths) {
        rels.retain(|(r, _)| globs.is_match(r));
    }
    if let Some(n) = cli.sample.filter(|&n| n > 1) {
        rels = rels
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == 0)
            .map(|(_, x)| x)
            .collect();
    }
    let mut tests = Vec::new();
    let mut skipped: Vec<Record> = Vec::new();
    let mut rest_index = 0usize;
    for (rel, abs) in rels {
        let Ok(source) = std::fs::read_to_string(&abs) else {
            continue;
        };
        if cli.ci_subset {
            let always = source.contains("$262.createRealm")
                || source.contains("$262.evalScript")
                || rel.starts_with("test/language/module-code/")
                || rel.starts_with("test/language/eval-code/")
                || rel.starts_with("test/language/global-code/");
            if !always {
                let sampled = rest_index.is_multiple_of(cli.ci_sample.max(1));
                rest_index += 1;
                // Where the vm host once differed from bare Boa (the `import()` re-entrancy in
                // linking, callback methods' `toString`): every test, without moving the sample
                // of the rest.
                let regression_area = rel.starts_with("test/language/expressions/dynamic-import/")
                    || rel.starts_with("test/built-ins/Function/prototype/toString/");
                if !sampled && !regression_area {
                    continue;
                }
            }
        }
        let Some(meta) = meta::parse(&source) else {
            skipped.push(Record {
                path: rel,
                mode: "sloppy".into(),
                result: "skip".into(),
                detail: "no frontmatter".into(),
            });
            continue;
        };
        if !cli.features.is_empty() && !meta.features.iter().any(|f| cli.features.contains(f)) {
            continue;
        }
        let reason = meta
            .features
            .iter()
            .find(|f| cli.exclude_features.contains(f))
            .map(|f| format!("excluded feature {f}"))
            .or_else(|| engine::unsupported(&rel, &meta, &source));
        if let Some(reason) = reason {
            skipped.push(Record {
                path: rel,
                mode: if meta.has_flag("onlyStrict") || meta.has_flag("module") {
                    "strict".into()
                } else {
                    "sloppy".into()
                },
                result: "skip".into(),
                detail: reason,
            });
            continue;
        }
        tests.push(Test {
            rel,
            abs,
            source,
            meta,
        });
    }
    // One job per (test, mode).
    let mut jobs: Vec<(usize, bool)> = Vec::new();
    for (i, t) in tests.iter().enumerate() {
        let m = &t.meta;
        if m.has_flag("module") || m.has_flag("onlyStrict") {
            jobs.push((i, true));
        } else if m.has_flag("raw") || m.has_flag("noStrict") {
            jobs.push((i, false));
        } else {
            jobs.push((i, false));
            jobs.push((i, true));
        }
    }
    let tests = Arc::new(tests);
    // The modes of one test run on one worker, one after the other: they share process-wide
    // engine state (Boa's `Symbol.for` registry is filled by a racy get-then-insert), so
    // running a test's strict and sloppy variants at the same time made results flaky.
    let starts: Vec<usize> = (0..jobs.len())
        .filter(|&j| j == 0 || jobs[j].0 != jobs[j - 1].0)
        .collect();
    let starts = Arc::new(starts);
    let jobs = Arc::new(jobs);
    let threads = cli
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let timeout = Duration::from_millis(cli.timeout_ms);
    let bar = indicatif::ProgressBar::new(jobs.len() as u64);
    if std::io::stderr().is_terminal() {
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{elapsed_precise} [{bar:40}] {pos}/{len} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
    } else {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    eprintln!(
        "{} tests ({} runs), {} skipped, {} threads, host {:?}",
        tests.len(),
        jobs.len(),
        skipped.len(),
        threads,
        cli.host
    );
    // Silence the default panic printer: panics are reported as failures.
    std::panic::set_hook(Box::new(|_| {}));
    let next = Arc::new(AtomicUsize::new(0));
    let results: Arc<Mutex<Vec<Option<Record>>>> = Arc::new(Mutex::new(vec![None; jobs.len()]));
    let mut handles = Vec::new();
    for _ in 0..threads {
        let (tests, jobs, starts, next, results, harness, bar) = (
            tests.clone(),
            jobs.clone(),
            starts.clone(),
            next.clone(),
            results.clone(),
            harness.clone(),
            bar.clone(),
        );
        let host = cli.host;
        let trace = cli.trace;
        // Above vm-core's 64 MB red zone, so entry points never switch stack segments.
        let builder = std::thread::Builder::new().stack_size(256 << 20);
        handles.push(
            builder
                .spawn(move || {
                    let mut engine = make_engine(host, timeout);
                    let mut since_new = 0usize;
                    loop {
                        let g = next.fetch_add(1, Ordering::SeqCst);
                        let Some(&start) = starts.get(g) else {
                            break;
                        };
                        let end = starts.get(g + 1).copied().unwrap_or(jobs.len());
                        for (j, &(ti, strict)) in jobs.iter().enumerate().take(end).skip(start) {
                            let t = &tests[ti];
                            if trace {
                                eprintln!(
                                    "START {} {}",
                                    t.rel,
                                    if strict { "strict" } else { "sloppy" }
                                );
                            }
                            // Bound what a long-lived isolate accumulates (module records,
                            // hooks): a fresh one every few hundred tests.
                            since_new += 1;
                            if since_new > 300 {
                                drop(std::mem::replace(&mut engine, make_engine(host, timeout)));
                                since_new = 0;
                            }
                            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                                engine::run_test(
                                    &mut *engine,
                                    &harness,
                                    &t.abs,
                                    &t.source,
                                    &t.meta,
                                    strict,
                                )
                            }));
                            let outcome = match r {
                                Ok(o) => o,
                                Err(p) => {
                                    // The engine may be in any state: replace it. Dropping it may
                                    // panic too.
                                    let old =
                                        std::mem::replace(&mut engine, make_engine(host, timeout));
                                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(
                                        move || drop(old),
                                    ));
                                    since_new = 0;
                                    Outcome::Fail(format!("panic: {}", panic_message(&*p)))
                                }
                            };
                            if engine.broken() {
                                let old =
                                    std::mem::replace(&mut engine, make_engine(host, timeout));
                                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(
                                    move || drop(old),
                                ));
                                since_new = 0;
                            }
                            let (result, detail) = match outcome {
                                Outcome::Pass => ("pass", String::new()),
                                Outcome::Fail(d) => ("fail", d),
                            };
                            let rec = Record {
                                path: t.rel.clone(),
                                mode: if strict { "strict" } else { "sloppy" }.into(),
                                result: result.into(),
                                detail,
                            };
                            results.lock().unwrap_or_else(|e| e.into_inner())[j] = Some(rec);
                            bar.inc(1);
                        }
                    }
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
                        drop(engine)
                    }));
                })
                .expect("spawn worker"),
        );
    }
    for h in handles {
        let _ = h.join();
    }
    bar.finish_and_clear();
    let mut records: Vec<Record> =
        std::mem::take(&mut *results.lock().unwrap_or_else(|e| e.into_inner()))
            .into_iter()
            .flatten()
            .collect();
    records.extend(skipped);
    records.sort_by(|a, b| (&a.path, &a.mode).cmp(&(&b.path, &b.mode)));
    report(&cli, &tests, &records, start.elapsed());
}

#[derive(Default)]
struct Tally {
    pass: usize,
    fail: usize,
    skip: usize,
}

impl Tally {
    fn add(&mut self, r: &str) {
        match r {
            "pass" => self.pass += 1,
            "fail" => self.fail += 1,
            _ => self.skip += 1,
        }
    }
}

fn report(cli: &Cli, tests: &[Test], records: &[Record], elapsed: Duration) {
    let features: HashMap<&str, &Vec<String>> = tests
        .iter()
        .map(|t| (t.rel.as_str(), &t.meta.features))
        .collect();
    let mut by_folder: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_feature: BTreeMap<String, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for r in records {
        total.add(&r.result);
        by_folder
            .entry(top_folder(&r.path))
            .or_default()
            .add(&r.result);
        if let Some(fs) = features.get(r.path.as_str()) {
            for f in fs.iter() {
                by_feature.entry(f.clone()).or_default().add(&r.result);
            }
        }
        if cli.verbose && r.result == "fail" {
            println!("FAIL {} ({}): {}", r.path, r.mode, r.detail);
        }
    }
    println!("By folder (pass / fail / skip):");
    for (k, t) in &by_folder {
        println!("  {k:<24} {:>6} / {:>6} / {:>5}", t.pass, t.fail, t.skip);
    }
    println!("By feature with failures (pass / fail / skip):");
    for (k, t) in by_feature.iter().filter(|(_, t)| t.fail > 0) {
        println!("  {k:<40} {:>6} / {:>6} / {:>5}", t.pass, t.fail, t.skip);
    }
    println!(
        "Total: {} passed, {} failed, {} skipped in {:.1}s (host {:?})",
        total.pass,
        total.fail,
        total.skip,
        elapsed.as_secs_f64(),
        cli.host
    );
    for out in [&cli.json, &cli.write_baseline].into_iter().flatten() {
        match serde_json::to_string_pretty(records) {
            Ok(s) => {
                if let Err(e) = std::fs::write(out, s + "\n") {
                    eprintln!("cannot write {}: {e}", out.display());
                }
            }
            Err(e) => eprintln!("cannot serialise results: {e}"),
        }
    }
    let mut failed = total.fail;
    let mut exit = 0;
    if let Some(b) = &cli.baseline {
        let old: Vec<Record> = match std::fs::read_to_string(b)
            .map_err(|e| e.to_string())
            .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        {
            Ok(v) => v,
            Err(e) => {
                eprintln!("cannot read baseline {}: {e}", b.display());
                std::process::exit(2);
            }
        };
        let old: HashMap<(String, String), String> = old
            .into_iter()
            .map(|r| ((r.path, r.mode), r.result))
            .collect();
        let mut newly_failing = Vec::new();
        let mut newly_passing = Vec::new();
        for r in records {
            match old
                .get(&(r.path.clone(), r.mode.clone()))
                .map(String::as_str)
            {
                Some("pass") if r.result == "fail" => newly_failing.push(r),
                Some("fail") if r.result == "pass" => newly_passing.push(r),
                // Not in the baseline: a new test counts as newly failing when it fails.
                None if r.result == "fail" => newly_failing.push(r),
                _ => {}
            }
        }
        println!("Newly passing vs baseline: {}", newly_passing.len());
        for r in &newly_passing {
            println!("  + {} ({})", r.path, r.mode);
        }
        println!("Newly failing vs baseline: {}", newly_failing.len());
        for r in &newly_failing {
            println!("  - {} ({}): {}", r.path, r.mode, r.detail);
        }
        failed = newly_failing.len();
        if failed > 0 {
            exit = 1;
        }
    }
    println!("{} passed, {} failed", total.pass, failed);
    std::process::exit(exit);
}
