//! A linear pre-scan bounding how deep Boa's recursive parser and compiler can go on a source.
//!
//! Boa 0.22 parses and compiles by recursive descent on the native stack, with no depth limit
//! of its own: 300 nested parentheses overflowed an 8 MB stack (a process abort, not an
//! error). V8 refuses such sources with `RangeError: Maximum call stack size exceeded`
//! (measured with node 20: ≈1,600 nested parentheses, ≈2,000 arrays, ≈1,400 object literals,
//! ≈1,100 arrows, ≈12,000 `!`, ≈7,000 member accesses). This scan estimates the stack Boa will
//! need — a *score* in units of [`UNIT`] bytes — and [`check`] refuses sources whose score
//! exceeds [`LIMIT`], the budget [`crate::native_stack::RED_ZONE`] guarantees.
//!
//! The score is taken over a light tokenizer (comments, strings, templates, regular
//! expression literals, punctuators, words). Each bracket level (`(`, `[`, `{`, `${`) costs
//! what Boa's descent through the whole expression grammar costs; inside a level, operators
//! whose operand nests (`=`, `?`, `=>`, prefix `!`/`-`/`typeof`/`new`, `if`/`while`/`else if`)
//! and left-nested chains (binary operators, `.`, calls, comma expressions) add their own,
//! smaller costs until the statement or list element ends (`;`, `,`, a newline where
//! automatic semicolon insertion ends the statement). It over-estimates rather than
//! under-estimates: the text of a region the tokenizer skips (string, comment, regular
//! expression) also counts with its own bracket nesting, so a misread `/` cannot hide deep
//! nesting from the scan.

/// Bytes of native stack one score unit stands for.
pub(crate) const UNIT: usize = 256;

/// Cost (in units) of one level of brackets: a descent through the whole expression grammar.
const OPEN: u32 = 120;
/// Cost of an operator whose operand nests (assignment, conditional, arrow, prefix operators,
/// `new`, nested statements).
const RIGHT: u32 = 16;
/// Cost of one more link of a left-nested chain (binary operators, member access, calls,
/// comma expressions): the compiler and the AST's drop recurse on these.
const LEFT: u32 = 1;
/// One alternative or group of a regular expression literal (Boa's regex compiler recurses).
const REGEX: u32 = 1;
/// `class … extends` re-enters the class grammar on top of its operand.
const EXTENDS: u32 = 32;

/// The largest score accepted: what [`crate::native_stack::RED_ZONE`] leaves room for.
pub(crate) const LIMIT: u32 = (crate::native_stack::RED_ZONE / UNIT) as u32 * 3 / 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// A grouping parenthesis (a comma inside is a comma expression).
    Group,
    /// Call or parameter-list parenthesis, array literal, computed member (a comma separates).
    List,
    /// A block or object literal.
    Brace,
    /// `${` inside a template literal.
    Subst,
}

#[derive(Clone, Copy, Debug)]
struct Frame {
    kind: Kind,
    /// Score when this frame opened (its own cost included).
    base: u32,
    right: u32,
    left: u32,
    elses: u32,
}

impl Frame {
    fn new(kind: Kind, base: u32) -> Self {
        Self {
            kind,
            base,
            right: 0,
            left: 0,
            elses: 0,
        }
    }

    fn score(&self) -> u32 {
        self.base
            .saturating_add(self.right.saturating_mul(RIGHT))
            .saturating_add(self.left.saturating_mul(LEFT))
            .saturating_add(self.elses.saturating_mul(RIGHT))
    }
}

/// The previous significant token, for regex-versus-division and prefix-versus-infix.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prev {
    /// Start of input, or a punctuator after which an operand starts.
    Start,
    /// An identifier, literal, `)`, `]` or `}`: an operand just ended.
    Operand,
    /// A keyword after which an expression starts (`return`, `typeof`, …).
    Keyword,
}

/// The deepest nesting found is too deep for the native stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// The estimated score (units of [`UNIT`] bytes of stack).
    pub score: u32,
    /// The largest score accepted.
    pub limit: u32,
}

