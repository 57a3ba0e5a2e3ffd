//! Source positions as Node reports them.
//!
//! Limit: Boa has no line/column offset option, and `compileFunction` must wrap the body in
//! extra source. Every compiled source therefore gets an internal path `filename\0id`; the
//! id names the shift between engine positions and the positions Node would report (line
//! delta, and a column delta that applies to the first line only). The V8-shape stack getter
//! (`workarounds::patch_realm`) rewrites frames through this table.
use std::cell::RefCell;

use rustc_hash::FxHashMap;

/// How engine positions map to reported ones for one compiled source.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Shift {
    pub(crate) filename: String,
    /// Added to every line number.
    pub(crate) line_delta: i64,
    /// Engine line whose columns get `column_delta` (the first line of user code).
    pub(crate) first_line: i64,
    /// Added to columns on `first_line`.
    pub(crate) column_delta: i64,
    /// A host's tag for the source (0: none), recoverable from the path (`tag_of`).
    pub(crate) tag: u64,
}

/// Interned shifts (deduplicated, so the table is bounded by distinct filename/offset pairs).
#[derive(Default)]
pub(crate) struct Positions {
    ids: RefCell<FxHashMap<Shift, u32>>,
    shifts: RefCell<Vec<Shift>>,
}

const MARK: char = '\0';

impl Positions {
    /// The internal path to compile under for `shift`.
    pub(crate) fn path_for(&self, shift: Shift) -> String {
        let name = shift.filename.clone();
        let mut ids = self.ids.borrow_mut();
        let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
        let id = *ids.entry(shift.clone()).or_insert_with(|| {
            self.shifts.borrow_mut().push(shift);
            next
        });
        format!("{name}{MARK}{id}")
    }

    /// The host tag of the source compiled under `path` (0 when untagged or unknown).
    pub(crate) fn tag_of(&self, path: &str) -> u64 {
        path.rsplit_once(MARK)
            .and_then(|(_, id)| id.parse::<usize>().ok())
            .and_then(|i| self.shifts.borrow().get(i).map(|s| s.tag))
            .unwrap_or(0)
    }

    /// Maps an engine location `path:line:col` to the reported one.
    pub(crate) fn map_location(&self, path: &str, line: i64, col: i64) -> (String, i64, i64) {
        let Some((name, id)) = path.rsplit_once(MARK) else {
            return (path.to_owned(), line, col);
        };
        let shift = id
            .parse::<usize>()
            .ok()
            .and_then(|i| self.shifts.borrow().get(i).cloned());
        // V8 names a source compiled without a filename `<anonymous>`.
        let name = if name.is_empty() { "<anonymous>" } else { name };
        match shift {
            // Limit: Boa attributes some errors (a failed name lookup, ...) to the start of
            // the enclosing function, which for `compileFunction` is in the wrapper before the
            // body: the nearest user position is the body's start.
            Some(s) if line < s.first_line => (
                name.to_owned(),
                s.first_line + s.line_delta,
                1 + s.column_delta,
            ),
            Some(s) => {
                let c = if line == s.first_line {
                    col + s.column_delta
                } else {
                    col
                };
                (name.to_owned(), line + s.line_delta, c)
            }
            None => (name.to_owned(), line, col),
        }
    }

    /// Rewrites every `path:line:col` location in a frame line.
    pub(crate) fn map_frame(&self, frame: &str) -> String {
        let (head, loc, tail) = match frame.rsplit_once('(') {
            Some((h, l)) if l.ends_with(')') => (format!("{h}("), &l[..l.len() - 1], ")"),
            _ => (String::new(), frame, ""),
        };
        let mut parts = loc.rsplitn(3, ':');
        let (Some(c), Some(l), Some(p)) = (parts.next(), parts.next(), parts.next()) else {
            return frame.to_owned();
        };
        match (l.parse::<i64>(), c.parse::<i64>()) {
            (Ok(l), Ok(c)) => {
                let (p, l, c) = self.map_location(p, l, c);
                format!("{head}{p}:{l}:{c}{tail}")
            }
            // Boa could not map the instruction to a position (`:?:?`): keep its text, but
            // still show the user's filename.
            _ => {
                let (p, _, _) = self.map_location(p, 0, 0);
                format!("{head}{p}:{l}:{c}{tail}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(filename: &str, line_delta: i64, first_line: i64, column_delta: i64) -> Shift {
        Shift {
            filename: filename.into(),
            line_delta,
            first_line,
            column_delta,
            tag: 0,
        }
    }

    #[test]
    fn maps_lines_and_first_line_columns() {
        let p = Positions::default();
        let path = p.path_for(shift("f.js", -1, 2, 0));
        assert_eq!(
            p.map_frame("g (PATH:2:7)".replace("PATH", &path).as_str()),
            "g (f.js:1:7)"
        );
        let path2 = p.path_for(shift("a.js", 10, 1, 5));
        assert_eq!(p.map_frame(&format!("{path2}:1:3")), "a.js:11:8");
        assert_eq!(p.map_frame(&format!("{path2}:2:3")), "a.js:12:3");
        assert_eq!(p.map_frame("native"), "native");
        assert_eq!(p.map_frame(&format!("{path2}:?:?")), "a.js:?:?");
        let wrapped = p.path_for(shift("", 2, 2, 4));
        assert_eq!(p.map_frame(&format!("{wrapped}:1:14")), "<anonymous>:4:5");
        assert_eq!(p.map_frame(&format!("{wrapped}:2:3")), "<anonymous>:4:7");
    }

    #[test]
    fn shifts_are_interned() {
        let p = Positions::default();
        let s = shift("x", 0, 1, 0);
        assert_eq!(p.path_for(s.clone()), p.path_for(s));
    }
}
