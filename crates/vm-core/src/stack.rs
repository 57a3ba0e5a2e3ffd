//! V8-shaped error stacks: `Name: message` then `    at fn (file:line:col)` frames, and
//! Node's `displayErrors` decoration (the source line with a caret under the position).
use boa_engine::{js_string, Context, JsObject, JsResult, JsString, JsValue};

/// Reads `err.name` / `err.message` the way `Error.prototype.toString` does, never throwing.
pub(crate) fn error_header(err: &JsObject, cx: &mut Context) -> String {
    let mut read = |k: &str, default: &str| -> String {
        match err.get(JsString::from(k), cx) {
            Ok(v) if v.is_undefined() => default.to_owned(),
            Ok(v) => v
                .to_string(cx)
                .map_or_else(|_| default.to_owned(), |s| s.to_std_string_escaped()),
            Err(_) => default.to_owned(),
        }
    };
    let name = read("name", "Error");
    let message = read("message", "");
    match (name.is_empty(), message.is_empty()) {
        (_, true) => name,
        (true, false) => message,
        (false, false) => format!("{name}: {message}"),
    }
}

/// V8's default `Error.stackTraceLimit`.
pub(crate) const DEFAULT_FRAME_LIMIT: i32 = 10;

/// How many frames a stack shows, from `Error.stackTraceLimit` as V8 reads it: an own data
/// property (accessors are not called) holding a number, negative and NaN meaning 0; any
/// other value means no stack at all (`None`, the `stack` reads `undefined`).
pub(crate) fn frame_limit(error_ctor: &JsObject, cx: &mut Context) -> JsResult<Option<usize>> {
    let desc = boa_engine::builtins::object::OrdinaryObject::get_own_property_descriptor(
        &JsValue::undefined(),
        &[
            error_ctor.clone().into(),
            js_string!("stackTraceLimit").into(),
        ],
        cx,
    )?;
    if desc.is_undefined() {
        return Ok(None);
    }
    let desc = desc.to_property_descriptor(cx)?;
    let Some(n) = desc.value().and_then(JsValue::as_number) else {
        return Ok(None);
    };
    Ok(Some(if n.is_nan() || n <= 0.0 {
        0
    } else if n >= usize::MAX as f64 {
        usize::MAX
    } else {
        // Truncation toward zero, as V8's conversion to an integer frame count.
        n as usize
    }))
}

/// Rewrites Boa's frame lines into V8's shape, keeping at most `limit` frames: the top-level
/// frame `<main> (file:l:c)` becomes `file:l:c`.
pub(crate) fn v8_frames(frames: &str, limit: usize, map: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(frames.len());
    for line in frames.lines().take(limit) {
        let body = line
            .trim_start()
            .strip_prefix("at ")
            .unwrap_or(line.trim_start());
        let body = match body.strip_prefix("<main> (") {
            Some(rest) => rest.strip_suffix(')').unwrap_or(rest).to_owned(),
            None => body.to_owned(),
        };
        out.push_str("    at ");
        out.push_str(&map(&body));
        out.push('\n');
    }
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

/// [`v8_frames`] with each location mapped to the one Node reports (the isolate's source
/// positions: internal paths, line and column offsets).
pub(crate) fn v8_frames_mapped(frames: &str, limit: usize, cx: &Context) -> String {
    let iso = cx
        .get_data::<crate::engine::EngineTag>()
        .and_then(|t| t.isolate.upgrade());
    v8_frames(frames, limit, |f| match &iso {
        Some(iso) => iso.shared.positions.map_frame(f),
        None => f.to_owned(),
    })
}

/// The position (`line`, `column`, 1-based) of the first frame located in `filename`.
pub(crate) fn first_frame_in(stack: &str, filename: &str) -> Option<(usize, usize)> {
    for line in stack.lines() {
        let Some(rest) = line.trim_start().strip_prefix("at ") else {
            continue;
        };
        let loc = rest
            .rsplit_once('(')
            .map_or(rest, |(_, l)| l.trim_end_matches(')'));
        let mut parts = loc.rsplitn(3, ':');
        let (Some(col), Some(ln), Some(file)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        if file == filename {
            // The first frame in the file decides, even when Boa could not locate it (`?:?`).
            return ln.parse().ok().zip(col.parse().ok());
        }
    }
    None
}

/// Boa reports parse errors as `... at line L, col C`; returns `(L, C)`.
pub fn parse_syntax_error_position(message: &str) -> Option<(usize, usize)> {
    parse_position_suffix(message)
}

/// Where a parse error of `source` is: the position Boa appends to the message, or for an
/// unexpected end of input (which Boa reports without one) the end of the source.
pub(crate) fn syntax_error_position(message: &str, source: &str) -> Option<(usize, usize)> {
    parse_position_suffix(message).or_else(|| {
        (message.starts_with("abrupt end") || message.starts_with("unterminated template literal"))
            .then(|| {
                let last = source.rsplit('\n').next().unwrap_or("");
                (source.split('\n').count(), last.chars().count() + 1)
            })
    })
}

fn parse_position_suffix(message: &str) -> Option<(usize, usize)> {
    let idx = message.rfind("at line ")?;
    let rest = &message[idx + "at line ".len()..];
    let (line, rest) = rest.split_once(", col ")?;
    let col: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.trim().parse().ok()?, col.parse().ok()?))
}

