//! Compile caches: the in-process cache of compiled scripts, and `cachedData` bytes.
//!
//! In-process: compiling the same source with the same options again (a new `vm.Script` per
//! request, as template engines do) returns the script compiled before, with its per-context
//! compiled forms, instead of parsing again. Bounded by source bytes, least recently used out.
//!
//! `cachedData`: Boa 0.22 cannot serialise bytecode or ASTs, so the only work a cache can skip
//! is the realm-free syntax check done at construction. The payload therefore records that the
//! exact source parsed, with its top-level lexical names (vm-cache checks the source hash,
//! options, engine identity and checksum before anything is trusted).
use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::{options::ScriptOptions, script::Script};

/// The engine build a cache belongs to: anything that changes compilation.
pub(crate) const ENGINE_IDENTITY: &str = concat!(
    "boa_engine 0.22; vm-core ",
    env!("CARGO_PKG_VERSION"),
    "; vm-cache 1; annex-b"
);

/// Source bytes the in-process cache keeps at most.
const CAPACITY_BYTES: usize = 32 << 20;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    source_hash: u64,
    filename: String,
    line_offset: i32,
    column_offset: i32,
    host_tag: u64,
}

impl Key {
    fn new(code: &str, options: &ScriptOptions) -> Self {
        Self {
            source_hash: vm_cache::hash(code.as_bytes()),
            filename: options.filename.clone(),
            line_offset: options.line_offset,
            column_offset: options.column_offset,
            host_tag: options.host_tag,
        }
    }
}

/// The options hash stored in `cachedData`: only options that change what is compiled count.
/// In boavm none do (filename and offsets only map reported positions), so, as with V8, a
/// cache is accepted whatever the filename.
pub(crate) fn options_hash(_options: &ScriptOptions) -> u64 {
    vm_cache::hash(b"")
}

/// `cachedData` for code compiled as a function or module (no payload: Boa 0.22 has nothing
/// it could skip for them). `source` must identify the compilation (function: parameters and
/// body).
pub fn encode_plain(kind: vm_cache::Kind, source: &str) -> Vec<u8> {
    vm_cache::encode(ENGINE_IDENTITY, kind, source, vm_cache::hash(b""), b"")
}

/// Whether `bytes` is valid `cachedData` for `source` of `kind` on this engine build.
pub fn accepts_plain(kind: vm_cache::Kind, source: &str, bytes: &[u8]) -> bool {
    vm_cache::decode(bytes, ENGINE_IDENTITY, kind, source, vm_cache::hash(b"")).is_ok()
}

/// The `cachedData` payload: the top-level lexical names, NUL-separated.
pub(crate) fn encode_payload(names: &[String]) -> Vec<u8> {
    names.join("\u{0}").into_bytes()
}

pub(crate) fn decode_payload(payload: &[u8]) -> Option<Vec<String>> {
    let text = std::str::from_utf8(payload).ok()?;
    Some(if text.is_empty() {
        Vec::new()
    } else {
        text.split('\u{0}').map(str::to_owned).collect()
    })
}

#[derive(Default)]
pub(crate) struct CompileCache {
    map: FxHashMap<Key, Script>,
    order: VecDeque<Key>,
    bytes: usize,
}

impl CompileCache {
    pub(crate) fn get(&mut self, code: &str, options: &ScriptOptions) -> Option<Script> {
        let key = Key::new(code, options);
        let hit = self.map.get(&key).filter(|s| s.source() == code).cloned()?;
        if let Some(pos) = self.order.iter().position(|k| *k == key) {
            let k = self.order.remove(pos).expect("position is in range");
            self.order.push_back(k);
        }
        Some(hit)
    }

    pub(crate) fn insert(&mut self, script: &Script) {
        let code = script.source();
        if code.len() > CAPACITY_BYTES / 4 {
            return;
        }
        let key = Key::new(code, script.options());
        if self.map.insert(key.clone(), script.clone()).is_none() {
            self.bytes += code.len();
            self.order.push_back(key);
        }
        while self.bytes > CAPACITY_BYTES {
            let Some(old) = self.order.pop_front() else {
                break;
            };
            if let Some(s) = self.map.remove(&old) {
                self.bytes -= s.source().len();
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        self.map.clear();
        self.order.clear();
        self.bytes = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_round_trips() {
        let names = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(decode_payload(&encode_payload(&names)), Some(names));
        assert_eq!(decode_payload(b""), Some(Vec::new()));
        assert_eq!(decode_payload(&[0xff]), None);
    }
}
