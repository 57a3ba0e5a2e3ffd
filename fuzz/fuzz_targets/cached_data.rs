//! Arbitrary `cachedData` bytes for `new vm.Script`, `vm.compileFunction` and
//! `new vm.SourceTextModule`: each is accepted or rejected (`cachedDataRejected`,
//! `ERR_VM_MODULE_CACHED_DATA_REJECTED`), never a panic; an accepted script still runs (or
//! throws) correctly.
//!
//! Byte 0 picks the source (valid ones and ones with syntax errors), byte 1 how the rest
//! becomes the cache:
//! * 0: the raw bytes;
//! * 1: a well-formed, correctly checksummed cache for this exact source whose *payload* is
//!   the rest (what a corrupted-but-consistent cache, or a forged one, looks like: the checksum
//!   cannot catch it, and for a script the payload is trusted);
//! * 2: the cache boavm produced for the source, with bytes XOR-ed at fuzzed positions;
//! * 3: a well-formed cache of a fuzzed kind/options hash/source hash (header fields fuzzed).
#![no_main]
use boa_engine::{js_string, object::builtins::JsUint8Array};
use boavm_fuzz::{check, drain, healthy, js_literal, runtime, Bytes};
use libfuzzer_sys::fuzz_target;
use vm_core::{vm_cache, RunOptions, Script, ScriptOptions};

const SOURCES: &[&str] = &[
    "1 + 1",
    "let a = 1; const b = 2; var c = 3; class D {} a + b + c",
    "function f() { return 1 } f()",
    "}{",
    "let a; let a;",
    "return 1",
    "",
    "var x = 1; let y = 2; x + y",
    "'use strict'; with ({}) {}",
    "let undefined = 1",
    "export const e = 1;",
    "import x from 'y'; x",
    "globalThis.vm = 1; let vm = 2",
    "throw new Error('thrown')",
];

fn identity(iso: &vm_core::Isolate) -> Vec<u8> {
    // The engine identity is read back from a cache boavm produced (the header layout is
    // documented in vm-cache).
    let s = Script::compile(iso, "0", ScriptOptions::default()).expect("compiles");
    let bytes = s.create_cached_data();
    let len = u16::from_le_bytes([bytes[10], bytes[11]]) as usize;
    bytes[12..12 + len].to_vec()
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes::new(data);
    let src = *b.pick(SOURCES);
    let mode = b.below(4);
    let iso = runtime();
    let id = identity(&iso);
    let id = String::from_utf8_lossy(&id).into_owned();
    let kind = |k: u8| match k % 3 {
        0 => vm_cache::Kind::Script,
        1 => vm_cache::Kind::Function,
        _ => vm_cache::Kind::Module,
    };
    let bytes: Vec<u8> = match mode {
        0 => b.rest().to_vec(),
        1 => {
            let k = kind(b.byte());
            let source = match k {
                vm_cache::Kind::Function => format!("\u{0}{src}"),
                _ => src.to_owned(),
            };
            vm_cache::encode(&id, k, &source, vm_cache::hash(b""), b.rest())
        }
        2 => {
            let mut base = match Script::compile(&iso, src, ScriptOptions::default()) {
                Ok(s) => s.create_cached_data(),
                Err(_) => vm_cache::encode(
                    &id,
                    vm_cache::Kind::Script,
                    src,
                    vm_cache::hash(b""),
                    b"a\0b",
                ),
            };
            while !b.done() {
                let at = b.byte() as usize % base.len().max(1);
                let x = b.byte();
                if let Some(v) = base.get_mut(at) {
                    *v ^= x;
                }
            }
            base
        }
        _ => {
            let k = kind(b.byte());
            let options = u64::from(b.byte()) * 0x0101_0101_0101_0101;
            let source = if b.byte() % 2 == 0 { src } else { "other" };
            vm_cache::encode(&id, k, source, options, b.rest())
        }
    };
    if std::env::var_os("BOAVM_FUZZ_PRINT").is_some() {
        eprintln!("source {src:?}, mode {mode}, cache {bytes:?}");
    }
    let main = iso.main_context();
    main.enter(&iso, |cx| {
        let arr = JsUint8Array::from_iter(bytes.iter().copied(), cx).expect("Uint8Array");
        cx.global_object()
            .set(js_string!("bytes"), arr, false, cx)
            .expect("global");
    })
    .expect("main");
    let lit = js_literal(src);
    let program = format!(
        "const out = [];\n\
         try {{\n\
           const s = new vm.Script({lit}, {{ cachedData: bytes }});\n\
           if (typeof s.cachedDataRejected !== 'boolean') throw new Error('cachedDataRejected');\n\
           out.push(s.cachedDataRejected);\n\
           try {{ s.runInNewContext({{}}, {{ timeout: 20, displayErrors: false }}) }} catch {{}}\n\
           try {{ s.runInContext(vm.createContext(), {{ timeout: 20 }}) }} catch {{}}\n\
           try {{ s.runInThisContext({{ timeout: 20 }}) }} catch {{}}\n\
           out.push(s.createCachedData().length);\n\
         }} catch (e) {{ if (e && e.message === 'cachedDataRejected') throw e }}\n\
         try {{\n\
           const f = vm.compileFunction({lit}, [], {{ cachedData: bytes }});\n\
           out.push(f.cachedDataRejected);\n\
         }} catch {{}}\n\
         try {{\n\
           const m = new vm.SourceTextModule({lit}, {{ cachedData: bytes }});\n\
           out.push(m.status);\n\
         }} catch {{}}\n\
         out"
    );
    let r = main.evaluate(
        &iso,
        &program,
        ScriptOptions::default(),
        &RunOptions {
            display_errors: false,
            timeout: Some(std::time::Duration::from_secs(2)),
            break_on_sigint: false,
        },
    );
    // The harness itself never throws except on a non-boolean `cachedDataRejected`.
    if let Err(vm_core::VmError::Thrown(v)) = &r {
        let msg = main
            .enter(&iso, |cx| {
                v.to_string(cx).map(|s| s.to_std_string_escaped())
            })
            .ok()
            .and_then(Result::ok);
        assert!(
            msg.as_deref() != Some("Error: cachedDataRejected"),
            "cachedDataRejected is not a boolean"
        );
    }
    check(r);
    drain(&iso);
    healthy(&iso);
});