/// How many characters of padding and caret Node writes under a source line at most (node's
/// `kUnderlineBufsize`): a position further right gets the padding and no caret.
const MAX_UNDERLINE: usize = 1020;

/// The arrow message Node prints above a stack: `file:line\n<source line>\n<spaces>^\n`.
/// `at` is the (line, column) in `source`, 1-based, and `width` how many characters the
/// carets mark from there; `display_line` the line number shown.
pub(crate) fn arrow_message(
    filename: &str,
    display_line: usize,
    source: &str,
    at: (usize, usize),
    width: usize,
) -> Option<String> {
    let (line, column) = at;
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let caret_at = column.saturating_sub(1);
    let pad: String = text
        .chars()
        .take(caret_at.min(MAX_UNDERLINE))
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    // Past the end of the line (an unexpected end of input) V8 marks an empty range: the
    // padding without a caret. The carets stop at the line's end and at Node's buffer size.
    let left = text.chars().skip(caret_at).count();
    let carets = width
        .max(1)
        .min(left)
        .min(MAX_UNDERLINE.saturating_sub(caret_at));
    let underline = "^".repeat(carets);
    Some(format!(
        "{filename}:{display_line}\n{text}\n{pad}{underline}\n"
    ))
}

/// How many characters V8 marks for a parse error at the 1-based `(line, column)`: a whole
/// string literal (to its closing quote, or the line's end when unterminated), a whole name,
/// keyword or number, else one character.
fn parse_error_width(source: &str, (line, column): (usize, usize)) -> usize {
    use crate::source_text::{is_ident_char, Window};
    let Some(window) = Window::around(source, line, column, 0, MAX_UNDERLINE) else {
        return 1;
    };
    let Some(at) = window.index_of(column) else {
        return 1;
    };
    let rest = &window.chars[at..];
    match rest.first() {
        Some(&quote @ ('"' | '\'')) => {
            let mut escaped = false;
            for (i, &c) in rest.iter().enumerate().skip(1) {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    c if c == quote => return i + 1,
                    _ => {}
                }
            }
            rest.len()
        }
        // A number, as far as it scans as one (`12` of `12abc`, `1.5e`, `0x`).
        Some(c) if c.is_ascii_digit() => {
            let hex = rest.get(1).is_some_and(|x| matches!(x, 'x' | 'X'));
            let number = |c: &char| {
                c.is_ascii_digit()
                    || matches!(
                        c,
                        '.' | '_' | 'e' | 'E' | 'x' | 'X' | 'o' | 'O' | 'b' | 'B' | 'n'
                    )
                    || (hex && c.is_ascii_hexdigit())
            };
            rest.iter().take_while(|c| number(c)).count()
        }
        Some(&c) if is_ident_char(c) => rest.iter().take_while(|&&c| is_ident_char(c)).count(),
        _ => 1,
    }
}

