//! V8's "`o.f` is not a function" for a failed call in a vm script.
//!
//! Limit: Boa says `not a callable function` / `not a constructor` without naming the callee;
//! V8 prints the callee expression (`o.f is not a function`, `o.C is not a constructor`), and
//! Node code matches that text. When an error leaving a run was thrown by the call itself (the
//! stack's top frame is in the script, at a call's `(` or a `new`), the callee is read back
//! from the source: a name or a chain of property names (`a.b`, `a?.b`, `a["b"]` printed as
//! V8 prints it, `a.b`). Anything else (a call on a call's result, a computed key, a callee
//! thrown from native code) keeps Boa's message.
use crate::{
    source_text::{is_ident_char as is_ident, Window},
    stack,
};

/// V8's message for an engine `TypeError` whose `stack` (header and frames) points into
/// `source`, compiled as `filename` with the given offsets; `None` when it does not apply.
pub(crate) fn v8_callee_message(
    message: &str,
    stack_text: &str,
    filename: &str,
    source: &str,
    line_offset: i64,
    column_offset: i64,
) -> Option<String> {
    let call = match message {
        "not a callable function" => true,
        "not a constructor" => false,
        _ => return None,
    };
    // Only when the failing call is the top frame, in this script.
    let top = stack_text
        .lines()
        .find(|l| l.trim_start().starts_with("at "))?;
    let (line, column) = stack::to_source_position(
        stack::first_frame_in(top, filename)?,
        line_offset,
        column_offset,
    )?;
    // The callee lies before a call's `(`, after a `new`.
    const WINDOW: usize = 512;
    let window = Window::around(source, line, column, WINDOW, WINDOW)?;
    let at = window.index_of(column)?;
    let text = &window.chars;
    let callee = if call {
        (text[at] == '(').then(|| chain_before(text, at))??
    } else {
        chain_after_new(text, at)?
    };
    let what = if call { "function" } else { "constructor" };
    Some(format!("{callee} is not a {what}"))
}

/// V8's message (`o.f is not a function`) for an uncaught engine error whose message is Boa's
/// `message`, thrown by a call in the main-context file `filename` whose text is `source` (no
/// offsets); `None` when Boa's message stays.
pub fn uncaught_callee_message(
    message: &str,
    stack: &str,
    filename: &str,
    source: &str,
) -> Option<String> {
    v8_callee_message(message, stack, filename, source, 0, 0)
}

/// The name chain ending just before `end` (skipping blanks): `a`, `a.b`, `a?.b`, `a["b"]`.
fn chain_before(text: &[char], end: usize) -> Option<String> {
    let mut i = end;
    while i > 0 && text[i - 1].is_whitespace() {
        i -= 1;
    }
    // (separator on the left, name), collected from the right.
    let mut pieces: Vec<(&str, String)> = Vec::new();
    loop {
        let name: String;
        let bracketed = i >= 4 && text[i - 1] == ']' && matches!(text[i - 2], '"' | '\'');
        if bracketed {
            // `["name"]` / `['name']`
            let quote = text[i - 2];
            let mut j = i - 2;
            while j > 0 && text[j - 1] != quote {
                if !is_ident(text[j - 1]) {
                    return None;
                }
                j -= 1;
            }
            if j < 2 || text[j - 2] != '[' || j == i - 2 {
                return None;
            }
            name = text[j..i - 2].iter().collect();
            i = j - 2;
        } else {
            let mut j = i;
            while j > 0 && is_ident(text[j - 1]) {
                j -= 1;
            }
            if j == i {
                return None;
            }
            name = text[j..i].iter().collect();
            i = j;
        }
        // What joins this piece to the one on its left.
        let separator = if i >= 2 && text[i - 2] == '?' && text[i - 1] == '.' {
            i -= 2;
            "?."
        } else if bracketed {
            "."
        } else if i >= 1 && text[i - 1] == '.' {
            // `..` (a spread) or a number's decimal point are not member accesses.
            if i >= 2 && (text[i - 2] == '.' || text[i - 2].is_ascii_digit()) {
                return None;
            }
            i -= 1;
            "."
        } else {
            pieces.push(("", name));
            break;
        };
        pieces.push((separator, name));
    }
    // The chain must start the expression: after it, on the left, nothing that makes it part of
    // a larger one (`f().g`, `a[0].g`, `x.y` where `x` was cut short).
    if i > 0 && matches!(text[i - 1], ')' | ']' | '}' | '`' | '"' | '\'' | '.' | '[') {
        return None;
    }
    let (_, first) = pieces.last()?;
    if first.chars().next().is_some_and(|c| c.is_ascii_digit()) && pieces.len() > 1 {
        return None;
    }
    let mut out = String::new();
    for (separator, name) in pieces.iter().rev() {
        out.push_str(separator);
        out.push_str(name);
    }
    Some(out)
}

