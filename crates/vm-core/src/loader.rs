//! The module loader every engine uses: serves `import()` (and, with vm-modules, static
//! imports). Without a dynamic-import hook it rejects like Node.
use std::{cell::RefCell, rc::Rc};

use boa_engine::{
    js_string,
    module::{ModuleLoader, ModuleRequest, Referrer},
    Context, JsError, JsNativeError, JsResult, JsString, Module,
};

/// Node's error for `import()` in code compiled without `importModuleDynamically`.
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

impl ModuleLoader for VmModuleLoader {
    async fn load_imported_module(
        self: Rc<Self>,
        _referrer: Referrer,
        _request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> JsResult<Module> {
        Err(missing_callback(&mut context.borrow_mut()))
    }
}
