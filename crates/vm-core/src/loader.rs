//! The module loader every engine uses. It serves static imports of linked modules and
//! `import()` through the isolate's [`ModuleHost`] (vm-modules installs one); without a host,
//! or when the referrer has no dynamic-import hook, `import()` rejects like Node.
use std::{cell::RefCell, rc::Rc};

use boa_gc::{custom_trace, Finalize, Trace};

use boa_engine::{
    js_string,
    module::{ModuleLoader, ModuleRequest, Referrer},
    object::{builtins::JsPromise, FunctionObjectBuilder},
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, Module, NativeFunction,
};

/// What resolves module requests for an isolate (implemented by vm-modules).
pub trait ModuleHost {
    /// A static import of `referrer` while a module graph is being loaded: `Some` with the
    /// linked dependency (or the link failure), `None` when no graph is loading (the request is
    /// then a dynamic `import()`).
    ///
    /// # Errors
    /// Inside the `Some`: the link failure, thrown into the loading graph.
    fn resolve_static(
        &self,
        referrer: &Module,
        request: &ModuleRequest,
        cx: &mut Context,
    ) -> Option<JsResult<Module>>;

    /// `import()` from `referrer`: the result of its `importModuleDynamically` hook (a module,
    /// a namespace, or a promise of either), or `None` when it has no hook (`import()` then
    /// rejects with `ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING`).
    ///
    /// # Errors
    /// What the hook throws.
    fn import_dynamic(
        &self,
        referrer: &Referrer,
        request: &ModuleRequest,
        cx: &mut Context,
    ) -> JsResult<Option<JsValue>>;

    /// The module `import()` resolves to, from the settled hook result.
    ///
    /// # Errors
    /// A `TypeError` (or what the host throws) when the value is no module of this isolate.
    fn finish_dynamic(&self, value: JsValue, cx: &mut Context) -> JsResult<Module>;

    /// `import.meta` initialisation for `module` (Node's `initializeImportMeta`).
    fn init_import_meta(&self, import_meta: &JsObject, module: &Module, cx: &mut Context);
}

