//! Host callbacks the registry keeps with modules and contexts (`importModuleDynamically`,
//! a synthetic module's `evaluateCallback`).
//!
//! They live on Boa's garbage-collected heap with what holds them, so the JS values they use
//! must be traced: a JS value captured by a Rust closure is invisible to the collector and
//! counts as a root, and a hook that reaches its own module (a closure over it, the usual case
//! from JavaScript) would keep the module, its context and everything they reach alive for the
//! isolate's lifetime. [`DynamicImportHook::js`] and [`SyntheticEvaluate::js`] hold the JS
//! function traced; `with_captures` does the same for Rust callbacks that use JS values.
use std::rc::Rc;

use boa_engine::{Context, JsObject, JsResult, JsString, JsValue};
use boa_gc::{Finalize, Trace};

use crate::module::VmModule;

type HookFn = dyn Fn(&JsValue, &str, &[(String, String)], &mut Context) -> JsResult<JsValue>;

/// An `importModuleDynamically` hook: `(specifier, attributes)` → the value `import()` waits
/// for — a module's namespace, an object registered with [`VmModule::set_js_object`], or a
/// promise of either.
#[derive(Clone, Trace, Finalize)]
pub struct DynamicImportHook {
    /// The JS values the hook uses (traced).
    captures: JsValue,
    #[unsafe_ignore_trace]
    call: Rc<HookFn>,
}

impl DynamicImportHook {
    /// A hook in Rust. JS values the closure captures are roots while the hook lives: prefer
    /// [`DynamicImportHook::with_captures`] for those.
    pub fn new(
        f: impl Fn(&str, &[(String, String)], &mut Context) -> JsResult<JsValue> + 'static,
    ) -> Self {
        Self {
            captures: JsValue::undefined(),
            call: Rc::new(move |_, s, a, cx| f(s, a, cx)),
        }
    }

    /// A hook in Rust whose JS values (`captures`, passed back on each call) are traced.
    pub fn with_captures(
        captures: JsValue,
        f: impl Fn(&JsValue, &str, &[(String, String)], &mut Context) -> JsResult<JsValue> + 'static,
    ) -> Self {
        Self {
            captures,
            call: Rc::new(f),
        }
    }

    /// A JS function called as Node calls it: `(specifier, attributes)`, `attributes` an object
    /// with no prototype.
    pub fn js(function: JsObject) -> Self {
        Self::with_captures(function.into(), |f, specifier, attributes, cx| {
            let attrs = attributes_object(attributes, cx)?;
            let f = f.as_callable().ok_or_else(|| {
                boa_engine::JsNativeError::typ()
                    .with_message("importModuleDynamically is not a function")
            })?;
            f.call(
                &JsValue::undefined(),
                &[JsString::from(specifier).into(), attrs.into()],
                cx,
            )
        })
    }

    /// Calls the hook.
    ///
    /// # Errors
    /// What the hook throws.
    pub fn call(
        &self,
        specifier: &str,
        attributes: &[(String, String)],
        cx: &mut Context,
    ) -> JsResult<JsValue> {
        (self.call)(&self.captures, specifier, attributes, cx)
    }
}

/// Import attributes as the object Node hands to hooks and linkers (no prototype).
///
/// # Errors
/// None in practice (defining properties on a fresh object).
pub fn attributes_object(attributes: &[(String, String)], cx: &mut Context) -> JsResult<JsObject> {
    let obj = JsObject::with_null_proto();
    for (k, v) in attributes {
        obj.set(
            JsString::from(k.as_str()),
            JsString::from(v.as_str()),
            false,
            cx,
        )?;
    }
    Ok(obj)
}

type EvaluateFn = dyn Fn(&JsValue, &VmModule, &mut Context) -> JsResult<JsValue>;

/// The evaluation callback of a synthetic module (`evaluateCallback`, called with the module).
#[derive(Clone, Trace, Finalize)]
pub struct SyntheticEvaluate {
    captures: JsValue,
    #[unsafe_ignore_trace]
    call: Rc<EvaluateFn>,
}

impl SyntheticEvaluate {
    /// A callback in Rust. JS values the closure captures are roots while the module lives:
    /// prefer [`SyntheticEvaluate::with_captures`] for those.
    pub fn new(f: impl Fn(&VmModule, &mut Context) -> JsResult<JsValue> + 'static) -> Self {
        Self {
            captures: JsValue::undefined(),
            call: Rc::new(move |_, m, cx| f(m, cx)),
        }
    }

    /// A callback in Rust whose JS values (`captures`, passed back on each call) are traced.
    pub fn with_captures(
        captures: JsValue,
        f: impl Fn(&JsValue, &VmModule, &mut Context) -> JsResult<JsValue> + 'static,
    ) -> Self {
        Self {
            captures,
            call: Rc::new(f),
        }
    }

    /// A JS function called with no arguments and `this` undefined.
    pub fn js(function: JsObject) -> Self {
        Self::with_captures(function.into(), |f, _, cx| match f.as_callable() {
            Some(f) => f.call(&JsValue::undefined(), &[], cx),
            None => Err(boa_engine::JsNativeError::typ()
                .with_message("evaluateCallback is not a function")
                .into()),
        })
    }

    /// Calls the callback.
    ///
    /// # Errors
    /// What the callback throws.
    pub fn call(&self, module: &VmModule, cx: &mut Context) -> JsResult<JsValue> {
        (self.call)(&self.captures, module, cx)
    }
}
