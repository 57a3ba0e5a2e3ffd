//! The native handles behind `vm.Script` and `vm.Module` misused from JavaScript (wrong `this`,
//! wrong arguments, out-of-order calls): each call is a typed error and the vm stays usable.
//! Node has no reachable equivalent, so `misuse.expected` is boavm's own output, reviewed.
use std::{path::PathBuf, process::Command};

#[test]
fn misused_native_handles_throw_typed_errors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/native-handles");
    let out = Command::new(env!("CARGO_BIN_EXE_boavm"))
        .arg("misuse.js")
        .current_dir(&dir)
        .output()
        .expect("boavm runs");
    assert!(
        out.status.success(),
        "boavm failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = std::fs::read_to_string(dir.join("misuse.expected")).expect("expected output");
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}
