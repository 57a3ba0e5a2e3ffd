//! Embeds every file under `js/` as a builtin module source, named by its path without `.js`
//! (`js/internal/inspect.js` → `internal/inspect`).
use std::{env, fmt::Write as _, fs, path::Path};

fn collect(dir: &Path, base: &Path, out: &mut Vec<(String, String)>) {
    let mut entries: Vec<_> = fs::read_dir(dir).expect("js dir").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            collect(&p, base, out);
        } else if p.extension().is_some_and(|x| x == "js") {
            let rel = p.strip_prefix(base).expect("prefix").with_extension("");
            let name = rel.to_string_lossy().replace('\\', "/");
            out.push((
                name,
                p.canonicalize()
                    .expect("path")
                    .to_string_lossy()
                    .into_owned(),
            ));
        }
    }
}

/// Main-thread stack of the WASI build (wasm32-wasip1 has no threads to give the isolate its own
/// 1 GB stack as natively): Boa recurses on it (parser, compiler, deep builtins), and vm-core's
/// source-nesting bound (native_stack.rs) assumes its 64 MB red zone is available. The stack is
/// part of the wasm linear memory (first, so an overflow traps instead of corrupting the heap).
const WASI_STACK: usize = 256 << 20;

fn main() {
    if env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("wasi") {
        println!("cargo:rustc-link-arg-bin=boavm=-zstack-size={WASI_STACK}");
    }
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("manifest dir");
    let js = Path::new(&manifest).join("js");
    println!("cargo:rerun-if-changed=js");
    let mut files = Vec::new();
    collect(&js, &js, &mut files);
    let mut src = String::from(
        "/// Builtin module sources: (name, source).\npub static BUILTINS: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        println!("cargo:rerun-if-changed={path}");
        writeln!(src, "    ({name:?}, include_str!({path:?})),").expect("write");
    }
    src.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("out dir")).join("builtins.rs");
    fs::write(out, src).expect("write builtins.rs");
}
