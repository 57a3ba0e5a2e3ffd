//! `require('node:vm')` for JavaScript running on [`vm_core`].
//!
//! [`install`] builds the module object in the running engine: Node's API shape and argument
//! validation (in `js/vm.js`, with Node's `ERR_*` codes from `js/errors.js`) over a small native
//! core (this crate) that calls vm-core.
//!
//! Contexts created from JavaScript live as long as their sandbox object, as in Node: the
//! sandbox is held weakly by its context, and a finalizer on a tag kept alive by the sandbox
//! drops the context once the sandbox is collected.
#![warn(missing_docs)]

mod codes;
mod modules;
mod native;

pub use native::{install, HeapCounter};

/// The JavaScript sources of the binding (also used by tools that embed them).
pub mod sources {
    /// `js/primordials.js`: the builtins captured at load time (`module.exports` is the table),
    /// given to the other files (and shared with boavm's runtime, which evaluates its own copy).
    pub const PRIMORDIALS_JS: &str = include_str!("../js/primordials.js");
    /// `js/vm.js`: the module factory `(native, inspect, makeErrors, makeModules, loader) => vm`.
    pub const VM_JS: &str = include_str!("../js/vm.js");
    /// `js/errors.js`: `(inspect) => { errors, validators }` with Node's message text.
    pub const ERRORS_JS: &str = include_str!("../js/errors.js");
    /// `js/modules.js`: `vm.Module`, `vm.SourceTextModule`, `vm.SyntheticModule`.
    pub const MODULES_JS: &str = include_str!("../js/modules.js");
}