/// Checks `src` (a script, module, function body or parameter list).
pub(crate) fn check(src: &str) -> Result<(), TooDeep> {
    let score = score_until(src.as_bytes(), LIMIT);
    if score > LIMIT {
        Err(TooDeep {
            score,
            limit: LIMIT,
        })
    } else {
        Ok(())
    }
}

/// Stack kept free besides what the score accounts for (the parser's fixed descent, the
/// compiler, the caller's frames).
const MARGIN: usize = 4 << 20;

/// Checks code about to be parsed by Boa itself (`eval`, `Function`) against the native stack
/// actually left: Boa parses it on the current stack, with no entry point to grow it. Throws
/// V8's `RangeError: Maximum call stack size exceeded`.
pub(crate) fn check_dynamic(
    parameters: &[boa_engine::JsString],
    body: &boa_engine::JsString,
) -> boa_engine::JsResult<()> {
    let limit = match crate::native_stack::remaining_native_stack() {
        Some(left) => (left.saturating_sub(MARGIN) / UNIT).min(LIMIT as usize) as u32,
        None => LIMIT,
    };
    let too_deep = || -> boa_engine::JsError {
        boa_engine::JsNativeError::range()
            .with_message("Maximum call stack size exceeded")
            .into()
    };
    if limit == 0 {
        return Err(too_deep());
    }
    for part in parameters.iter().chain(std::iter::once(body)) {
        let text = part.to_std_string_escaped();
        if score_until(text.as_bytes(), limit) > limit {
            return Err(too_deep());
        }
    }
    Ok(())
}

/// The estimated maximum score of `src` (stops early once past `stop`).
#[cfg(test)]
pub(crate) fn score(src: &str) -> u32 {
    score_until(src.as_bytes(), u32::MAX)
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80
}

/// Bracket nesting of a skipped region (string, comment, regex body, template text): what it
/// would add if the tokenizer misread it and it were code.
fn shadow(bytes: &[u8]) -> u32 {
    let (mut depth, mut max) = (0u32, 0u32);
    for &b in bytes {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max.saturating_mul(OPEN)
}

/// Words after which a `/` starts a regular expression and `+`/`-` are prefix operators.
fn expression_keyword(w: &[u8]) -> bool {
    matches!(
        w,
        b"return"
            | b"typeof"
            | b"instanceof"
            | b"in"
            | b"of"
            | b"new"
            | b"delete"
            | b"void"
            | b"throw"
            | b"case"
            | b"do"
            | b"else"
            | b"yield"
            | b"await"
            | b"extends"
    )
}

/// Words whose operand or body nests one level deeper.
fn nesting_keyword(w: &[u8]) -> bool {
    matches!(
        w,
        b"new"
            | b"typeof"
            | b"void"
            | b"delete"
            | b"await"
            | b"yield"
            | b"if"
            | b"while"
            | b"for"
            | b"with"
            | b"do"
            | b"extends"
    )
}

struct Scan<'a> {
    s: &'a [u8],
    i: usize,
    frames: Vec<Frame>,
    prev: Prev,
    max: u32,
    /// Whether a newline was crossed since the previous significant token.
    newline: bool,
    /// A `/` on this line was read as division where it may have been a regular expression
    /// (after `)` or `}`): regions skipped after it on the line count with their own nesting.
    doubtful: bool,
}

