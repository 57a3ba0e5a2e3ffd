//! `conformance`: runs Node's own `node:vm` tests (the corpus at `../shared/node-vm-tests`)
//! against `boavm` and checks the results against `conformance/expectations.tsv`.

mod cli;
mod corpus;
mod expectations;
mod report;
mod run;

use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use crate::cli::Cli;
use crate::corpus::{parse_manifest, Scratch, Test};
use crate::run::{Outcome, Runner, Status};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(&cli) {
        Ok(code) => code,
        Err(msg) => {
            eprintln!("conformance: {msg}");
            ExitCode::from(2)
        }
    }
}

fn banner(lines: &[String]) {
    let bar = "!".repeat(78);
    eprintln!("\n{bar}");
    for l in lines {
        eprintln!("!! {l}");
    }
    eprintln!("{bar}\n");
}

fn real_main(cli: &Cli) -> Result<ExitCode, String> {
    let paths = cli.paths();
    let manifest_file = paths.corpus.join("MANIFEST.tsv");
    if !manifest_file.is_file() {
        let ci = std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true"));
        banner(&[
            format!(
                "Node vm test corpus NOT FOUND at {}",
                paths.corpus.display()
            ),
            "(expected a directory with MANIFEST.tsv; pass --corpus DIR).".to_string(),
            if ci {
                "CI=true: failing.".to_string()
            } else {
                "NO TESTS WERE RUN.".to_string()
            },
        ]);
        return Ok(if ci {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    if !paths.boavm.is_file() {
        return Err(format!(
            "boavm binary not found at {}; build it first with `cargo build -p boavm` \
             (or pass --boavm PATH)",
            paths.boavm.display()
        ));
    }
    if !paths.shim.join("index.js").is_file() {
        return Err(format!("common shim not found at {}", paths.shim.display()));
    }
    let boavm = paths
        .boavm
        .canonicalize()
        .unwrap_or_else(|_| paths.boavm.clone());
    let manifest_text = std::fs::read(&manifest_file)
        .map_err(|e| format!("cannot read {}: {e}", manifest_file.display()))?;
    let manifest = parse_manifest(&String::from_utf8_lossy(&manifest_text));
    if manifest.is_empty() {
        return Err(format!("{} lists no tests", manifest_file.display()));
    }
    let tests: Vec<Test> = manifest
        .iter()
        .filter(|t| cli.filter.as_deref().is_none_or(|f| t.path.contains(f)))
        .cloned()
        .collect();
    if tests.is_empty() {
        return Err(format!(
            "no test path contains {:?}",
            cli.filter.as_deref().unwrap_or("")
        ));
    }

    let scratch = Scratch::create(&paths.corpus, &paths.shim)
        .map_err(|e| format!("cannot prepare the scratch corpus: {e}"))?;
    let runner = Runner {
        boavm,
        scratch: scratch.root.clone(),
        timeout: Duration::from_secs(cli.timeout_secs),
    };
    eprintln!(
        "conformance: {} tests, {} jobs, {} s limit, scratch {}",
        tests.len(),
        cli.jobs,
        cli.timeout_secs,
        scratch.root.display()
    );
    let n = tests.len();
    let outcomes = run::run_all(&runner, &tests, cli.jobs as usize, |done, test, o| {
        eprintln!("[{done:>3}/{n}] {:<4} {}", o.status.as_str(), test.path);
    });
    drop(scratch);
    let results: Vec<(&Test, &Outcome)> = tests.iter().zip(outcomes.iter()).collect();

    let ex_text = match std::fs::read(&paths.expectations) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("cannot read {}: {e}", paths.expectations.display())),
    };
    let mut ex = expectations::parse(&ex_text);
    for w in &ex.warnings {
        eprintln!("conformance: {}: {w}", paths.expectations.display());
    }
    if cli.update {
        let entries = expectations::updated(&ex, &results);
        std::fs::write(&paths.expectations, expectations::render(&entries))
            .map_err(|e| format!("cannot write {}: {e}", paths.expectations.display()))?;
        eprintln!("conformance: rewrote {}", paths.expectations.display());
        ex = expectations::parse(&expectations::render(&entries));
    }
    let cmp = expectations::compare(&ex, &results, &manifest);

    let totals = report::totals(&results);
    print!("{}", report::table(&results, &totals));
    if let Some(file) = &cli.json {
        let text = report::json(
            &results,
            &totals,
            |p| ex.entries.get(p).map(|e| e.expected),
            &cmp,
        );
        std::fs::write(file, text).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    }

    println!();
    for (path, o) in &cmp.regressions {
        println!(
            "REGRESSION {path}: expected pass, got {}: {}",
            o.status.as_str(),
            o.detail
        );
    }
    for path in &cmp.missing {
        println!("MISSING    {path}: not in expectations.tsv (run with --update)");
    }
    for path in &cmp.newly_passing {
        let want = ex.entries.get(path).map_or("?", |e| e.expected.as_str());
        println!("NEWLY PASSING {path}: expected {want}, now passes — update expectations.tsv");
    }
    for (path, want, got) in &cmp.changed {
        println!(
            "changed    {path}: expected {}, got {}",
            want.as_str(),
            got.as_str()
        );
    }
    for path in &cmp.stale {
        println!("stale      {path}: in expectations.tsv but not in the manifest");
    }
    if !cmp.todo.is_empty() {
        println!("{} expectation(s) still have a TODO reason", cmp.todo.len());
    }
    if !cmp.newly_passing.is_empty() {
        let mut lines = vec![format!(
            "{} test(s) NEWLY PASSING — update expectations.tsv (--update):",
            cmp.newly_passing.len()
        )];
        lines.extend(cmp.newly_passing.iter().map(|p| format!("  {p}")));
        banner(&lines);
    }
    let count = |s: Status| results.iter().filter(|(_, o)| o.status == s).count();
    println!(
        "({} skipped, {} unexpected passes)",
        count(Status::Skip),
        cmp.newly_passing.len()
    );
    println!("{} passed, {} failed", count(Status::Pass), cmp.failed());
    Ok(if cmp.failed() > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
