//! The results table, the totals per class and per feature area, and the JSON report.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::corpus::Test;
use crate::run::{Outcome, Status};

/// pass / fail / skip counts.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub pass: usize,
    pub fail: usize,
    pub skip: usize,
    pub total: usize,
}

impl Counts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Pass => self.pass += 1,
            Status::Fail => self.fail += 1,
            Status::Skip => self.skip += 1,
        }
        self.total += 1;
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Totals {
    pub all: Counts,
    pub by_class: BTreeMap<String, Counts>,
    pub by_area: BTreeMap<String, Counts>,
}

pub fn totals(results: &[(&Test, &Outcome)]) -> Totals {
    let mut t = Totals::default();
    for (test, o) in results {
        t.all.add(o.status);
        t.by_class
            .entry(test.class.clone())
            .or_default()
            .add(o.status);
        t.by_area
            .entry(test.area.clone())
            .or_default()
            .add(o.status);
    }
    t
}

/// The results table followed by the totals.
pub fn table(results: &[(&Test, &Outcome)], t: &Totals) -> String {
    let w = results
        .iter()
        .map(|(t, _)| t.path.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let aw = results
        .iter()
        .map(|(t, _)| t.area.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!(
        "{:<w$}  {:<5}  {:<aw$}  {:<6}  {}\n",
        "file", "class", "area", "result", "first failing assertion / reason"
    );
    out.push_str(&format!("{}\n", "-".repeat(w + aw + 60)));
    for (test, o) in results {
        out.push_str(&format!(
            "{:<w$}  {:<5}  {:<aw$}  {:<6}  {}\n",
            test.path,
            test.class,
            test.area,
            o.status.as_str(),
            o.detail
        ));
    }
    let row = |name: &str, c: &Counts| {
        format!(
            "  {name:<16} {:>4} pass {:>4} fail {:>4} skip {:>4} total\n",
            c.pass, c.fail, c.skip, c.total
        )
    };
    out.push_str("\nTotals per class:\n");
    for (class, c) in &t.by_class {
        out.push_str(&row(class, c));
    }
    out.push_str(&row("all", &t.all));
    out.push_str("Totals per feature area:\n");
    for (area, c) in &t.by_area {
        out.push_str(&row(area, c));
    }
    out
}

#[derive(Serialize)]
struct JsonResult<'a> {
    path: &'a str,
    class: &'a str,
    area: &'a str,
    result: &'a str,
    detail: &'a str,
    expected: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    results: Vec<JsonResult<'a>>,
    totals: &'a Totals,
    regressions: Vec<&'a str>,
    missing_from_expectations: Vec<&'a str>,
    newly_passing: Vec<&'a str>,
}

pub fn json(
    results: &[(&Test, &Outcome)],
    t: &Totals,
    expected: impl Fn(&str) -> Option<Status>,
    cmp: &crate::expectations::Comparison,
) -> String {
    let report = JsonReport {
        results: results
            .iter()
            .map(|(test, o)| JsonResult {
                path: &test.path,
                class: &test.class,
                area: &test.area,
                result: o.status.as_str(),
                detail: &o.detail,
                expected: expected(&test.path).map(Status::as_str),
            })
            .collect(),
        totals: t,
        regressions: cmp.regressions.iter().map(|(p, _)| p.as_str()).collect(),
        missing_from_expectations: cmp.missing.iter().map(String::as_str).collect(),
        newly_passing: cmp.newly_passing.iter().map(String::as_str).collect(),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}
