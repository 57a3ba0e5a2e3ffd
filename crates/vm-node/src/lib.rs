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

mod args;
mod codes;
mod modules;
mod native;
mod script;

pub use native::{install, HeapCounter};

/// A runtime's native `uncaughtDetails(stack, filename, source, message)`: `[arrow, message]`
/// for an uncaught error thrown by the main-context file `filename`: Node's arrow message (file
/// and line, the source line, a caret; [`vm_core::internal::uncaught_arrow`]) and V8's wording of a failed
/// call's message ([`vm_core::internal::uncaught_callee_message`]), each `undefined` when not known.
///
/// # Errors
///
/// Converting an argument to a string may throw.
pub fn uncaught_details_native(
    _this: &boa_engine::JsValue,
    args: &[boa_engine::JsValue],
    cx: &mut boa_engine::Context,
) -> boa_engine::JsResult<boa_engine::JsValue> {
    use boa_engine::{object::builtins::JsArray, JsString, JsValue};
    let mut text = |i: usize| -> boa_engine::JsResult<String> {
        Ok(args
            .get(i)
            .cloned()
            .unwrap_or_default()
            .to_string(cx)?
            .to_std_string_escaped())
    };
    let (stack, filename, source, message) = (text(0)?, text(1)?, text(2)?, text(3)?);
    let value = |s: Option<String>| s.map_or_else(JsValue::undefined, |s| JsString::from(s).into());
    let arrow = value(vm_core::internal::uncaught_arrow(
        &stack, &filename, &source,
    ));
    let message = value(vm_core::internal::uncaught_callee_message(
        &message, &stack, &filename, &source,
    ));
    Ok(JsArray::from_iter([arrow, message], cx).into())
}

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

/// An error as a user reads it: its V8-shape `stack` (frames at the user's positions) when it
/// is an error object with one, else the thrown value itself (the engine's own rendering of a
/// `JsError` shows internal source paths).
pub fn error_text(e: boa_engine::JsError, cx: &mut boa_engine::Context) -> String {
    match e.into_opaque(cx) {
        Ok(v) => {
            let stack = v
                .as_object()
                .and_then(|o| o.get(boa_engine::js_string!("stack"), cx).ok())
                .and_then(|s| s.as_string().map(|s| s.to_std_string_escaped()));
            stack.unwrap_or_else(|| v.display().to_string())
        }
        Err(engine) => engine.to_string(),
    }
}
