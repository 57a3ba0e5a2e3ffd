//! The native handles behind `vm.Script` and `vm.Module` misused from JavaScript (wrong `this`,
//! wrong arguments, out-of-order calls): each call is a typed error and the vm stays usable.
//! Node has no reachable equivalent, so `misuse.expected` is boavm's own output, reviewed.
#![cfg(unix)]
mod support;

use std::{path::PathBuf, time::Duration};

#[test]
fn misused_native_handles_throw_typed_errors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/native-handles");
    let out = support::run(
        support::boavm(&["misuse.js"], &dir),
        Duration::from_secs(60),
    );
    assert!(
        out.ended_normally() && out.status.success(),
        "boavm failed: {}\n{}",
        out.status,
        out.stderr
    );
    let expected = std::fs::read_to_string(dir.join("misuse.expected")).expect("expected output");
    assert_eq!(out.stdout, expected);
}
