//! V8's wording for Boa's parse errors.
//!
//! Limit: Boa's parser words its errors differently from V8 (`unexpected token ';', primary
//! expression` for V8's `Unexpected token ';'`), and Node code matches V8's text. The common
//! messages with an exact V8 equivalent are rewritten; the position Boa appends is dropped
//! (V8 keeps it out of the message). Anything else keeps Boa's wording.

/// V8's message and position for the parse error Boa reported as `message` (with its
/// ` at line L, col C` suffix, when it has one) in `source`. Positions are 1-based.
pub fn v8_syntax_error(message: &str, source: &str) -> (String, Option<(usize, usize)>) {
    let position = crate::stack::syntax_error_position(message, source);
    let bare = match message.rfind(" at line ") {
        Some(i) if crate::stack::parse_syntax_error_position(message).is_some() => &message[..i],
        _ => message,
    };
    // Limit: Boa locates a redeclaration at the start of the statement list and does not
    // name it; V8 names the second declaration and points at it.
    if bare == "lexical name declared multiple times" {
        if let Some((name, at)) = redeclaration(source) {
            return (
                format!("Identifier '{name}' has already been declared"),
                Some(at),
            );
        }
    }
    if let Some((message, at)) = position.and_then(|p| operand_error(bare, source, p)) {
        return (message, Some(at));
    }
    // Boa gives an unterminated string no position; V8 marks it from its quote.
    let position = match (bare, position) {
        ("unterminated string literal", None) => unterminated_quote(source),
        _ => position,
    };
    if is_number_error(bare) {
        let position = position.map(|p| number_start(source, p).unwrap_or(p));
        return ("Invalid or unexpected token".to_owned(), position);
    }
    let message = v8_syntax_message(bare, source, position);
    let position = position.map(|p| v8_syntax_position(&message, source, p));
    (message, position)
}