/// Where V8 puts the `displayErrors` caret for an error Boa located at `(line, column)` of
/// `source` (1-based, in source coordinates).
///
/// Limit: Boa records where an error object was *created*, and for a call the position of its
/// `(`; V8 marks the `throw` statement, and for a call its callee's name. The two agree once
/// the position is moved back over a call's parenthesis to the callee name, and from an error
/// created as the operand of `throw` (`throw new Error()`, `throw Error()`) to the `throw`
/// keyword: that error is thrown exactly there. An error created elsewhere and thrown later
/// keeps its creation site (the engine reports no throw site for it).
pub(crate) fn v8_caret(source: &str, line: usize, column: usize) -> usize {
    use crate::source_text::{is_ident_char, skip_blanks_back, word_start_before, Window};
    // How far back the callee name and `throw` are looked for.
    const BEFORE: usize = 256;
    let Some(window) = Window::around(source, line, column, BEFORE, 0) else {
        return column;
    };
    let Some(mut at) = window.index_of(column) else {
        return column;
    };
    let chars = &window.chars;
    if chars[at] == '(' {
        if let Some(start) = word_start_before(chars, at) {
            at = start;
        }
    }
    let before = skip_blanks_back(chars, at);
    let word_start = before.saturating_sub(5);
    let word: String = chars[word_start..before].iter().collect();
    // `throw` must be a whole word (the window's edge counts as one only at the line start).
    let bounded = if word_start == 0 {
        window.first == 0
    } else {
        !(is_ident_char(chars[word_start - 1]) || chars[word_start - 1] == '.')
    };
    if before < at && word == "throw" && bounded {
        at = word_start;
    }
    window.first + at + 1
}

/// Sources longer than this (bytes) are not searched by [`reference_site`].
const MAX_SEARCHED_SOURCE: usize = 256 << 10;

/// The position of the first reference to `name` at or after `(line, column)` of `source`:
/// where a failed lookup of `name` happened. Boa locates a failed name lookup at the last
/// instruction it records a position for (the enclosing function's start, an earlier call) or
/// nowhere (top-level code before any call); V8 at the identifier.
pub(crate) fn reference_site(
    source: &str,
    name: &str,
    from: Option<(usize, usize)>,
) -> Option<(usize, usize)> {
    use crate::source_text::{find_token, token_start};
    use boa_engine::ast::Punctuator;
    use boa_parser::lexer::token::TokenKind;
    // The search lexes from the start of the source on every error that leaves a run; a large
    // script run again and again must not pay that each time, so large sources keep Boa's
    // position.
    if source.len() > MAX_SEARCHED_SOURCE {
        return None;
    }
    let from = from.unwrap_or((1, 1));
    let punct = |kind: Option<&TokenKind>, set: &[Punctuator]| matches!(kind, Some(TokenKind::Punctuator(p)) if set.contains(p));
    let (mut previous, mut candidate): (Option<TokenKind>, Option<(usize, usize, bool)>) =
        (None, None);
    let found = find_token(source, |token, interner| {
        // A candidate is a reference unless it is a property key or a label (`name:` after
        // `{`, `,`, `;` or at the start).
        if let Some((l, c, keyish)) = candidate.take() {
            if !(keyish && punct(Some(token.kind()), &[Punctuator::Colon])) {
                return Some((l, c));
            }
        }
        let at = token_start(token);
        if let TokenKind::IdentifierName((sym, _)) = token.kind() {
            let member = punct(previous.as_ref(), &[Punctuator::Dot, Punctuator::Optional]);
            if !member && at >= from && interner.resolve_expect(*sym).to_string() == name {
                let keyish = previous.is_none()
                    || punct(
                        previous.as_ref(),
                        &[
                            Punctuator::OpenBlock,
                            Punctuator::Comma,
                            Punctuator::Semicolon,
                        ],
                    );
                candidate = Some((at.0, at.1, keyish));
            }
        }
        previous = Some(token.kind().clone());
        None
    });
    found.or(candidate.map(|(l, c, _)| (l, c)))
}

/// A reported position (`line_offset`/`column_offset` applied; the column shift is on the
/// source's first line only) back in the source's own coordinates.
pub(crate) fn to_source_position(
    (line, column): (usize, usize),
    line_offset: i64,
    column_offset: i64,
) -> Option<(usize, usize)> {
    let source_line = usize::try_from(line as i64 - line_offset).ok()?;
    let source_col = if source_line == 1 {
        usize::try_from(column as i64 - column_offset).ok()?
    } else {
        column
    };
    Some((source_line, source_col))
}