impl Scan<'_> {
    fn top(&mut self) -> &mut Frame {
        self.frames
            .last_mut()
            .expect("the outermost frame is never popped")
    }

    /// Counts a skipped region's own nesting when this line has a doubtful `/`.
    fn skipped(&mut self, region_start: usize, region_end: usize) {
        if self.doubtful {
            let extra = shadow(&self.s[region_start..region_end]);
            self.note(extra);
        }
    }

    fn note(&mut self, extra: u32) {
        let s = self.top().score().saturating_add(extra);
        self.max = self.max.max(s);
    }

    /// Skips whitespace and comments; sets `newline`.
    fn skip_trivia(&mut self) {
        let s = self.s;
        while self.i < s.len() {
            match s[self.i] {
                b'\n' | b'\r' => {
                    self.newline = true;
                    self.doubtful = false;
                    self.i += 1;
                }
                b' ' | b'\t' | 0x0b | 0x0c => self.i += 1,
                b'/' if s.get(self.i + 1) == Some(&b'/') => {
                    let start = self.i;
                    while self.i < s.len() && s[self.i] != b'\n' && s[self.i] != b'\r' {
                        self.i += 1;
                    }
                    self.skipped(start, self.i);
                }
                b'/' if s.get(self.i + 1) == Some(&b'*') => {
                    let start = self.i;
                    self.i += 2;
                    while self.i < s.len()
                        && !(s[self.i] == b'*' && s.get(self.i + 1) == Some(&b'/'))
                    {
                        if s[self.i] == b'\n' || s[self.i] == b'\r' {
                            self.newline = true;
                        }
                        self.i += 1;
                    }
                    self.i = (self.i + 2).min(s.len());
                    self.skipped(start, self.i);
                }
                _ => return,
            }
        }
    }

    /// The next significant word or punctuator byte (without consuming it).
    fn peek_word(&mut self) -> &[u8] {
        let (save_i, save_nl) = (self.i, self.newline);
        let saved_max = self.max;
        self.skip_trivia();
        let start = self.i;
        let mut end = start;
        while end < self.s.len() && is_word_byte(self.s[end]) {
            end += 1;
        }
        if end == start && end < self.s.len() {
            end += 1;
        }
        self.i = save_i;
        self.newline = save_nl;
        self.max = saved_max.max(self.max);
        &self.s[start..end]
    }

    fn string(&mut self, quote: u8) {
        let s = self.s;
        let start = self.i;
        self.i += 1;
        while self.i < s.len() {
            match s[self.i] {
                b'\\' => self.i += 2,
                b'\n' | b'\r' => break,
                c if c == quote => {
                    self.i += 1;
                    break;
                }
                _ => self.i += 1,
            }
        }
        self.i = self.i.min(s.len());
        self.skipped(start, self.i);
        self.prev = Prev::Operand;
    }

    fn regex(&mut self) {
        let s = self.s;
        let start = self.i;
        self.i += 1;
        let mut in_class = false;
        let mut alternatives = 0u32;
        while self.i < s.len() {
            match s[self.i] {
                b'\\' => self.i += 1,
                b'\n' | b'\r' => break,
                b'[' => in_class = true,
                b']' => in_class = false,
                b'|' | b'(' if !in_class => alternatives += 1,
                b'/' if !in_class => {
                    self.i += 1;
                    break;
                }
                _ => {}
            }
            self.i += 1;
        }
        self.i = self.i.min(s.len());
        while self.i < s.len() && is_word_byte(s[self.i]) {
            self.i += 1;
        }
        let region = &s[start..self.i.min(s.len())];
        self.note(shadow(region).max(alternatives.saturating_mul(REGEX)));
        self.prev = Prev::Operand;
    }

    /// Template text from the current position (just after a backtick or a closing `}` of a
    /// substitution) to its end or its next `${`.
    fn template_text(&mut self) {
        let s = self.s;
        let start = self.i;
        while self.i < s.len() {
            match s[self.i] {
                b'\\' => self.i += 2,
                b'`' => {
                    self.i += 1;
                    self.skipped(start, self.i - 1);
                    self.prev = Prev::Operand;
                    return;
                }
                b'$' if s.get(self.i + 1) == Some(&b'{') => {
                    self.skipped(start, self.i);
                    self.i += 2;
                    self.open(Kind::Subst);
                    self.prev = Prev::Start;
                    return;
                }
                _ => self.i += 1,
            }
        }
        self.i = s.len();
        self.skipped(start, s.len());
    }

    fn open(&mut self, kind: Kind) {
        let base = self.top().score().saturating_add(OPEN);
        self.frames.push(Frame::new(kind, base));
        self.max = self.max.max(base);
    }

    fn close(&mut self, kinds: &[Kind]) -> Option<Kind> {
        if self.frames.len() == 1 {
            return None;
        }
        // Unbalanced closers (syntax errors) pop to the nearest frame of a matching kind.
        let pos = self.frames.iter().rposition(|f| kinds.contains(&f.kind))?;
        if pos == 0 {
            return None;
        }
        let kind = self.frames[pos].kind;
        self.frames.truncate(pos);
        Some(kind)
    }

    fn right(&mut self) {
        self.top().right += 1;
        self.note(0);
    }

    fn left(&mut self) {
        self.top().left += 1;
        self.note(0);
    }

    /// End of a statement or list element at this level.
    fn reset(&mut self) {
        let f = self.top();
        f.right = 0;
        f.left = 0;
    }

    fn run(&mut self, stop: u32) -> u32 {
        let s = self.s;
        while self.i < s.len() {
            if self.max > stop {
                break;
            }
            self.newline = false;
            self.skip_trivia();
            if self.i >= s.len() {
                break;
            }
            let c = s[self.i];
            // Automatic semicolon insertion: an operand, a newline, then something that
            // cannot continue the expression ends the statement.
            if self.newline && self.prev == Prev::Operand {
                let next = self.peek_word();
                let continues = matches!(
                    next.first(),
                    Some(b'(' | b'[' | b'.' | b'?' | b',' | b'=' | b'+' | b'-' | b'*' | b'/')
                        | Some(b'%' | b'<' | b'>' | b'&' | b'|' | b'^' | b':' | b'`')
                ) || matches!(next, b"in" | b"instanceof" | b"of");
                if !continues && !next.is_empty() {
                    self.reset();
                }
            }
            if is_word_byte(c) {
                let start = self.i;
                if c.is_ascii_digit() {
                    // Numbers, including `1.5e-3`, `0x1f`, `1_000n`.
                    while self.i < s.len()
                        && (is_word_byte(s[self.i])
                            || s[self.i] == b'.'
                            || ((s[self.i] == b'+' || s[self.i] == b'-')
                                && matches!(s[self.i - 1], b'e' | b'E')))
                    {
                        self.i += 1;
                    }
                    self.prev = Prev::Operand;
                    continue;
                }
                while self.i < s.len() && is_word_byte(s[self.i]) {
                    self.i += 1;
                }
                let w = &s[start..self.i];
                if w == b"else" {
                    let next = self.peek_word();
                    if next == b"if" {
                        self.top().elses += 1;
                        self.note(0);
                    }
                } else if w == b"extends" {
                    self.top().right += EXTENDS / RIGHT;
                    self.note(0);
                } else if nesting_keyword(w) {
                    self.right();
                } else if matches!(w, b"in" | b"instanceof") {
                    self.left();
                }
                self.prev = if expression_keyword(w) {
                    Prev::Keyword
                } else {
                    Prev::Operand
                };
                continue;
            }
            let next = s.get(self.i + 1).copied();
            let operand_before = self.prev == Prev::Operand;
            match c {
                b'\'' | b'"' => {
                    self.string(c);
                    continue;
                }
                b'`' => {
                    self.i += 1;
                    self.template_text();
                    continue;
                }
                b'/' if !operand_before => {
                    self.regex();
                    continue;
                }
                b'/' if s.get(self.i + 1) != Some(&b'=') => {
                    // Division after `)` or `}` could have been a regular expression.
                    let before = s[..self.i]
                        .iter()
                        .rev()
                        .find(|b| !b.is_ascii_whitespace())
                        .copied();
                    if matches!(before, Some(b')' | b'}')) {
                        self.doubtful = true;
                    }
                }
                b'(' => {
                    self.i += 1;
                    if operand_before {
                        self.left();
                        self.open(Kind::List);
                    } else {
                        self.open(Kind::Group);
                    }
                    self.prev = Prev::Start;
                    continue;
                }
                b'[' => {
                    self.i += 1;
                    if operand_before {
                        self.left();
                    }
                    self.open(Kind::List);
                    self.prev = Prev::Start;
                    continue;
                }
                b'{' => {
                    self.i += 1;
                    self.open(Kind::Brace);
                    self.prev = Prev::Start;
                    continue;
                }
                b')' | b']' => {
                    self.i += 1;
                    let kinds: &[Kind] = if c == b')' {
                        &[Kind::Group, Kind::List]
                    } else {
                        &[Kind::List]
                    };
                    self.close(kinds);
                    self.prev = Prev::Operand;
                    continue;
                }
                b'}' => {
                    self.i += 1;
                    match self.close(&[Kind::Brace, Kind::Subst]) {
                        Some(Kind::Subst) => self.template_text(),
                        _ => {
                            self.prev = Prev::Operand;
                            let next = self.peek_word();
                            if next != b"else" && next != b";" && next != b"" {
                                self.top().elses = 0;
                            }
                        }
                    }
                    continue;
                }
                b';' => {
                    self.i += 1;
                    self.reset();
                    if self.peek_word() != b"else" {
                        self.top().elses = 0;
                    }
                    self.prev = Prev::Start;
                    continue;
                }
                b',' => {
                    self.i += 1;
                    let kind = self.top().kind;
                    if matches!(kind, Kind::List | Kind::Brace) {
                        self.reset();
                    } else {
                        self.top().right = 0;
                        self.left();
                    }
                    self.prev = Prev::Start;
                    continue;
                }
                _ => {}
            }
            // Punctuators: the longest match among JavaScript's.
            let rest = &s[self.i..];
            const PUNCT: [&[u8]; 52] = [
                b">>>=", b"...", b"===", b"!==", b"**=", b"<<=", b">>=", b">>>", b"&&=", b"||=",
                b"??=", b"=>", b"==", b"!=", b"<=", b">=", b"&&", b"||", b"??", b"?.", b"++",
                b"--", b"+=", b"-=", b"*=", b"/=", b"%=", b"&=", b"|=", b"^=", b"**", b"<<", b">>",
                b"=", b"<", b">", b"+", b"-", b"*", b"/", b"%", b"&", b"|", b"^", b"!", b"~", b"?",
                b":", b".", b"#", b"@", b"\\",
            ];
            let p = PUNCT
                .iter()
                .find(|p| rest.starts_with(p))
                .copied()
                .unwrap_or(&rest[..1]);
            self.i += p.len();
            // `?.` followed by a digit is `?` then a number.
            let p = if p == b"?."
                && next.is_some_and(|_| rest.get(2).is_some_and(u8::is_ascii_digit))
            {
                self.i -= 1;
                &b"?"[..]
            } else {
                p
            };
            match p {
                b"." | b"?." => {
                    // Boa's member chains cost far more than their stack: 20k links took 8 s to
                    // compile (10k: 0.6 s); V8 refuses ≈7k. Counted like a nesting operator.
                    self.right();
                    // A property name follows: keep `Operand` (no regex after `a.b /`).
                    self.prev = Prev::Start;
                    // Read the name here so that keywords after `.` are plain names.
                    self.skip_trivia();
                    while self.i < s.len() && (is_word_byte(s[self.i]) || s[self.i] == b'#') {
                        self.i += 1;
                    }
                    self.prev = Prev::Operand;
                }
                b"++" | b"--" => {
                    if !operand_before {
                        self.right();
                        self.prev = Prev::Start;
                    }
                }
                b"!" | b"~" | b"..." => {
                    self.right();
                    self.prev = Prev::Start;
                }
                b"+" | b"-" => {
                    if operand_before {
                        self.left();
                    } else {
                        self.right();
                    }
                    self.prev = Prev::Start;
                }
                b"=" | b"+=" | b"-=" | b"*=" | b"/=" | b"%=" | b"**=" | b"<<=" | b">>="
                | b">>>=" | b"&=" | b"|=" | b"^=" | b"&&=" | b"||=" | b"??=" | b"=>" | b"?"
                | b":" | b"**" => {
                    self.right();
                    self.prev = Prev::Start;
                }
                b"#" => {
                    // `#name` (private name): part of an operand.
                    while self.i < s.len() && is_word_byte(s[self.i]) {
                        self.i += 1;
                    }
                    self.prev = Prev::Operand;
                }
                _ => {
                    self.left();
                    self.prev = Prev::Start;
                }
            }
        }
        self.max
    }
}