/// The name chain after `new` at `at`: `new o.C(` → `o.C`, `new 5` → `5`.
fn chain_after_new(text: &[char], at: usize) -> Option<String> {
    let word: String = text.get(at..at + 3)?.iter().collect();
    if word != "new" {
        return None;
    }
    let mut i = at + 3;
    if text.get(i).is_some_and(|&c| is_ident(c)) {
        return None;
    }
    while text.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    let start = i;
    while text
        .get(i)
        .is_some_and(|&c| is_ident(c) || c == '.' || c == '?')
    {
        i += 1;
    }
    let chain: String = text[start..i].iter().collect();
    let ends_well = matches!(text.get(i), None | Some('(' | ';' | ' ' | ')' | ',' | '\n'));
    (!chain.is_empty() && ends_well && !chain.ends_with('.') && !chain.contains(".."))
        .then_some(chain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn callee(src: &str) -> Option<String> {
        let at = src.rfind('(')?;
        chain_before(&src.chars().collect::<Vec<_>>(), at)
    }

    #[test]
    fn callee_chains_print_as_v8_prints_them() {
        assert_eq!(callee("x()").as_deref(), Some("x"));
        assert_eq!(callee("var o = {}; o.f()").as_deref(), Some("o.f"));
        assert_eq!(callee("o.a.b ()").as_deref(), Some("o.a.b"));
        assert_eq!(callee("o?.f()").as_deref(), Some("o?.f"));
        assert_eq!(callee("o[\"k\"]()").as_deref(), Some("o.k"));
        assert_eq!(callee("o.a['k']()").as_deref(), Some("o.a.k"));
        assert_eq!(callee("f().g()"), None);
        assert_eq!(callee("a[0].g()"), None);
        assert_eq!(callee("(1)()"), None);
        assert_eq!(callee("o[k]()"), None);
        assert_eq!(callee("1.5.f()"), None);
    }

    #[test]
    fn constructors_after_new() {
        let c = |s: &str| chain_after_new(&s.chars().collect::<Vec<_>>(), 0);
        assert_eq!(c("new o.C()").as_deref(), Some("o.C"));
        assert_eq!(c("new 5").as_deref(), Some("5"));
        assert_eq!(c("new (f())()"), None);
        assert_eq!(c("newer()"), None);
    }

    #[test]
    fn only_when_the_call_itself_threw() {
        let stack = "TypeError: not a callable function\n    at n.js:1:16";
        assert_eq!(
            v8_callee_message(
                "not a callable function",
                stack,
                "n.js",
                "var o = {}; o.f()",
                0,
                0
            )
            .as_deref(),
            Some("o.f is not a function")
        );
        let native_top =
            "TypeError: not a callable function\n    at forEach (native)\n    at n.js:1:16";
        assert_eq!(
            v8_callee_message(
                "not a callable function",
                native_top,
                "n.js",
                "var o = {}; o.f()",
                0,
                0
            ),
            None
        );
    }
}
