//! The corpus: MANIFEST.tsv rows, `// Flags:` headers, and the scratch copy tests run in.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// One MANIFEST row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Test {
    /// Relative to the corpus root, `/`-separated.
    pub path: String,
    /// Feasibility class: `A`, `B`, `C` (or `?` if the row has none).
    pub class: String,
    /// Feature area (`context`, `module`, ...; `?` if missing).
    pub area: String,
    /// The manifest's notes (`-` or empty when none).
    pub notes: String,
}

fn column(header: &[&str], name: &str, fallback: usize) -> usize {
    header
        .iter()
        .position(|h| h.trim() == name)
        .unwrap_or(fallback)
}

fn cell(cols: &[&str], i: usize) -> String {
    cols.get(i)
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .unwrap_or("?")
        .to_string()
}

/// Parses MANIFEST.tsv. Columns are found by their header names (`path`, `feature_area`,
/// `feasibility`, `notes`), falling back to the documented positions; short rows get `?`.
pub fn parse_manifest(text: &str) -> Vec<Test> {
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let has_header = rows
        .first()
        .and_then(|h| h.split('\t').next())
        .map(str::trim)
        == Some("path");
    let header: Vec<&str> = if has_header {
        rows[0].split('\t').collect()
    } else {
        Vec::new()
    };
    let body = if has_header { &rows[1..] } else { &rows[..] };
    let (p, area, class, notes) = (
        column(&header, "path", 0),
        column(&header, "feature_area", 6),
        column(&header, "feasibility", 7),
        column(&header, "notes", 8),
    );
    let mut tests: Vec<Test> = body
        .iter()
        .filter_map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            let path = cols.get(p)?.trim();
            if path.is_empty() {
                return None;
            }
            Some(Test {
                path: path.replace('\\', "/"),
                class: cell(&cols, class),
                area: cell(&cols, area),
                notes: cols
                    .get(notes)
                    .map(|c| c.trim().to_string())
                    .unwrap_or_default(),
            })
        })
        .collect();
    tests.sort_by(|a, b| a.path.cmp(&b.path));
    tests.dedup_by(|a, b| a.path == b.path);
    tests
}

/// Every flag named on a `// Flags:` line of a test's source, in order.
pub fn parse_flags(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.trim_start().strip_prefix("// Flags:"))
        .flat_map(|rest| rest.split_whitespace().map(str::to_string))
        .collect()
}

/// Whether a test's source uses source-phase import syntax (`import source x from`,
/// `import.source(...)`), which Boa cannot parse.
fn uses_source_phase_imports(source: &str) -> bool {
    source.contains("import source ") || source.contains("import.source(")
}

/// Maps Node flags to boavm options; `Err(flag)` names the first flag boavm cannot honour.
///
/// `--js-source-phase-imports` only lets V8 parse source-phase imports: a test whose `source`
/// never uses that syntax runs the same without it, so the flag is dropped there; a test that
/// uses it cannot run (Boa has no source-phase imports).
pub fn map_flags(flags: &[String], source: &str) -> Result<Vec<&'static str>, String> {
    let mut out = Vec::new();
    for flag in flags {
        let mapped = match flag.as_str() {
            "--js-source-phase-imports" | "--js_source_phase_imports"
                if !uses_source_phase_imports(source) =>
            {
                continue
            }
            "--harmony-import-attributes" | "--harmony_import_attributes" => {
                "--harmony-import-attributes"
            }
            "--expose-gc" | "--expose_gc" => "--expose-gc",
            "--abort-on-uncaught-exception" | "--abort_on_uncaught_exception" => {
                "--abort-on-uncaught-exception"
            }
            "--experimental-vm-modules" | "--experimental_vm_modules" => {
                "--experimental-vm-modules"
            }
            other => return Err(other.to_string()),
        };
        if !out.contains(&mapped) {
            out.push(mapped);
        }
    }
    Ok(out)
}

