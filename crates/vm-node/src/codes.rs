//! Node's `ERR_*` codes, assigned in this one place: what JavaScript sees for a vm-core or
//! vm-modules error (the JS layer's own validation codes are in `js/errors.js`).
use boa_engine::{js_string, Context, JsError, JsNativeError, JsString};
use vm_core::VmError;
use vm_modules::ModuleError;

/// A run passed its `timeout`.
pub(crate) const ERR_SCRIPT_EXECUTION_TIMEOUT: &str = "ERR_SCRIPT_EXECUTION_TIMEOUT";
/// SIGINT stopped a `breakOnSigint` run.
pub(crate) const ERR_SCRIPT_EXECUTION_INTERRUPTED: &str = "ERR_SCRIPT_EXECUTION_INTERRUPTED";
/// boavm's own: a run grew the heap past `--max-heap-mb`.
pub(crate) const ERR_VM_MEMORY_LIMIT: &str = "ERR_VM_MEMORY_LIMIT";
/// boavm's own: a source larger than the isolate accepts.
pub(crate) const ERR_BOAVM_SOURCE_TOO_LARGE: &str = "ERR_BOAVM_SOURCE_TOO_LARGE";
/// A module operation in the wrong status.
pub(crate) const ERR_VM_MODULE_STATUS: &str = "ERR_VM_MODULE_STATUS";
/// `link()` on a module already linked.
pub(crate) const ERR_VM_MODULE_ALREADY_LINKED: &str = "ERR_VM_MODULE_ALREADY_LINKED";
/// A linker returned a module of another context.
pub(crate) const ERR_VM_MODULE_DIFFERENT_CONTEXT: &str = "ERR_VM_MODULE_DIFFERENT_CONTEXT";
/// A request could not be resolved.
pub(crate) const ERR_VM_MODULE_LINK_FAILURE: &str = "ERR_VM_MODULE_LINK_FAILURE";

/// `import()` in code compiled without `importModuleDynamically`.
pub(crate) const ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING: &str =
    "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING";
/// A dynamic-import hook or a linker returned something else than a module.
pub(crate) const ERR_VM_MODULE_NOT_MODULE: &str = "ERR_VM_MODULE_NOT_MODULE";

/// Node's code for an error vm-core or vm-modules raises inside module loading (installed on
/// the isolate by [`crate::install`]).
pub(crate) fn loading_error_code(kind: vm_core::internal::LoadingError) -> Option<&'static str> {
    use vm_core::internal::LoadingError;
    Some(match kind {
        LoadingError::DynamicImportCallbackMissing => ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING,
        LoadingError::RequestNotResolved => ERR_VM_MODULE_LINK_FAILURE,
        LoadingError::NotAModule => ERR_VM_MODULE_NOT_MODULE,
        LoadingError::ModuleStatus => ERR_VM_MODULE_STATUS,
        _ => return None,
    })
}

/// An error of the running realm carrying Node's `code` (enumerable, as Node's C++ errors
/// have it).
pub(crate) fn coded(base: JsNativeError, code: &str, message: String, cx: &mut Context) -> JsError {
    let err = base.with_message(message).into_opaque(cx);
    // Defined, not assigned: an accessor for `code` on a prototype must not intercept it.
    let _ = err.create_data_property_or_throw(js_string!("code"), JsString::from(code), cx);
    JsError::from_opaque(err.into())
}

/// Maps a vm-core error to what JavaScript sees: thrown values pass through unchanged.
pub(crate) fn to_js(err: VmError, cx: &mut Context) -> JsError {
    match err {
        VmError::Thrown(v) => JsError::from_opaque(v),
        VmError::InvalidOption { name, reason } => JsNativeError::typ()
            .with_message(format!("options.{name}: {reason}"))
            .into(),
        VmError::Timeout(_) => coded(
            JsNativeError::error(),
            ERR_SCRIPT_EXECUTION_TIMEOUT,
            err.to_string(),
            cx,
        ),
        VmError::Sigint => coded(
            JsNativeError::error(),
            ERR_SCRIPT_EXECUTION_INTERRUPTED,
            err.to_string(),
            cx,
        ),
        VmError::MemoryLimit { .. } => coded(
            JsNativeError::error(),
            ERR_VM_MEMORY_LIMIT,
            err.to_string(),
            cx,
        ),
        VmError::SourceTooLarge { .. } => coded(
            JsNativeError::range(),
            ERR_BOAVM_SOURCE_TOO_LARGE,
            err.to_string(),
            cx,
        ),
        VmError::NestingLimit(_) | VmError::EngineBusy(_) | VmError::SourceTooDeep { .. } => {
            JsNativeError::range()
                .with_message("Maximum call stack size exceeded")
                .into()
        }
        other => JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    }
}

/// Node's error for a module failure.
pub(crate) fn module_err(e: ModuleError, cx: &mut Context) -> JsError {
    match e {
        ModuleError::Vm(v) => to_js(v, cx),
        ModuleError::NoExport(_) => JsNativeError::reference()
            .with_message(e.to_string())
            .into(),
        other => {
            let code = match &other {
                ModuleError::AlreadyLinked => ERR_VM_MODULE_ALREADY_LINKED,
                ModuleError::DifferentContext => ERR_VM_MODULE_DIFFERENT_CONTEXT,
                ModuleError::LinkFailure(_) => ERR_VM_MODULE_LINK_FAILURE,
                _ => ERR_VM_MODULE_STATUS,
            };
            coded(JsNativeError::error(), code, other.to_string(), cx)
        }
    }
}
