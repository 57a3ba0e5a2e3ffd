//! Embeds the boavm runtime's JavaScript: the prelude (`host` contract in src/host.rs) and every
//! builtin module under `crates/boavm/js` (named by path without `.js`, as the CLI names them),
//! so the browser runs exactly the CLI's console, util.inspect, assert and module loader.
use std::{env, fmt::Write as _, fs, path::Path};

fn walk(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .expect("crates/boavm/js")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "js") {
            let name = path
                .strip_prefix(root)
                .expect("under root")
                .with_extension("")
                .to_string_lossy()
                .replace('\\', "/");
            let abs = path.canonicalize().expect("canonical path");
            out.push((name, abs.to_string_lossy().into_owned()));
        }
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let boavm = Path::new(&manifest).join("../boavm");
    let js = boavm.join("js");
    let prelude = boavm.join("prelude/prelude.js");
    println!("cargo:rerun-if-changed={}", js.display());
    println!("cargo:rerun-if-changed={}", prelude.display());
    let mut files = Vec::new();
    walk(&js, &js, &mut files);
    let mut src = String::new();
    let prelude = prelude.canonicalize().expect("prelude.js");
    writeln!(
        src,
        "/// boavm's prelude.\npub const PRELUDE: &str = include_str!({:?});",
        prelude.to_string_lossy()
    )
    .expect("write");
    src.push_str(
        "/// Builtin module sources: (name, source).\npub const BUILTINS: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        writeln!(src, "    ({name:?}, include_str!({path:?})),").expect("write");
    }
    src.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("runtime_js.rs");
    fs::write(out, src).expect("write runtime_js.rs");
    // wasm32-unknown-unknown's default 1 MB shadow stack (Rust's stack-first layout: an
    // overflow traps instead of corrupting the heap) is too small for Boa's parser and
    // interpreter frames; the browser's own native stack bounds recursion first.
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("unknown")
    {
        println!("cargo:rustc-link-arg-cdylib=-zstack-size={}", 16 << 20);
    }
}
