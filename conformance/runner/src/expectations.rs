//! `conformance/expectations.tsv`: `path<TAB>expected<TAB>reason`, one row per test.

use std::collections::BTreeMap;

use crate::corpus::Test;
use crate::run::{Outcome, Status};

/// What a test is expected to do, and why (required for non-pass).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub expected: Status,
    pub reason: String,
}

/// A parsed expectations file.
#[derive(Debug, Default)]
pub struct Expectations {
    pub entries: BTreeMap<String, Expectation>,
    /// Problems found while parsing (bad rows, duplicates, missing reasons).
    pub warnings: Vec<String>,
}

pub const TODO: &str = "TODO: reason";

/// Parses the file. Blank lines, `#` comments and the `path expected reason` header are
/// ignored; a row whose expectation is missing or unknown is reported and left out (so the
/// test counts as missing from the file).
pub fn parse(text: &str) -> Expectations {
    let mut ex = Expectations::default();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let path = cols.next().unwrap_or("").trim();
        let expected = cols.next().unwrap_or("").trim();
        let reason = cols.next().unwrap_or("").trim();
        if path == "path" && expected == "expected" {
            continue;
        }
        let Some(status) = Status::parse(expected) else {
            ex.warnings.push(format!(
                "line {n}: `{path}`: expected must be pass/fail/skip, found `{expected}`"
            ));
            continue;
        };
        if path.is_empty() {
            ex.warnings.push(format!("line {n}: empty path"));
            continue;
        }
        if status != Status::Pass && reason.is_empty() {
            ex.warnings.push(format!(
                "line {n}: `{path}` is expected to {expected} but has no reason"
            ));
        }
        let entry = Expectation {
            expected: status,
            reason: reason.to_string(),
        };
        if ex.entries.insert(path.to_string(), entry).is_some() {
            ex.warnings.push(format!(
                "line {n}: `{path}` listed twice (the last row wins)"
            ));
        }
    }
    ex
}

/// Renders entries as the file (sorted by path, with a header).
pub fn render(entries: &BTreeMap<String, Expectation>) -> String {
    let mut out = String::from(
        "# Expected results of Node's vm tests on boavm (see conformance/README.md).\n\
         # Every non-pass names the engine limit or missing boavm feature behind it.\n\
         # Regenerate with `cargo run -p conformance -- --update`, then fix any TODO.\n\
         path\texpected\treason\n",
    );
    for (path, e) in entries {
        let reason = e.reason.replace(['\t', '\n', '\r'], " ");
        out.push_str(&format!(
            "{path}\t{}\t{}\n",
            e.expected.as_str(),
            reason.trim()
        ));
    }
    out
}

/// The new entries after a run: unchanged statuses keep their reasons, passes need none,
/// new skips take the skip reason the run gave, and other changed or new non-passes get
/// `TODO: reason` (with the observed failure to start from).
/// Tests not in this run (filtered out) keep their old rows.
pub fn updated(old: &Expectations, results: &[(&Test, &Outcome)]) -> BTreeMap<String, Expectation> {
    let mut entries = old.entries.clone();
    for (test, outcome) in results {
        let keep = old
            .entries
            .get(&test.path)
            .filter(|e| e.expected == outcome.status && !e.reason.is_empty());
        let reason = match (keep, outcome.status) {
            (_, Status::Pass) => String::new(),
            (Some(e), _) => e.reason.clone(),
            (None, Status::Skip) if !outcome.detail.is_empty() => outcome.detail.clone(),
            (None, _) if outcome.detail.is_empty() => TODO.to_string(),
            (None, _) => format!("{TODO} ({})", outcome.detail),
        };
        entries.insert(
            test.path.clone(),
            Expectation {
                expected: outcome.status,
                reason,
            },
        );
    }
    entries
}

/// How a run compares with the expectations.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// Expected to pass but did not: (path, actual outcome).
    pub regressions: Vec<(String, Outcome)>,
    /// Run, but not in the file.
    pub missing: Vec<String>,
    /// Expected fail/skip but passed.
    pub newly_passing: Vec<String>,
    /// Expected fail but skipped, or the other way: (path, expected, actual).
    pub changed: Vec<(String, Status, Status)>,
    /// In the file but not in the manifest.
    pub stale: Vec<String>,
    /// Rows whose reason still starts with TODO.
    pub todo: Vec<String>,
}

impl Comparison {
    /// Tests that make the run fail.
    pub fn failed(&self) -> usize {
        self.regressions.len() + self.missing.len()
    }
}