/// A scratch copy of the corpus with the shim at `common/`; removed on drop.
pub struct Scratch {
    pub root: PathBuf,
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.root);
    }
}

impl Scratch {
    /// Copies `corpus` to a fresh directory under the system temp dir, then `shim/*` to
    /// `<scratch>/common/`.
    pub fn create(corpus: &Path, shim: &Path) -> io::Result<Scratch> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let root =
            std::env::temp_dir().join(format!("boavm-conformance-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&root)?;
        let scratch = Scratch { root };
        copy_dir(corpus, &scratch.root)?;
        copy_dir(shim, &scratch.root.join("common"))?;
        Ok(scratch)
    }
}

fn copy_dir(src: &Path, dst: &Path) -> io::Result<()> {
    fs::create_dir_all(dst)?;
    for entry in fs::read_dir(src)? {
        let entry = entry?;
        let from = entry.path();
        let to = dst.join(entry.file_name());
        // `metadata` follows symlinks, so linked files and folders are copied as such.
        let meta = fs::metadata(&from)?;
        if meta.is_dir() {
            copy_dir(&from, &to)?;
        } else if meta.is_file() {
            fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_from_header_lines() {
        let src = "'use strict';\n// Flags: --experimental-vm-modules --js-source-phase-imports\n\
                   // Flags:   --expose_gc\nconst x = '// Flags: nope';\n";
        assert_eq!(
            parse_flags(src),
            [
                "--experimental-vm-modules",
                "--js-source-phase-imports",
                "--expose_gc"
            ]
        );
        assert!(parse_flags("no flags here\n// Flags:\n").is_empty());
    }

    #[test]
    fn flag_mapping() {
        let f = |v: &[&str]| map_flags(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "");
        assert_eq!(f(&[]), Ok(vec![]));
        assert_eq!(f(&["--expose_gc", "--expose-gc"]), Ok(vec!["--expose-gc"]));
        assert_eq!(
            f(&["--experimental-vm-modules", "--expose-gc"]),
            Ok(vec!["--experimental-vm-modules", "--expose-gc"])
        );
        assert_eq!(
            f(&[
                "--experimental-vm-modules",
                "--max-old-space-size=16",
                "--trace-gc"
            ]),
            Err("--max-old-space-size=16".to_string())
        );
        assert_eq!(
            f(&["--abort-on-uncaught-exception"]),
            Ok(vec!["--abort-on-uncaught-exception"])
        );
        assert_eq!(f(&["--stack-size=50"]), Err("--stack-size=50".to_string()));
        assert_eq!(
            f(&["--experimental-vm-modules", "--js-source-phase-imports"]),
            Ok(vec!["--experimental-vm-modules"])
        );
        assert_eq!(
            map_flags(
                &["--js-source-phase-imports".to_string()],
                "import source m from 'x';"
            ),
            Err("--js-source-phase-imports".to_string())
        );
        assert_eq!(
            f(&["--harmony-import-attributes"]),
            Ok(vec!["--harmony-import-attributes"])
        );
    }

    #[test]
    fn manifest_by_header_and_short_rows() {
        let text = "path\tsource_commit\tflags\tnode_modules_required\tcommon_helpers_used\t\
                    needs_process\tfeature_area\tfeasibility\tnotes\n\
                    parallel/b.js\tx\t-\t-\t-\tno\tcontext\tA\t-\n\
                    parallel/a.js\tx\t-\t-\t-\tyes\tsigint\tC\tneeds child_process\n\
                    parallel/short.js\tx\n\n";
        let t = parse_manifest(text);
        assert_eq!(t.len(), 3);
        assert_eq!(t[0].path, "parallel/a.js");
        assert_eq!((t[0].class.as_str(), t[0].area.as_str()), ("C", "sigint"));
        assert_eq!(t[0].notes, "needs child_process");
        assert_eq!(t[1].path, "parallel/b.js");
        assert_eq!((t[2].class.as_str(), t[2].area.as_str()), ("?", "?"));
        assert!(parse_manifest("").is_empty());
    }
}
