//! What a context's global object forwards to: a JS object or a Rust-side host map.
use boa_engine::{JsObject, JsString, JsValue};
use boa_gc::{custom_trace, Finalize, Gc, GcRefCell, Trace};
use indexmap::IndexMap;

/// The object a vm context is contextified around.
#[derive(Clone, Debug, Trace, Finalize)]
pub enum Sandbox {
    /// Any JS object (plain objects, arrays, Proxies...), as `vm.createContext(obj)`.
    Object(JsObject),
    /// A Rust-side, insertion-ordered name → value map the embedder reads and writes before and
    /// after runs.
    Host(HostMap),
    /// No sandbox: the context's global is an ordinary object of its realm, returned as is
    /// (`vm.constants.DONT_CONTEXTIFY`). It can be frozen; nothing is intercepted.
    None,
}

#[derive(Default, Finalize)]
struct Entries(IndexMap<JsString, JsValue>);

// SAFETY: every `JsValue` stored in the map is marked; keys are `JsString`s, which hold no
// garbage-collected pointers.
unsafe impl Trace for Entries {
    custom_trace!(this, mark, {
        for value in this.0.values() {
            mark(value);
        }
    });
}

/// An insertion-ordered map of global names to values, shared between the embedder and the
/// context whose sandbox it is. Cloning the handle shares the map.
///
/// Every entry behaves like a writable, enumerable, configurable data property of the sandbox.
#[derive(Clone, Default, Trace, Finalize)]
pub struct HostMap {
    inner: Gc<GcRefCell<Entries>>,
}

impl std::fmt::Debug for HostMap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.keys()).finish()
    }
}

impl HostMap {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of `name`, if present.
    pub fn get(&self, name: &str) -> Option<JsValue> {
        self.get_key(&JsString::from(name))
    }

    /// Sets `name` to `value` (appended at the end when new, in place otherwise).
    pub fn insert(&self, name: &str, value: impl Into<JsValue>) {
        self.insert_key(JsString::from(name), value.into());
    }

    /// Removes `name`, keeping the order of the other entries; returns the old value.
    pub fn remove(&self, name: &str) -> Option<JsValue> {
        self.remove_key(&JsString::from(name))
    }

    /// Whether `name` is present.
    pub fn contains(&self, name: &str) -> bool {
        self.inner.borrow().0.contains_key(&JsString::from(name))
    }

    /// The names, in insertion order.
    pub fn keys(&self) -> Vec<String> {
        self.inner
            .borrow()
            .0
            .keys()
            .map(JsString::to_std_string_escaped)
            .collect()
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.inner.borrow().0.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(crate) fn get_key(&self, key: &JsString) -> Option<JsValue> {
        self.inner.borrow().0.get(key).cloned()
    }

    pub(crate) fn has_key(&self, key: &JsString) -> bool {
        self.inner.borrow().0.contains_key(key)
    }

    pub(crate) fn insert_key(&self, key: JsString, value: JsValue) {
        self.inner.borrow_mut().0.insert(key, value);
    }

    pub(crate) fn remove_key(&self, key: &JsString) -> Option<JsValue> {
        self.inner.borrow_mut().0.shift_remove(key)
    }

    pub(crate) fn key_list(&self) -> Vec<JsString> {
        self.inner.borrow().0.keys().cloned().collect()
    }
}
