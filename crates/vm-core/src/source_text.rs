//! Reading back the source text around a position Boa reports, and lexing a source: what the
//! V8-wording and arrow workarounds (`stack`, `syntax_messages`, `callee_messages`) share.

use boa_engine::interner::Interner;
use boa_parser::{lexer::token::Token, lexer::Lexer, source::UTF16Input};

/// A character of an identifier or a number (what V8 prints as one name).
pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

/// Part of one source line around a position: `chars` starts at column `first + 1`.
pub(crate) struct Window {
    pub(crate) chars: Vec<char>,
    pub(crate) first: usize,
}

impl Window {
    /// At most `before` characters before the 1-based `column` of `line` (1-based) of `source`,
    /// the character there and at most `after` after it, so that a huge one-line source is not
    /// copied. `None` when the line does not exist.
    pub(crate) fn around(
        source: &str,
        line: usize,
        column: usize,
        before: usize,
        after: usize,
    ) -> Option<Self> {
        let text = source.lines().nth(line.checked_sub(1)?)?;
        let pos = column.saturating_sub(1);
        let first = pos.saturating_sub(before);
        let chars = text
            .chars()
            .skip(first)
            .take(pos - first + 1 + after)
            .collect();
        Some(Self { chars, first })
    }

    /// The index in `chars` of the 1-based `column`, when the window holds it.
    pub(crate) fn index_of(&self, column: usize) -> Option<usize> {
        column
            .checked_sub(1)?
            .checked_sub(self.first)
            .filter(|&i| i < self.chars.len())
    }
}

/// The index before the blanks that end just before `end` in `text`.
pub(crate) fn skip_blanks_back(text: &[char], end: usize) -> usize {
    let mut i = end.min(text.len());
    while i > 0 && text[i - 1].is_whitespace() {
        i -= 1;
    }
    i
}

/// The start of the name (or number) that ends just before `end` in `text`, over blanks.
pub(crate) fn word_start_before(text: &[char], end: usize) -> Option<usize> {
    let stop = skip_blanks_back(text, end);
    let mut i = stop;
    while i > 0 && is_ident_char(text[i - 1]) {
        i -= 1;
    }
    (i < stop).then_some(i)
}

/// Calls `f` with each token of `source` (and the interner resolving its names) until `f`
/// returns a value, which is returned. A lexing error (a regular expression the goal-less
/// lexer cannot tell from a division) ends the walk: no guess is better than a wrong one.
pub(crate) fn find_token<R>(
    source: &str,
    mut f: impl FnMut(&Token, &Interner) -> Option<R>,
) -> Option<R> {
    let units: Vec<u16> = source.encode_utf16().collect();
    let mut lexer = Lexer::new(UTF16Input::new(&units));
    let mut interner = Interner::default();
    while let Ok(Some(token)) = lexer.next(&mut interner) {
        if let Some(r) = f(&token, &interner) {
            return Some(r);
        }
    }
    None
}

/// A token's 1-based start position.
pub(crate) fn token_start(token: &Token) -> (usize, usize) {
    let p = token.start_group().position();
    (p.line_number() as usize, p.column_number() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_hold_the_column_and_its_surroundings() {
        let w = Window::around("ab\n0123456789", 2, 6, 2, 1).unwrap();
        assert_eq!(w.first, 3);
        assert_eq!(w.chars.iter().collect::<String>(), "3456");
        assert_eq!(w.index_of(6), Some(2));
        assert_eq!(w.index_of(1), None);
        assert!(Window::around("x", 3, 1, 1, 1).is_none());
    }

    #[test]
    fn names_before_a_position() {
        let t: Vec<char> = "a + foo  (".chars().collect();
        assert_eq!(word_start_before(&t, 9), Some(4));
        assert_eq!(word_start_before(&t, 4), None);
    }
}
