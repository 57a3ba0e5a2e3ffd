//! The `ModuleHost` side of [`Modules`]: resolving Boa's static requests from what linkers
//! returned, `import()` through the registered hooks, and `import.meta`.
use boa_engine::{
    js_string,
    module::{ModuleRequest, Referrer},
    object::FunctionObjectBuilder,
    Context, JsNativeError, JsObject, JsResult, JsValue, Module, NativeFunction,
};
use boa_gc::WeakGc;
use vm_core::{
    internal::{loading_error, LoadingError, ModuleHost},
    Isolate, VmError,
};

use super::{namespace_on_home, Modules};
use crate::{
    error::ModuleError,
    module::{Kind, ModuleStatus, VmModule},
};

impl Modules {
    fn module_for_value(&self, value: &JsValue) -> Option<VmModule> {
        let obj = value.as_object()?;
        let all: Vec<VmModule> = self
            .by_boa
            .borrow()
            .values()
            .flatten()
            .filter_map(WeakGc::upgrade)
            .map(|inner| VmModule { inner })
            .collect();
        // A namespace object can only have come from `namespace_on_home`, which records it.
        all.into_iter().find(|m| {
            m.js_object().is_some_and(|o| o == obj)
                || m.inner.namespace.borrow().as_ref() == Some(&obj)
        })
    }
}

impl ModuleHost for Modules {
    fn resolve_static(
        &self,
        referrer: &Module,
        request: &ModuleRequest,
        cx: &mut Context,
    ) -> Option<JsResult<Module>> {
        if !self.loading.get() {
            return None;
        }
        let specifier = request.specifier().to_std_string_escaped();
        let dep = self.by_boa(referrer).and_then(|r| r.resolved(&specifier));
        Some(match dep {
            Some(d) => Ok(d.inner.boa.clone()),
            None => Err(loading_error(
                LoadingError::RequestNotResolved,
                JsNativeError::error(),
                format!("request for '{specifier}' is not resolved"),
                cx,
            )),
        })
    }

    fn import_dynamic(
        &self,
        referrer: &Referrer,
        request: &ModuleRequest,
        cx: &mut Context,
    ) -> JsResult<Option<JsValue>> {
        let Some(iso) = Isolate::from_engine(cx).map(|(i, _)| i) else {
            return Ok(None);
        };
        let hook = match referrer {
            Referrer::Realm(realm) => iso
                .context_for_realm(realm)
                .and_then(|c| Modules::context_hook(&c)),
            Referrer::Module(module) => match self.by_boa(module) {
                Some(m) => m.inner.dynamic_hook.clone(),
                None => return Ok(None),
            },
            Referrer::Script(_) => {
                let Some(path) = vm_core::internal::referrer_path(referrer, cx) else {
                    return Ok(None);
                };
                let tag = vm_core::internal::host_tag_of_path(&iso, &path);
                self.tagged_hook(tag)
            }
        };
        let Some(hook) = hook else { return Ok(None) };
        let attributes: Vec<(String, String)> = request
            .attributes()
            .iter()
            .map(|a| {
                (
                    a.key().to_std_string_escaped(),
                    a.value().to_std_string_escaped(),
                )
            })
            .collect();
        hook.call(
            &request.specifier().to_std_string_escaped(),
            &attributes,
            cx,
        )
        .map(Some)
    }

    fn finish_dynamic(&self, value: JsValue, cx: &mut Context) -> JsResult<Module> {
        let Some(m) = self.module_for_value(&value) else {
            return Err(loading_error(
                LoadingError::NotAModule,
                JsNativeError::error(),
                "Provided module is not an instance of Module".into(),
                cx,
            ));
        };
        match m.status() {
            ModuleStatus::Unlinked | ModuleStatus::Linking => Err(loading_error(
                LoadingError::ModuleStatus,
                JsNativeError::error(),
                "Module status must not be unlinked or linking".into(),
                cx,
            )),
            ModuleStatus::Errored => Err(boa_engine::JsError::from_opaque(
                m.error().unwrap_or_default(),
            )),
            _ => {
                // Boa builds the import() result's namespace on this engine: create it first on
                // the module's own (see `namespace_on_home`).
                namespace_on_home(Some(cx), &m).map_err(|e| match e {
                    ModuleError::Vm(VmError::Thrown(v)) => boa_engine::JsError::from_opaque(v),
                    other => JsNativeError::typ().with_message(other.to_string()).into(),
                })?;
                Ok(m.inner.boa.clone())
            }
        }
    }

    fn init_import_meta(&self, import_meta: &JsObject, module: &Module, cx: &mut Context) {
        let Some(m) = self.by_boa(module) else { return };
        if let Kind::Synthetic { slot, .. } = &m.inner.kind {
            let slot = slot.clone();
            let realm = cx.realm().clone();
            let register = FunctionObjectBuilder::new(
                &realm,
                NativeFunction::from_copy_closure_with_captures(
                    |_, args, slot: &JsObject, cx| {
                        let f = args.first().cloned().unwrap_or_default();
                        slot.set(js_string!("setter"), f, false, cx)?;
                        Ok(JsValue::undefined())
                    },
                    slot,
                ),
            )
            .build();
            let _ = import_meta.set(js_string!("register"), register, false, cx);
            return;
        }
        let callback = m.inner.import_meta.borrow().clone();
        if let Some(f) = callback {
            let js = m.js_object().map_or(JsValue::undefined(), JsValue::from);
            // Errors thrown by initializeImportMeta propagate as Node's do: to the code reading
            // `import.meta`. Boa's hook cannot fail, so the object gets a prototype whose every
            // property read throws the error.
            if let Err(e) = f.call(&JsValue::undefined(), &[import_meta.clone().into(), js], cx) {
                let error = e.into_opaque(cx).unwrap_or_default();
                if let Ok(thrower) = throwing_prototype(error, cx) {
                    import_meta.set_prototype(Some(thrower));
                }
            }
        }
    }
}

/// A Proxy whose `get` trap throws `error`: the prototype of an `import.meta` object whose
/// `initializeImportMeta` threw.
fn throwing_prototype(error: JsValue, cx: &mut Context) -> JsResult<JsObject> {
    let realm = cx.realm().clone();
    let get = FunctionObjectBuilder::new(
        &realm,
        NativeFunction::from_copy_closure_with_captures(
            |_, _, error: &JsValue, _| Err(boa_engine::JsError::from_opaque(error.clone())),
            error,
        ),
    )
    .build();
    let handler = JsObject::with_null_proto();
    handler.set(js_string!("get"), get, false, cx)?;
    let proxy = cx.intrinsics().constructors().proxy().constructor();
    let target = JsObject::with_null_proto();
    proxy.construct(&[target.into(), handler.into()], None, cx)
}