/// The arrow message for an error whose V8-shape `stack` (header and frames) was thrown by
/// `source`, compiled as `filename` with the given offsets; `position` (reported coordinates)
/// when the error's position is known exactly (a parse error), else the first frame in
/// `filename` locates it. A failed name lookup Boa could not locate gets its frame's position
/// written into `stack`.
pub(crate) fn arrow_for(
    stack: &mut String,
    filename: &str,
    source: &str,
    position: Option<(usize, usize)>,
    line_offset: i64,
    column_offset: i64,
) -> Option<String> {
    let to_source = |p| to_source_position(p, line_offset, column_offset);
    let to_reported = |(line, column): (usize, usize)| {
        let col = if line == 1 {
            column as i64 + column_offset
        } else {
            column as i64
        };
        (line as i64 + line_offset, col)
    };
    let (source_line, source_col) = match position {
        // A parse error's position is exact.
        Some(p) => {
            let at = to_source(p)?;
            let display_line = usize::try_from(at.0 as i64 + line_offset).unwrap_or(0);
            // V8 marks one character of a redeclared name, the whole token elsewhere.
            let header = stack.lines().next().unwrap_or_default();
            let width = if header.ends_with("has already been declared") {
                1
            } else {
                parse_error_width(source, at)
            };
            return arrow_message(filename, display_line, source, at, width);
        }
        None => {
            let frame = first_frame_in(stack, filename).and_then(to_source);
            let unlocated = format!("{filename}:?:?");
            // A failed name lookup: find the identifier, and give the frame its position.
            let missing = stack
                .lines()
                .next()
                .and_then(|h| h.strip_prefix("ReferenceError: "))
                .and_then(|m| m.strip_suffix(" is not defined"));
            let found = missing.and_then(|name| reference_site(source, name, frame));
            match (found, frame) {
                (Some(p), _) => {
                    if frame.is_none() {
                        let (l, c) = to_reported(p);
                        *stack = stack.replacen(&unlocated, &format!("{filename}:{l}:{c}"), 1);
                    }
                    (p.0, v8_caret(source, p.0, p.1))
                }
                (None, Some((l, c))) => (l, v8_caret(source, l, c)),
                (None, None) => return None,
            }
        }
    };
    let display_line = usize::try_from(source_line as i64 + line_offset).unwrap_or(0);
    arrow_message(filename, display_line, source, (source_line, source_col), 1)
}

/// The arrow message Node prints above an uncaught error's stack, for an error thrown by the
/// main-context file `filename` whose text is `source` (no offsets).
pub fn uncaught_arrow(stack: &str, filename: &str, source: &str) -> Option<String> {
    let mut stack = stack.to_owned();
    arrow_for(&mut stack, filename, source, None, 0, 0)
}

/// V8's `RangeError: Maximum call stack size exceeded` for Boa's uncatchable recursion or
/// stack-size limit error (`None` for any other error), with the engine error's frames in V8's
/// shape (at most `Error.stackTraceLimit`'s default, 10) as its `stack`.
pub fn range_error_for_limit(err: &boa_engine::JsError, cx: &mut Context) -> Option<JsValue> {
    use boa_engine::error::{EngineError, RuntimeLimitError};
    if !matches!(
        err.as_engine(),
        Some(EngineError::RuntimeLimit(
            RuntimeLimitError::Recursion | RuntimeLimitError::StackSize
        ))
    ) {
        return None;
    }
    const HEADER: &str = "RangeError: Maximum call stack size exceeded";
    let range = boa_engine::JsNativeError::range()
        .with_message("Maximum call stack size exceeded")
        .into_opaque(cx);
    // The engine's rendering: its message line, then `    at …` lines (most recent first).
    let text = err.to_string();
    let frames: String = text
        .lines()
        .filter(|l| l.trim_start().starts_with("at "))
        .take(DEFAULT_FRAME_LIMIT as usize)
        .map(|l| format!("{l}\n"))
        .collect();
    let frames = v8_frames_mapped(&frames, usize::MAX, cx);
    let stack = if frames.is_empty() {
        HEADER.to_owned()
    } else {
        format!("{HEADER}\n{frames}")
    };
    let _ = range.define_property_or_throw(
        js_string!("stack"),
        boa_engine::property::PropertyDescriptor::builder()
            .value(JsString::from(stack))
            .writable(true)
            .enumerable(false)
            .configurable(true),
        cx,
    );
    Some(range.into())
}

