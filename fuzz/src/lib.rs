//! Shared pieces of the fuzz targets: an isolate with `vm` (= `require('node:vm')`) as a
//! global, a byte reader, and the post-run health check.
//!
//! Every input runs in a fresh isolate, so a finding reproduces from its input alone. Set
//! `BOAVM_FUZZ_PRINT=1` to print the JavaScript a `vm_api` / `cached_data` input decodes to.
use std::time::Duration;

use boa_engine::{js_string, JsValue, Source};
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions, VmContext, VmError};

/// Reads choices from the fuzzer's bytes; past the end every read is 0.
pub struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    /// A reader over `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Self { data, at: 0 }
    }

    /// Whether every byte was read.
    pub fn done(&self) -> bool {
        self.at >= self.data.len()
    }

    /// The next byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    /// A number below `n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        self.byte() as usize % n.max(1)
    }

    /// One of `items`.
    pub fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.below(items.len())]
    }

    /// Up to `max` of the following bytes (a length byte, then the bytes).
    pub fn chunk(&mut self, max: usize) -> &'a [u8] {
        let n = (self.byte() as usize).min(max);
        let start = self.at.min(self.data.len());
        let end = (start + n).min(self.data.len());
        self.at = start + n;
        &self.data[start..end]
    }

    /// Every byte not read yet.
    pub fn rest(&mut self) -> &'a [u8] {
        let start = self.at.min(self.data.len());
        self.at = self.data.len();
        &self.data[start..]
    }
}

/// `s` as a JavaScript string literal (every non-ASCII-alphanumeric character escaped).
pub fn js_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for u in s.encode_utf16() {
        match u {
            0x30..=0x39 | 0x41..=0x5a | 0x61..=0x7a | 0x20 => out.push(u as u8 as char),
            _ => out.push_str(&format!("\\u{u:04x}")),
        }
    }
    out.push('"');
    out
}

/// An isolate whose main context has `vm` (`require('node:vm')`) as a global.
pub fn runtime() -> Isolate {
    let iso = Isolate::new().expect("isolate");
    let main = iso.main_context();
    main.enter(&iso, |cx| {
        let inspect = cx
            .eval(Source::from_bytes(
                "(v) => { try { return String(v) } catch { return typeof v } }",
            ))
            .expect("inspect");
        let vm = vm_node::install(cx, inspect, None, None).expect("vm binding");
        cx.global_object()
            .set(js_string!("vm"), vm, false, cx)
            .expect("global vm");
    })
    .expect("main context");
    iso
}

/// A broken isolate is a finding (a panic was caught during a run); every other error is a
/// legitimate outcome of fuzzed code.
pub fn check<T>(r: Result<T, VmError>) -> Option<T> {
    match r {
        Err(VmError::Broken(m)) => panic!("isolate broken: {m}"),
        Err(_) => None,
        Ok(v) => Some(v),
    }
}

/// Runs `program` in the main context under a 2 s timeout, then its promise jobs, then checks
/// the isolate is healthy (a fresh context still runs code).
pub fn run_program(iso: &Isolate, program: &str) {
    if std::env::var_os("BOAVM_FUZZ_PRINT").is_some() {
        eprintln!("----- program -----\n{program}\n-------------------");
    }
    let main = iso.main_context();
    let r = main.evaluate(
        iso,
        program,
        ScriptOptions {
            filename: "fuzz.js".into(),
            ..Default::default()
        },
        &RunOptions {
            display_errors: false,
            timeout: Some(Duration::from_secs(2)),
            break_on_sigint: false,
        },
    );
    if std::env::var_os("BOAVM_FUZZ_PRINT").is_some() {
        eprintln!("result: {r:?}");
    }
    check(r);
    drain(iso);
    healthy(iso);
}

/// Runs queued promise jobs (bounded: a job queue that refills itself stops after 64 rounds).
pub fn drain(iso: &Isolate) {
    for _ in 0..64 {
        if !iso.has_pending_jobs() {
            break;
        }
        check(vm_core::run_jobs(iso));
    }
    let _ = iso.take_unhandled_rejections();
}

/// The isolate still works: a new context runs code and returns the right value.
pub fn healthy(iso: &Isolate) {
    let ctx = check(VmContext::new(
        iso,
        Sandbox::Object(boa_engine::JsObject::with_null_proto()),
        ContextOptions::default(),
    ))
    .expect("a fresh context after the run");
    let v = check(ctx.evaluate(
        iso,
        "6 * 7",
        ScriptOptions::default(),
        &RunOptions::default(),
    ))
    .expect("a fresh context runs code");
    assert_eq!(v, JsValue::from(42), "a fresh context computes");
}
