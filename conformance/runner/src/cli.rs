//! Command-line options and the default locations derived from the repository root.

use std::path::PathBuf;

use clap::Parser;

/// Run Node's own `node:vm` tests against `boavm` and compare with `conformance/expectations.tsv`.
#[derive(Parser, Debug)]
#[command(name = "conformance", about)]
pub struct Cli {
    /// The Node vm test corpus (a directory with MANIFEST.tsv).
    /// Default: `../shared/node-vm-tests` next to the repository.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// The boavm binary to test. Default: `<repo>/target/debug/boavm`.
    #[arg(long, value_name = "PATH")]
    pub boavm: Option<PathBuf>,
    /// The `common` shim copied to `<scratch>/common/`. Default: `<repo>/conformance/common`.
    #[arg(long, value_name = "DIR")]
    pub shim: Option<PathBuf>,
    /// The expectations file. Default: `<repo>/conformance/expectations.tsv`.
    #[arg(long, value_name = "FILE")]
    pub expectations: Option<PathBuf>,
    /// Also write the results and totals as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Only the tests whose path contains SUBSTR.
    #[arg(long, value_name = "SUBSTR")]
    pub filter: Option<String>,
    /// Rewrite the expectations file from this run's results.
    #[arg(long)]
    pub update: bool,
    /// How many tests run at once.
    #[arg(long, value_name = "N", default_value_t = 2,
          value_parser = clap::value_parser!(u64).range(1..=256))]
    pub jobs: u64,
    /// Per-test time limit; a test still running then is killed and fails.
    #[arg(long, value_name = "S", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_secs: u64,
}

/// The repository root, fixed at compile time (`conformance/runner/../..`).
pub fn repo_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest_dir.join("..").join("..");
    root.canonicalize().unwrap_or(root)
}

/// Resolved paths for one run.
#[derive(Debug)]
pub struct Paths {
    pub corpus: PathBuf,
    pub boavm: PathBuf,
    pub shim: PathBuf,
    pub expectations: PathBuf,
}

impl Cli {
    pub fn paths(&self) -> Paths {
        let root = repo_root();
        Paths {
            corpus: self
                .corpus
                .clone()
                .unwrap_or_else(|| root.join("..").join("shared").join("node-vm-tests")),
            boavm: self
                .boavm
                .clone()
                .unwrap_or_else(|| root.join("target").join("debug").join("boavm")),
            shim: self
                .shim
                .clone()
                .unwrap_or_else(|| root.join("conformance").join("common")),
            expectations: self
                .expectations
                .clone()
                .unwrap_or_else(|| root.join("conformance").join("expectations.tsv")),
        }
    }
}