/// Where the string literal the lexer could not finish starts: the first quote after the last
/// token it read (only blanks and comments lie between).
fn unterminated_quote(source: &str) -> Option<(usize, usize)> {
    let mut read = 0usize;
    crate::source_text::find_token(source, |token, _| {
        read = token.linear_span().end().pos();
        None::<()>
    });
    // `read` counts UTF-16 units; find the first quote after it, with its line and column.
    let (mut units, mut line, mut column) = (0usize, 1usize, 1usize);
    for c in source.chars() {
        if units >= read && matches!(c, '"' | '\'') {
            return Some((line, column));
        }
        units += c.len_utf16();
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    None
}

/// Boa's lexer errors for a malformed numeric literal (V8: "Invalid or unexpected token").
fn is_number_error(message: &str) -> bool {
    message.starts_with("a numeric literal must not be followed by")
        || message.starts_with("When lexing exponential value")
        || message.starts_with("No digit found after")
        || message.ends_with("digit after number base prefix")
}

/// `new.target` reported at `new`: V8 marks `target`.
fn target_of_new(source: &str, (line, column): (usize, usize)) -> Option<(usize, usize)> {
    let window = crate::source_text::Window::around(source, line, column, 0, 32)?;
    let at = window.index_of(column)?;
    let rest: String = window.chars[at..].iter().collect();
    let dot = rest.strip_prefix("new")?.find('.')?;
    let after = &rest[3 + dot + 1..];
    let target = after.find("target")?;
    // Only blanks may stand between the dot and `target`.
    after[..target].trim().is_empty().then(|| {
        let offset = rest[..3 + dot + 1 + target].chars().count();
        (line, window.first + at + offset + 1)
    })
}

/// A malformed numeric literal (`12abc`, `3in`, `1.5e =`, `0x;`): Boa reports a character
/// after the number (over blanks for an exponent), V8 marks the number; its start.
fn number_start(source: &str, (line, column): (usize, usize)) -> Option<(usize, usize)> {
    use crate::source_text::{skip_blanks_back, Window};
    // The whole line before the position: a number has no length limit (one linear scan, on
    // this error path only).
    let window = Window::around(source, line, column, column, 0)?;
    let at = skip_blanks_back(&window.chars, window.index_of(column)?);
    let text = &window.chars;
    let mut start = at;
    while start > 0 && (text[start - 1].is_ascii_alphanumeric() || text[start - 1] == '.') {
        start -= 1;
    }
    (start < at && text[start].is_ascii_digit()).then_some((line, window.first + start + 1))
}

/// Where V8 locates a parse error Boa reported at `p`, for the errors where the two differ:
/// V8 marks the declaration missing its initializer and the `import` / `function` keyword the
/// error is about; Boa the token after them.
fn v8_syntax_position(message: &str, source: &str, p: (usize, usize)) -> (usize, usize) {
    use crate::source_text::{is_ident_char, word_start_before, Window};
    let keyword = match message {
        "new.target expression is not allowed here" => {
            return target_of_new(source, p).unwrap_or(p)
        }
        "Missing initializer in const declaration" => None,
        "Cannot use import statement outside a module" => Some("import"),
        "Function statements require a function name" => Some("function"),
        _ => return p,
    };
    let (line, column) = p;
    let moved = Window::around(source, line, column, 256, 0).and_then(|window| {
        let at = window.index_of(column)?;
        let start = word_start_before(&window.chars, at)?;
        let word: String = window.chars[start..]
            .iter()
            .take_while(|&&c| is_ident_char(c))
            .collect();
        keyword
            .is_none_or(|k| k == word)
            .then_some((line, window.first + start + 1))
    });
    moved.unwrap_or(p)
}

/// Errors V8 words by what the operand is used for and locates at the operand (Boa at the
/// operator): an invalid assignment target, `++`/`--` target or for-in/of head, and `await`
/// outside an async function (Boa reports the token after it).
fn operand_error(
    message: &str,
    source: &str,
    (line, column): (usize, usize),
) -> Option<(String, (usize, usize))> {
    use crate::source_text::{is_ident_char, word_start_before, Window};
    // The operand is a simple token just before the operator, or (prefix) just after it.
    let window = Window::around(source, line, column, 256, 2)?;
    // A position Boa reports in another text (a wrapper) may lie past this line.
    let at = window.index_of(column)?;
    let text = &window.chars;
    let token_before = |end: usize| word_start_before(text, end);
    // A 1-based column of the line from an index of the window.
    let col = |i: usize| window.first + i + 1;
    let pair = |i: usize| text.get(i..i + 2).map(|p| p.iter().collect::<String>());
    match message {
        "Invalid left-hand side in assignment" => {
            let op = pair(at);
            if !matches!(op.as_deref(), Some("++" | "--")) {
                let start = token_before(at)?;
                return Some((message.to_owned(), (line, col(start))));
            }
            // `++`/`--`: after an operand it is postfix (V8 points at the operand), else prefix
            // (V8 points at what follows the operator).
            if let Some(start) = token_before(at) {
                return Some((
                    "Invalid left-hand side expression in postfix operation".to_owned(),
                    (line, col(start)),
                ));
            }
            let mut i = at + 2;
            while text.get(i).is_some_and(|c| c.is_whitespace()) {
                i += 1;
            }
            Some((
                "Invalid left-hand side expression in prefix operation".to_owned(),
                (line, col(i)),
            ))
        }
        "invalid variable for iterable loop" => {
            let start = token_before(at)?;
            Some((
                "Invalid left-hand side in for-loop".to_owned(),
                (line, col(start)),
            ))
        }
        _ => {
            // `await 1` in a script: Boa stops at the token after `await`.
            let start = token_before(at)?;
            let word: String = text[start..]
                .iter()
                .take_while(|&&c| is_ident_char(c))
                .collect();
            // Only Boa's "expected ';'" after `await` read as a name: inside an async function
            // `await }` is an ordinary unexpected token, as V8 says.
            let expected_end = message.starts_with("expected token ';', got ")
                || message.starts_with("expected one of ';' or 'line terminator', got ");
            (word == "await" && expected_end).then(|| {
                (
                    "await is only valid in async functions and the top level bodies of modules"
                        .to_owned(),
                    (line, col(start)),
                )
            })
        }
    }
}

/// The first top-level name declared twice where one declaration is lexical (`let`, `const`,
/// `class`), and where its second declaration is. Only simple bindings at brace depth 0 are
/// considered (destructuring patterns and nested blocks are not): `None` means no guess.
fn redeclaration(source: &str) -> Option<(String, (usize, usize))> {
    use crate::source_text::{find_token, token_start};
    use boa_engine::ast::{Keyword, Punctuator};
    use boa_parser::lexer::token::TokenKind;
    let mut depth = 0usize;
    // (name, lexical) of each declaration seen.
    let mut seen: Vec<(String, bool)> = Vec::new();
    let mut pending: Option<bool> = None;
    find_token(source, |token, interner| {
        match token.kind() {
            TokenKind::Punctuator(Punctuator::OpenBlock) => depth += 1,
            TokenKind::Punctuator(Punctuator::CloseBlock) => depth = depth.saturating_sub(1),
            TokenKind::Keyword((Keyword::Let | Keyword::Const | Keyword::Class, _))
                if depth == 0 =>
            {
                pending = Some(true);
                return None;
            }
            TokenKind::Keyword((Keyword::Var | Keyword::Function, _)) if depth == 0 => {
                pending = Some(false);
                return None;
            }
            TokenKind::IdentifierName((sym, _)) if depth == 0 => {
                let name = interner.resolve_expect(*sym).to_string();
                if name == "let" && pending.is_none() {
                    pending = Some(true);
                    return None;
                }
                if let Some(lexical) = pending.take() {
                    if seen.iter().any(|(n, l)| *n == name && (*l || lexical)) {
                        return Some((name, token_start(token)));
                    }
                    seen.push((name, lexical));
                }
                return None;
            }
            _ => {}
        }
        pending = None;
        None
    })
}

/// V8's message for the parse error Boa reported as `message` (its ` at line L, col C` suffix
/// already removed) in `source`, at `position` (1-based line and column, when Boa gave one).
fn v8_syntax_message(message: &str, source: &str, position: Option<(usize, usize)>) -> String {
    let token_at = |(line, col): (usize, usize)| {
        source
            .lines()
            .nth(line.checked_sub(1)?)?
            .chars()
            .nth(col.checked_sub(1)?)
    };
    if message.starts_with("abrupt end") || message == "unterminated template literal" {
        return "Unexpected end of input".to_owned();
    }
    let fixed = match message {
        "unterminated string literal" => Some("Invalid or unexpected token"),
        "Expected initializer for const declaration" => {
            Some("Missing initializer in const declaration")
        }
        "illegal break statement" => Some("Illegal break statement"),
        "invalid new.target usage" => Some("new.target expression is not allowed here"),
        "invalid super usage" => Some("'super' keyword unexpected here"),
        "unexpected token '(', function declaration" => {
            Some("Function statements require a function name")
        }
        "unexpected token 'return', statement" => Some("Illegal return statement"),
        "'let' is disallowed as a lexically bound name" => {
            Some("let is disallowed as a lexically bound name")
        }
        _ => None,
    };
    if let Some(m) = fixed {
        return m.to_owned();
    }
    // The lexer's `unexpected '@'`: a character no token starts with.
    let lexer_char = message
        .strip_prefix("unexpected '")
        .and_then(|rest| rest.strip_suffix('\''))
        .is_some_and(|c| c.chars().count() == 1);
    if lexer_char {
        return "Invalid or unexpected token".to_owned();
    }
    if message.starts_with("expected token '.', got ") && message.ends_with(" in import.meta") {
        return "Cannot use import statement outside a module".to_owned();
    }
    // `unexpected token 'X', <where>` and `expected token 'Y', got 'X' in <where>`.
    let found = message
        .strip_prefix("unexpected token '")
        .and_then(|rest| rest.split_once("', "))
        .map(|(token, _)| token)
        .or_else(|| {
            // `expected token 'Y', got 'X' in ..` and `expected one of 'Y' or 'Z', got 'X' in ..`
            let rest = message.strip_prefix("expected ")?;
            let (_, got) = rest.split_once(", got '")?;
            got.rsplit_once("' in ").map(|(token, _)| token)
        });
    let Some(token) = found else {
        return message.to_owned();
    };
    let first = position.and_then(token_at);
    if matches!(first, Some('"' | '\'')) {
        return "Unexpected string".to_owned();
    }
    if matches!(first, Some('`')) {
        return "Unexpected template string".to_owned();
    }
    if token.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return "Unexpected number".to_owned();
    }
    let identifier = token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && token
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if identifier && !is_reserved_word(token) {
        return format!("Unexpected identifier '{token}'");
    }
    format!("Unexpected token '{token}'")
}

