//! Errors raised inside the engine's module loading (a static request that is not resolved,
//! `import()` without a hook or resolving to something else than a module), by kind. They are
//! thrown into JavaScript from deep inside Boa's loader, where no caller can map a Rust error;
//! the host names them (vm-node sets Node's `ERR_*` codes, in its one table) through a function
//! installed on the isolate.
use boa_engine::{js_string, Context, JsError, JsNativeError, JsString};

/// What went wrong while loading a module for the engine.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadingError {
    /// `import()` in code compiled without an `importModuleDynamically` hook.
    DynamicImportCallbackMissing,
    /// A static request of a module being instantiated was never resolved.
    RequestNotResolved,
    /// A dynamic-import hook returned something else than a module.
    NotAModule,
    /// A dynamic-import hook returned a module that is not linked yet.
    ModuleStatus,
}

/// The host's name (`code`) for a loading error, if it has one.
pub type LoadingErrorCodes = fn(LoadingError) -> Option<&'static str>;

/// The error of `kind`, with `message`, of the realm active in `cx`, carrying the host's code
/// (an own enumerable data property, as Node's errors have it).
pub(crate) fn loading_error(
    kind: LoadingError,
    base: JsNativeError,
    message: String,
    cx: &mut Context,
) -> JsError {
    let err = base.with_message(message).into_opaque(cx);
    let codes = cx
        .get_data::<crate::engine::EngineTag>()
        .and_then(|t| t.isolate.upgrade())
        .and_then(|iso| iso.loading_error_codes.get());
    if let Some(code) = codes.and_then(|name| name(kind)) {
        // Defined, not assigned: an accessor for `code` on a prototype must not intercept it.
        let _ = err.create_data_property_or_throw(js_string!("code"), JsString::from(code), cx);
    }
    JsError::from_opaque(err.into())
}