/// Node's `displayErrors` decoration: prepends the arrow message to `err.stack` once (an error
/// whose `stack` is already an own property — decorated before, or set by user code — is left
/// alone, as Node marks decorated errors).
///
/// `source` is the compiled source text; `position` (when known) and the frames of the stack
/// are reported positions, `line_offset`/`column_offset` the shift between the two (the column
/// shift applies to the source's first line only).
///
/// # Errors
/// What reading or defining the error's `stack` property throws.
pub fn decorate_error_stack(
    err: &JsValue,
    filename: &str,
    source: &str,
    position: Option<(usize, usize)>,
    line_offset: i64,
    column_offset: i64,
    cx: &mut Context,
) -> JsResult<()> {
    let Some(obj) = err.as_object() else {
        return Ok(());
    };
    if !obj.is::<boa_engine::builtins::error::Error>()
        || obj.has_own_property(js_string!("stack"), cx)?
    {
        return Ok(());
    }
    let stack = obj.get(js_string!("stack"), cx)?;
    let Some(mut stack) = stack.as_string().map(|s| s.to_std_string_escaped()) else {
        return Ok(());
    };
    let Some(arrow) = arrow_for(
        &mut stack,
        filename,
        source,
        position,
        line_offset,
        column_offset,
    ) else {
        return Ok(());
    };
    let decorated = format!("{arrow}\n{stack}");
    obj.set(js_string!("stack"), JsString::from(decorated), false, cx)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_take_v8_shape() {
        let boa = "    at g (b.js:1:21)\n    at <main> (b.js:2:2)\n";
        assert_eq!(
            v8_frames(boa, 10, str::to_owned),
            "    at g (b.js:1:21)\n    at b.js:2:2"
        );
        assert_eq!(v8_frames(boa, 1, str::to_owned), "    at g (b.js:1:21)");
        assert_eq!(v8_frames(boa, 0, str::to_owned), "");
    }

    #[test]
    fn finds_first_frame_of_file() {
        let s = "Error: x\n    at g (a.js:3:4)\n    at b.js:2:2";
        assert_eq!(first_frame_in(s, "b.js"), Some((2, 2)));
        assert_eq!(first_frame_in(s, "a.js"), Some((3, 4)));
        assert_eq!(first_frame_in(s, "c.js"), None);
    }

    #[test]
    fn syntax_position() {
        assert_eq!(
            parse_syntax_error_position(
                "unexpected token ';', primary expression at line 1, col 9"
            ),
            Some((1, 9))
        );
        assert_eq!(parse_syntax_error_position("nothing"), None);
    }

    #[test]
    fn caret_moves_to_throw_and_callee() {
        // Boa: `new` of `throw new Error()`; V8: the `throw`.
        assert_eq!(v8_caret(" throw new Error()", 1, 8), 2);
        assert_eq!(v8_caret("if (1) { throw  new  Error() }", 1, 17), 10);
        // Boa: the call's `(`; V8: the callee, then the `throw` it is the operand of.
        assert_eq!(v8_caret("throw Error('x')", 1, 12), 1);
        assert_eq!(v8_caret("a.b (1)", 1, 5), 3);
        // Not an operand of `throw`: unchanged.
        assert_eq!(v8_caret("x.throw + new Error()", 1, 11), 11);
        assert_eq!(v8_caret("nothrow(new Error())", 1, 9), 9);
        assert_eq!(v8_caret("short", 4, 2), 2);
    }

    #[test]
    fn failed_lookups_are_found_after_the_reported_position() {
        let src = "var o = { gone: 1 };\no.gone + gone";
        assert_eq!(reference_site(src, "gone", None), Some((2, 10)));
        assert_eq!(reference_site("f(); g()", "g", Some((1, 3))), Some((1, 6)));
        assert_eq!(reference_site("'g' + 1", "g", None), None);
    }

    #[test]
    fn parse_errors_mark_whole_tokens() {
        assert_eq!(parse_error_width("let x = 0x;", (1, 9)), 2);
        assert_eq!(parse_error_width("var 1.5e = 2", (1, 5)), 4);
        assert_eq!(parse_error_width("\"abc", (1, 1)), 4);
        assert_eq!(parse_error_width("'a\\'b' + 1", (1, 1)), 6);
        assert_eq!(parse_error_width("return 1", (1, 1)), 6);
        assert_eq!(parse_error_width("x @ y", (1, 3)), 1);
        assert_eq!(parse_error_width("x", (3, 1)), 1);
        let a = arrow_message("f.js", 1, "return 1", (1, 1), 6).unwrap();
        assert_eq!(a, "f.js:1\nreturn 1\n^^^^^^\n");
    }

    #[test]
    fn arrow_points_at_column() {
        let a = arrow_message("foo.js", 1, "var a = ;", (1, 9), 1).unwrap();
        assert_eq!(a, "foo.js:1\nvar a = ;\n        ^\n");
        assert!(arrow_message("foo.js", 5, "x", (5, 1), 1).is_none());
    }
}