pub fn compare(ex: &Expectations, results: &[(&Test, &Outcome)], manifest: &[Test]) -> Comparison {
    let mut c = Comparison::default();
    for (test, outcome) in results {
        match ex.entries.get(&test.path) {
            None => c.missing.push(test.path.clone()),
            Some(e) if e.expected == outcome.status => {}
            Some(e) if e.expected == Status::Pass => {
                c.regressions.push((test.path.clone(), (*outcome).clone()))
            }
            Some(_) if outcome.status == Status::Pass => c.newly_passing.push(test.path.clone()),
            Some(e) => c
                .changed
                .push((test.path.clone(), e.expected, outcome.status)),
        }
    }
    for (path, e) in &ex.entries {
        if !manifest.iter().any(|t| &t.path == path) {
            c.stale.push(path.clone());
        }
        if e.reason.starts_with("TODO") {
            c.todo.push(path.clone());
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test(path: &str) -> Test {
        Test {
            path: path.into(),
            class: "A".into(),
            area: "context".into(),
            notes: "-".into(),
        }
    }

    fn outcome(status: Status, detail: &str) -> Outcome {
        Outcome {
            status,
            detail: detail.into(),
        }
    }

    #[test]
    fn parses_rows_and_reports_odd_ones() {
        let text = "# comment\npath\texpected\treason\n\
                    a.js\tpass\n\
                    b.js\tfail\tboavm: timeout option not supported yet\n\
                    c.js\tSKIP\tclass C: needs child_process\twith\ttabs\n\
                    d.js\n\
                    e.js\tflaky\twhat\n\
                    f.js\tfail\n\
                    \n\
                    a.js\tpass\t\n";
        let ex = parse(text);
        assert_eq!(ex.entries.len(), 4);
        assert_eq!(ex.entries["a.js"].expected, Status::Pass);
        assert_eq!(
            ex.entries["b.js"].reason,
            "boavm: timeout option not supported yet"
        );
        assert_eq!(ex.entries["c.js"].expected, Status::Skip);
        assert_eq!(
            ex.entries["c.js"].reason,
            "class C: needs child_process\twith\ttabs"
        );
        assert_eq!(ex.entries["f.js"].reason, "");
        assert!(!ex.entries.contains_key("d.js") && !ex.entries.contains_key("e.js"));
        assert_eq!(ex.warnings.len(), 4, "{:?}", ex.warnings); // d, e, f (no reason), a twice
    }

    #[test]
    fn render_then_parse_round_trips() {
        let ex = parse("x.js\tfail\tengine: Boa error message text differs\ny.js\tpass\t\n");
        let again = parse(&render(&ex.entries));
        assert_eq!(again.entries, ex.entries);
        assert!(again.warnings.is_empty());
    }

    #[test]
    fn compare_classifies() {
        let ex = parse(
            "p.js\tpass\nf.js\tfail\tr\ns.js\tskip\tr\nn.js\tfail\tTODO: reason\nold.js\tpass\n",
        );
        let tests = [
            test("p.js"),
            test("f.js"),
            test("s.js"),
            test("n.js"),
            test("new.js"),
        ];
        let outs = [
            outcome(Status::Fail, "AssertionError: x"),
            outcome(Status::Pass, ""),
            outcome(Status::Fail, "boom"),
            outcome(Status::Fail, "same"),
            outcome(Status::Pass, ""),
        ];
        let results: Vec<_> = tests.iter().zip(outs.iter()).collect();
        let c = compare(&ex, &results, &tests);
        assert_eq!(c.regressions, vec![("p.js".to_string(), outs[0].clone())]);
        assert_eq!(c.newly_passing, vec!["f.js".to_string()]);
        assert_eq!(
            c.changed,
            vec![("s.js".to_string(), Status::Skip, Status::Fail)]
        );
        assert_eq!(c.missing, vec!["new.js".to_string()]);
        assert_eq!(c.stale, vec!["old.js".to_string()]);
        assert_eq!(c.todo, vec!["n.js".to_string()]);
        assert_eq!(c.failed(), 2);
    }

    #[test]
    fn update_keeps_reasons_of_unchanged_statuses() {
        let ex = parse(
            "a.js\tfail\tboavm bug: x\nb.js\tfail\tengine: y\nc.js\tpass\nkeep.js\tskip\tz\n",
        );
        let tests = [
            test("a.js"),
            test("b.js"),
            test("c.js"),
            test("d.js"),
            test("e.js"),
        ];
        let outs = [
            outcome(Status::Fail, "other text"),
            outcome(Status::Pass, ""),
            outcome(Status::Fail, "Error: new"),
            outcome(Status::Skip, ""),
            outcome(Status::Skip, "flag --x not supported"),
        ];
        let results: Vec<_> = tests.iter().zip(outs.iter()).collect();
        let e = updated(&ex, &results);
        assert_eq!(e["a.js"].reason, "boavm bug: x");
        assert_eq!(
            (e["b.js"].expected, e["b.js"].reason.as_str()),
            (Status::Pass, "")
        );
        assert_eq!(e["c.js"].reason, "TODO: reason (Error: new)");
        assert_eq!(e["d.js"].reason, "TODO: reason");
        assert_eq!(e["e.js"].reason, "flag --x not supported");
        assert_eq!(e["keep.js"].reason, "z");
    }
}
