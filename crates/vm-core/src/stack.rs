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
            if let (Ok(l), Ok(c)) = (ln.parse(), col.parse()) {
                return Some((l, c));
            }
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
        message.starts_with("abrupt end").then(|| {
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

/// The arrow message Node prints above a stack: `file:line\n<source line>\n<spaces>^\n`.
pub(crate) fn arrow_message(
    filename: &str,
    source: &str,
    line: usize,
    column: usize,
    display_line: usize,
) -> Option<String> {
    let text = source.lines().nth(line.checked_sub(1)?)?;
    let len = text.chars().count();
    let caret_at = column.saturating_sub(1).min(len);
    let pad: String = text
        .chars()
        .take(caret_at)
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    // Past the end of the line (an unexpected end of input) V8 marks an empty range: the
    // padding without a caret.
    let caret = if column > len { "" } else { "^" };
    Some(format!("{filename}:{display_line}\n{text}\n{pad}{caret}\n"))
}

/// Node's `displayErrors` decoration: prepends the arrow message to `err.stack` once (an error
/// whose `stack` is already an own property — decorated before, or set by user code — is left
/// alone, as Node marks decorated errors).
///
/// `source` is the compiled source text; `line`/`column` are positions in it.
///
/// # Errors
/// What reading or defining the error's `stack` property throws.
pub fn decorate_error_stack(
    err: &JsValue,
    filename: &str,
    source: &str,
    position: Option<(usize, usize)>,
    line_offset: i64,
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
    let Some(stack) = stack.as_string().map(|s| s.to_std_string_escaped()) else {
        return Ok(());
    };
    let Some((line, column)) = position.or_else(|| first_frame_in(&stack, filename)) else {
        return Ok(());
    };
    let source_line = usize::try_from(line as i64 - line_offset).unwrap_or(0);
    let Some(arrow) = arrow_message(filename, source, source_line, column, line) else {
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
    fn arrow_points_at_column() {
        let a = arrow_message("foo.js", "var a = ;", 1, 9, 1).unwrap();
        assert_eq!(a, "foo.js:1\nvar a = ;\n        ^\n");
        assert!(arrow_message("foo.js", "x", 5, 1, 5).is_none());
    }
}
