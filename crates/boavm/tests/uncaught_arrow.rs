//! An uncaught error in a file `boavm` runs is reported as node reports it: the file and line
//! of the throw, the source line, a caret, a blank line, then the stack. Each expected text is
//! the first lines node 20 printed on stderr for the same file.
use std::process::Command;

fn first_lines_of_stderr(source: &str, lines: usize) -> String {
    let dir = std::env::temp_dir().join(format!("boavm-uncaught-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("case{}.js", source.len()));
    std::fs::write(&file, source).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_boavm"))
        .arg(&file)
        .output()
        .expect("boavm runs");
    assert_eq!(out.status.code(), Some(1), "an uncaught error exits with 1");
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&file.display().to_string(), "FILE");
    let _ = std::fs::remove_file(&file);
    stderr.lines().take(lines).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_thrown_error_gets_the_arrow_on_throw() {
    assert_eq!(
        first_lines_of_stderr("let x = 1;\n  throw new Error(\"boom\")\n", 5),
        "FILE:2\n  throw new Error(\"boom\")\n  ^\n\nError: boom"
    );
    assert_eq!(
        first_lines_of_stderr("if (true) { throw TypeError('t') }\n", 5),
        "FILE:1\nif (true) { throw TypeError('t') }\n            ^\n\nTypeError: t"
    );
}

#[test]
fn a_failed_name_lookup_points_at_the_name() {
    assert_eq!(
        first_lines_of_stderr("const a = 1;\nconsole.log(a + missingName);\n", 5),
        "FILE:2\nconsole.log(a + missingName);\n                ^\n\nReferenceError: missingName is not defined"
    );
}

#[test]
fn an_error_from_a_function_points_at_its_creation() {
    // node: the arrow is on the `throw` inside f, which is where the error is created too.
    assert_eq!(
        first_lines_of_stderr("function f() {\n  throw new RangeError('r');\n}\nf();\n", 5),
        "FILE:2\n  throw new RangeError('r');\n  ^\n\nRangeError: r"
    );
}

#[test]
fn a_failed_call_names_its_callee() {
    assert_eq!(
        first_lines_of_stderr("const o = {};\no.f();\n", 5),
        "FILE:2\no.f();\n  ^\n\nTypeError: o.f is not a function"
    );
}

#[test]
fn an_error_in_the_uncaught_report_shows_user_positions() {
    // The error thrown while reporting has V8-shape frames at the file's own positions (no
    // internal source path with its NUL-separated id).
    let err = first_lines_of_stderr("throw { get stack() { throw new Error('getter') } }\n", 2);
    assert_eq!(
        err,
        "Uncaught exception in the uncaughtException handler: Error: getter\n    at get stack (FILE:1:29)"
    );
}

#[test]
fn runaway_recursion_ends_as_a_range_error_with_frames() {
    // node: the same 5 lines, then 10 frames `at f (FILE:1:15)` (boavm reports the call's `(`,
    // column 16: see the README's error notes).
    let err = first_lines_of_stderr("function f(){ f() }\nf()\n", 20);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..5].join("\n"),
        "FILE:1\nfunction f(){ f() }\n              ^\n\nRangeError: Maximum call stack size exceeded"
    );
    let frames = lines[5..]
        .iter()
        .take_while(|l| l.starts_with("    at "))
        .count();
    assert_eq!(frames, 10, "{err}");
    assert!(lines[5].starts_with("    at f (FILE:1:"), "{err}");
}

#[test]
fn a_file_that_does_not_parse_is_reported_as_node_does() {
    // node: the arrow marks the whole token (or the unterminated string), no brackets.
    assert_eq!(
        first_lines_of_stderr("console.log(1);\nfoo(1,,2);\n", 5),
        "FILE:2\nfoo(1,,2);\n      ^\n\nSyntaxError: Unexpected token ','"
    );
    assert_eq!(
        first_lines_of_stderr("var q = \"open\n", 5),
        "FILE:1\nvar q = \"open\n        ^^^^^\n\nSyntaxError: Invalid or unexpected token"
    );
    assert_eq!(
        first_lines_of_stderr("let v = 1;\nreturn v w;\n", 5),
        "FILE:2\nreturn v w;\n         ^\n\nSyntaxError: Unexpected identifier 'w'"
    );
}