/// The internal source path of `referrer` (where the host's tag lives), if it has one.
pub fn referrer_path(referrer: &Referrer, cx: &mut Context) -> Option<String> {
    match referrer {
        Referrer::Module(m) => m.path().map(|p| p.to_string_lossy().into_owned()),
        Referrer::Script(s) => match s.codeblock(cx).ok()?.path() {
            boa_engine::vm::SourcePath::Path(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        },
        Referrer::Realm(_) => None,
    }
}

pub(crate) struct VmModuleLoader;

/// What an `import()` hook is called with, kept by the promise job that calls it.
#[derive(Clone, Finalize)]
struct HookCall {
    referrer: Referrer,
    request: ModuleRequest,
}

// SAFETY: every garbage-collected value the record holds (the referrer's module, realm or
// script, and the request's strings) is marked.
unsafe impl Trace for HookCall {
    custom_trace!(this, mark, {
        match &this.referrer {
            Referrer::Module(m) => mark(m),
            Referrer::Realm(r) => mark(r),
            Referrer::Script(s) => mark(s),
        }
        mark(&this.request);
    });
}

/// A `TypeError` named by the host's code, created in the main realm as Node does.
fn missing_callback(cx: &mut Context) -> JsError {
    let main_realm = cx
        .get_data::<crate::engine::EngineTag>()
        .and_then(|t| t.isolate.upgrade())
        .map(|iso| iso.main.realm.clone());
    let old = main_realm.map(|r| cx.enter_realm(r));
    let err = crate::loading_errors::loading_error(
        crate::loading_errors::LoadingError::DynamicImportCallbackMissing,
        JsNativeError::typ(),
        "A dynamic import callback was not specified.".into(),
        cx,
    );
    if let Some(old) = old {
        cx.enter_realm(old);
    }
    err
}

fn host(cx: &Context) -> Option<Rc<dyn ModuleHost>> {
    let iso = cx
        .get_data::<crate::engine::EngineTag>()?
        .isolate
        .upgrade()?;
    let host = iso.module_host.borrow().clone();
    host
}

impl ModuleLoader for VmModuleLoader {
    async fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> JsResult<Module> {
        let Some(h) = host(&context.borrow()) else {
            return Err(missing_callback(&mut context.borrow_mut()));
        };
        if let Referrer::Module(m) = &referrer {
            if let Some(r) = h.resolve_static(m, &request, &mut context.borrow_mut()) {
                return r;
            }
        }
        // The hook itself runs in a promise job, on the engine that runs the referrer's jobs:
        // this future may be polled on the import engine (dyn_import.rs), where the hook
        // could not create modules of a context whose engine is busy further up the stack.
        let call = HookCall { referrer, request };
        let value = {
            let cx = &mut *context.borrow_mut();
            let realm = cx.realm().clone();
            let run_hook = FunctionObjectBuilder::new(
                &realm,
                NativeFunction::from_copy_closure_with_captures(
                    |_, _, call: &HookCall, cx| {
                        let Some(h) = host(cx) else {
                            return Err(missing_callback(cx));
                        };
                        match h.import_dynamic(&call.referrer, &call.request, cx)? {
                            Some(v) => Ok(v),
                            None => Err(missing_callback(cx)),
                        }
                    },
                    call,
                ),
            )
            .build();
            let start = JsPromise::resolve(JsValue::undefined(), cx)?;
            JsValue::from(start.then(Some(run_hook), None, cx)?)
        };
        // The hook's result (a module, a namespace, or a promise of either) is taken over in a
        // promise reaction: it runs on an engine that may use the module's own engine (where
        // its namespace must be made), while this future may be parked on the import engine
        // (dyn_import.rs) until the hook settles — on a timer, later, or never.
        let slot = JsObject::with_null_proto();
        let (promise, on_ok, on_err) = {
            let cx = &mut *context.borrow_mut();
            let promise = JsPromise::resolve(value, cx)?;
            let settle = |ok: bool| {
                NativeFunction::from_copy_closure_with_captures(
                    move |_, args, slot: &JsObject, cx| {
                        let v = args.first().cloned().unwrap_or_default();
                        let (state, v) = match (ok, host(cx)) {
                            (true, Some(h)) => match h.finish_dynamic(v.clone(), cx) {
                                Ok(_) => ("ok", v),
                                Err(e) => ("err", e.into_opaque(cx).unwrap_or_default()),
                            },
                            _ => ("err", v),
                        };
                        slot.set(js_string!("state"), JsString::from(state), false, cx)?;
                        slot.set(js_string!("value"), v, false, cx)?;
                        Ok(JsValue::undefined())
                    },
                    slot.clone(),
                )
            };
            let realm = cx.realm().clone();
            let on_ok = FunctionObjectBuilder::new(&realm, settle(true)).build();
            let on_err = FunctionObjectBuilder::new(&realm, settle(false)).build();
            (promise, on_ok, on_err)
        };
        promise.then(Some(on_ok), Some(on_err), &mut context.borrow_mut())?;
        let (state, value) = std::future::poll_fn(|_| {
            let cx = &mut *context.borrow_mut();
            let state = slot.get(js_string!("state"), cx).unwrap_or_default();
            if state.is_undefined() {
                return std::task::Poll::Pending;
            }
            let value = slot.get(js_string!("value"), cx).unwrap_or_default();
            std::task::Poll::Ready((state, value))
        })
        .await;
        if state.as_string().is_some_and(|s| s == js_string!("err")) {
            return Err(JsError::from_opaque(value));
        }
        // The namespace exists now (made by the reaction): this only maps value → module.
        h.finish_dynamic(value, &mut context.borrow_mut())
    }

    fn init_import_meta(
        self: Rc<Self>,
        import_meta: &JsObject,
        module: &Module,
        context: &mut Context,
    ) {
        if let Some(h) = host(context) {
            h.init_import_meta(import_meta, module, context);
        }
    }
}