/// ECMAScript reserved words (V8 reports them as tokens, not identifiers).
fn is_reserved_word(word: &str) -> bool {
    matches!(
        word,
        "await"
            | "break"
            | "case"
            | "catch"
            | "class"
            | "const"
            | "continue"
            | "debugger"
            | "default"
            | "delete"
            | "do"
            | "else"
            | "enum"
            | "export"
            | "extends"
            | "false"
            | "finally"
            | "for"
            | "function"
            | "if"
            | "import"
            | "in"
            | "instanceof"
            | "new"
            | "null"
            | "return"
            | "super"
            | "switch"
            | "this"
            | "throw"
            | "true"
            | "try"
            | "typeof"
            | "var"
            | "void"
            | "while"
            | "with"
            | "yield"
    )
}

#[cfg(test)]
mod tests {
    use super::{v8_syntax_error, v8_syntax_message};

    #[test]
    fn positions_outside_the_text_are_left_alone() {
        // compileFunction reports positions in its wrapper, which can lie past the body's line.
        let (m, _) = v8_syntax_error(
            "Invalid left-hand side in assignment at line 1, col 40",
            "a = 1",
        );
        assert_eq!(m, "Invalid left-hand side in assignment");
        let (m, _) = v8_syntax_error("expected token ';', got '1' in x at line 9, col 9", "a");
        assert_eq!(m, "Unexpected number");
    }

