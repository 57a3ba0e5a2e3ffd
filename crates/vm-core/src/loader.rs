//! The module loader every engine uses. It serves static imports of linked modules and
//! `import()` through the isolate's [`ModuleHost`] (vm-modules installs one); without a host,
//! or when the host has no dynamic-import hook for the referrer, `import()` rejects like Node.
use std::{cell::RefCell, rc::Rc};

use boa_engine::{
    js_string,
    module::{ModuleLoader, ModuleRequest, Referrer},
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, Module,
};

/// What resolves module requests for an isolate (implemented by vm-modules).
pub trait ModuleHost {
    /// Resolves `request` made by `referrer` (a static import of a module being linked, or a
    /// dynamic `import()` from a script, function or module). `Ok(None)`: the referrer has no
    /// way to resolve it, and `import()` rejects with `ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING`.
    fn resolve(
        &self,
        referrer: &Referrer,
        request: &ModuleRequest,
        cx: &mut Context,
    ) -> JsResult<Option<Module>>;

    /// `import.meta` initialisation for `module` (Node's `initializeImportMeta`).
    fn init_import_meta(&self, import_meta: &JsObject, module: &Module, cx: &mut Context);
}

pub(crate) struct VmModuleLoader;

/// A `TypeError` with Node's `code`, created in the main realm as Node does.
fn missing_callback(cx: &mut Context) -> JsError {
    let main_realm = cx
        .get_data::<crate::engine::EngineTag>()
        .and_then(|t| t.isolate.upgrade())
        .map(|iso| iso.main.realm.clone());
    let old = main_realm.map(|r| cx.enter_realm(r));
    let err = JsNativeError::typ()
        .with_message("A dynamic import callback was not specified.")
        .into_opaque(cx);
    let _ = err.set(
        js_string!("code"),
        JsString::from("ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING"),
        false,
        cx,
    );
    if let Some(old) = old {
        cx.enter_realm(old);
    }
    JsError::from_opaque(err.into())
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
        let cx = &mut **context.borrow_mut();
        match host(cx) {
            Some(h) => match h.resolve(&referrer, &request, cx)? {
                Some(m) => Ok(m),
                None => Err(missing_callback(cx)),
            },
            None => Err(missing_callback(cx)),
        }
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