fn score_until(s: &[u8], stop: u32) -> u32 {
    let mut scan = Scan {
        s,
        i: 0,
        frames: vec![Frame::new(Kind::Brace, 0)],
        prev: Prev::Start,
        max: 0,
        newline: false,
        doubtful: false,
    };
    // A hashbang line is a comment.
    if s.starts_with(b"#!") {
        while scan.i < s.len() && s[scan.i] != b'\n' {
            scan.i += 1;
        }
    }
    scan.run(stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_of(src: &str) -> u32 {
        score(src)
    }

    #[test]
    fn ordinary_code_is_shallow() {
        let code = "function f(a, b) { if (a) { return [1, 2, {x: 3}].map(x => x * 2); } \
                    else if (b) return /[(]/.test('(((') ? a : b; }\n\
                    var s = `a ${ `b ${ 1 + 2 }` } c`; // (((((\n/* [[[[ */";
        assert!(depth_of(code) < 10 * OPEN, "{}", depth_of(code));
    }

    #[test]
    fn parentheses_count_per_level() {
        let d400 = depth_of(&format!("{}1{}", "(".repeat(400), ")".repeat(400)));
        let d800 = depth_of(&format!("{}1{}", "(".repeat(800), ")".repeat(800)));
        assert_eq!(d400, 400 * OPEN);
        assert_eq!(d800, 800 * OPEN);
    }

    #[test]
    fn long_programs_without_semicolons_stay_shallow() {
        let src = "a = 1\nb = a + 2\nf(a)\n".repeat(20_000);
        assert!(depth_of(&src) < 2 * OPEN, "{}", depth_of(&src));
        let src = "var x = 1;\n".repeat(50_000);
        assert!(depth_of(&src) < 2 * OPEN);
        let list = format!("[{}]", "1,".repeat(200_000));
        assert!(depth_of(&list) < 2 * OPEN);
        let call = format!("f({})", "a = 1,".repeat(100_000));
        assert!(depth_of(&call) < 2 * OPEN);
    }

    #[test]
    fn chains_count() {
        assert!(depth_of(&format!("{}1", "!".repeat(10_000))) >= 10_000 * RIGHT);
        assert!(depth_of(&format!("1{}", "+1".repeat(10_000))) >= 10_000 * LEFT);
        assert!(depth_of(&format!("{}1", "1?1:".repeat(1000))) >= 1000 * RIGHT);
        assert!(
            depth_of(&format!("if(0);{}", "else if(0);".repeat(1000))) >= 1000 * RIGHT,
            "else-if chains"
        );
        assert!(
            depth_of(&format!("if(0)x={{}};{}", "else if(0)x={};".repeat(1000))) >= 1000 * RIGHT
        );
        // Ternaries split over lines still nest.
        assert!(depth_of(&"a ? b\n: ".repeat(1000)) >= 1000 * RIGHT);
    }

    #[test]
    fn skipped_regions_cannot_hide_nesting() {
        // A `/` after `)` is read as division; if it was a regex, the quote inside starts a
        // "string" that swallows the rest of the line — whose brackets still count.
        let src = format!("if (x) /'/; {}1{}", "(".repeat(1000), ")".repeat(1000));
        assert!(depth_of(&src) >= 1000 * OPEN);
        // A string is data: deep JSON in a literal is fine.
        let src = format!("JSON.parse('{}')", "[".repeat(100_000));
        assert!(depth_of(&src) < 2 * OPEN);
    }

    #[test]
    fn templates_nest() {
        let src = format!("{}1{}", "`${".repeat(500), "}`".repeat(500));
        assert_eq!(depth_of(&src), 500 * OPEN);
    }
}