    #[test]
    fn operand_errors_point_at_the_operand() {
        let e = |msg: &str, src| v8_syntax_error(msg, src);
        let lhs = "Invalid left-hand side in assignment";
        assert_eq!(
            e(&format!("{lhs} at line 1, col 1"), "++1"),
            (
                "Invalid left-hand side expression in prefix operation".to_owned(),
                Some((1, 3))
            )
        );
        assert_eq!(
            e(&format!("{lhs} at line 1, col 2"), "1++"),
            (
                "Invalid left-hand side expression in postfix operation".to_owned(),
                Some((1, 1))
            )
        );
        assert_eq!(
            e(&format!("{lhs} at line 1, col 3"), "1 = 2"),
            (lhs.to_owned(), Some((1, 1)))
        );
        assert_eq!(
            e(
                "expected token ';', got '1' in expression statement at line 1, col 7",
                "await 1"
            )
            .0,
            "await is only valid in async functions and the top level bodies of modules"
        );
        assert_eq!(
            e(
                "invalid variable for iterable loop at line 1, col 8",
                "for (1 of []) {}"
            ),
            (
                "Invalid left-hand side in for-loop".to_owned(),
                Some((1, 6))
            )
        );
    }

    #[test]
    fn redeclarations_are_named_where_v8_points() {
        let e = |src| v8_syntax_error("lexical name declared multiple times at line 1, col 1", src);
        assert_eq!(
            e("let a; let a;"),
            (
                "Identifier 'a' has already been declared".to_owned(),
                Some((1, 12))
            )
        );
        assert_eq!(
            e("let abc = 1;\nconst abc = 2;"),
            (
                "Identifier 'abc' has already been declared".to_owned(),
                Some((2, 7))
            )
        );
        assert_eq!(e("var v; let v;").1, Some((1, 12)));
        assert_eq!(e("class K {}; let K;").1, Some((1, 17)));
    }

    #[test]
    fn positions_move_where_v8_points() {
        let at = |msg: &str, src| v8_syntax_error(msg, src).1;
        let missing = "Expected initializer for const declaration at line 1, col 15";
        assert_eq!(at(missing, "const longname;"), Some((1, 7)));
        let number = "a numeric literal must not be followed by an alphanumeric, $ or _ characters";
        assert_eq!(
            at(&format!("{number} at line 1, col 7"), "var 12abc = 3"),
            Some((1, 5))
        );
        assert_eq!(
            at("unterminated string literal", "x = 1;\n  'abc"),
            Some((2, 3))
        );
        let target = "invalid new.target usage at line 1, col 5";
        assert_eq!(at(target, "x = new . target"), Some((1, 11)));
        let name = "unexpected token '(', function declaration at line 1, col 10";
        assert_eq!(at(name, "function () {}"), Some((1, 1)));
    }

    #[test]
    fn common_parse_errors_take_v8_wording() {
        let m = |boa: &str, src, pos| v8_syntax_message(boa, src, pos);
        let primary = |tok: &str| format!("unexpected token '{tok}', primary expression");
        let semi = |got: &str| format!("expected token ';', got '{got}' in expression statement");
        assert_eq!(
            m(&primary(";"), "var x = ;", Some((1, 9))),
            "Unexpected token ';'"
        );
        assert_eq!(
            m(&semi("b"), "a b", Some((1, 3))),
            "Unexpected identifier 'b'"
        );
        assert_eq!(m(&semi("1"), "a 1", Some((1, 3))), "Unexpected number");
        assert_eq!(m(&semi("s"), "a \"s\"", Some((1, 3))), "Unexpected string");
        let ident = "expected token 'identifier', got ',' in identifier parsing";
        assert_eq!(m(ident, "x", None), "Unexpected token ','");
        let export = m(&primary("export"), "export default 1", Some((1, 1)));
        assert_eq!(export, "Unexpected token 'export'");
        let unterminated = m("unterminated string literal", "\"abc", None);
        assert_eq!(unterminated, "Invalid or unexpected token");
        let other = "something else entirely";
        assert_eq!(m(other, "", None), other);
    }
}
