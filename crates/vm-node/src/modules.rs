//! The native side of `js/modules.js`: module records from vm-modules behind JS handles.
use std::rc::Rc;

use boa_engine::{
    object::builtins::{JsArray, JsPromise},
    Context, JsData, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue,
};
use boa_gc::{Finalize, Trace};
use vm_modules::{Modules, SourceTextOptions, SyntheticOptions, VmModule};

use crate::{
    codes::module_err,
    native::{arg, binding},
};

#[derive(Trace, Finalize, JsData)]
struct ModuleHandle {
    /// Traced: a module and its JS object refer to each other, and the collector frees both.
    module: VmModule,
}

fn handle(args: &[JsValue], i: usize) -> JsResult<VmModule> {
    arg(args, i)
        .as_object()
        .and_then(|o| o.downcast_ref::<ModuleHandle>().map(|h| h.module.clone()))
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message("not a module handle")
                .into()
        })
}

pub(crate) fn modules(b: &JsObject, cx: &mut Context) -> JsResult<Rc<Modules>> {
    let state = binding(b)?;
    let mut slot = state.modules.borrow_mut();
    if let Some(m) = slot.as_ref() {
        return Ok(m.clone());
    }
    let iso = vm_core::Isolate::from_engine(cx)
        .map(|(i, _)| i)
        .ok_or_else(|| {
            JsNativeError::error().with_message("not running inside a vm-core isolate")
        })?;
    let m = Modules::install(&iso);
    // JavaScript drives other contexts from the main one: see `set_eager_main_namespaces`.
    m.set_eager_main_namespaces(true);
    *slot = Some(m.clone());
    Ok(m)
}

fn context_arg(
    b: &JsObject,
    v: &JsValue,
    cx: &mut Context,
) -> JsResult<Option<vm_core::VmContext>> {
    match v.as_object() {
        None => Ok(None),
        Some(o) => binding(b)?
            .lookup(&o, cx)?
            .map(Some)
            .ok_or_else(|| JsNativeError::typ().with_message("not a vm context").into()),
    }
}

fn opt_string(v: &JsValue, cx: &mut Context) -> JsResult<Option<String>> {
    if v.is_undefined() {
        Ok(None)
    } else {
        Ok(Some(v.to_string(cx)?.to_std_string_escaped()))
    }
}

fn wrap(module: VmModule) -> JsValue {
    JsObject::from_proto_and_data(None, ModuleHandle { module }).into()
}

/// Wraps a JS `(specifier, attributes) => result` function as a dynamic-import hook.
pub(crate) fn js_hook(f: JsObject) -> vm_modules::DynamicImportHook {
    vm_modules::DynamicImportHook::js(f)
}

/// Registers the hook in `v` (a function): the handle to keep with the script or function
/// (its tag is the `host_tag` to compile with), `None` without a hook.
pub(crate) fn hook_handle(
    b: &JsObject,
    v: &JsValue,
    cx: &mut Context,
) -> JsResult<Option<vm_modules::HookHandle>> {
    match v.as_object().filter(JsObject::is_callable) {
        Some(f) => Ok(Some(modules(b, cx)?.register_dynamic_hook(js_hook(f)))),
        None => Ok(None),
    }
}

pub(crate) fn source_text(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let code = arg(args, 0).to_string(cx)?.to_std_string_escaped();
    let options = SourceTextOptions {
        identifier: opt_string(&arg(args, 1), cx)?,
        context: context_arg(b, &arg(args, 2), cx)?,
        line_offset: arg(args, 3).to_i32(cx)?,
        column_offset: arg(args, 4).to_i32(cx)?,
        import_module_dynamically: arg(args, 5)
            .as_object()
            .filter(JsObject::is_callable)
            .map(js_hook),
    };
    let m = modules(b, cx)?;
    m.source_text(&mut *cx, &code, options)
        .map(wrap)
        .map_err(|e| module_err(e, cx))
}

pub(crate) fn synthetic(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let names_arr = JsArray::from_object(
        arg(args, 0)
            .as_object()
            .ok_or_else(|| JsNativeError::typ().with_message("exportNames"))?,
    )?;
    let mut names = Vec::new();
    for i in 0..names_arr.length(cx)? {
        names.push(names_arr.get(i, cx)?.to_string(cx)?.to_std_string_escaped());
    }
    let callback = arg(args, 1)
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("evaluateCallback"))?;
    let options = SyntheticOptions {
        identifier: opt_string(&arg(args, 2), cx)?,
        context: context_arg(b, &arg(args, 3), cx)?,
    };
    let m = modules(b, cx)?;
    let evaluate = vm_modules::SyntheticEvaluate::js(callback);
    m.synthetic(&mut *cx, names, evaluate, options)
        .map(wrap)
        .map_err(|e| module_err(e, cx))
}

pub(crate) fn identifier(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(JsString::from(handle(args, 0)?.identifier()).into())
}

pub(crate) fn status(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(JsString::from(handle(args, 0)?.status().as_str()).into())
}

pub(crate) fn error(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(handle(args, 0)?.error().unwrap_or_default())
}

pub(crate) fn namespace(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    modules(b, cx)?
        .namespace(&mut *cx, &module)
        .map(Into::into)
        .map_err(|e| module_err(e, cx))
}

pub(crate) fn specifiers(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    let list: Vec<JsValue> = module
        .dependency_specifiers()
        .iter()
        .map(|s| JsString::from(s.as_str()).into())
        .collect();
    Ok(JsArray::from_iter(list, cx).into())
}

pub(crate) fn has_top_level_await(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(handle(args, 0)?.has_top_level_await().into())
}

pub(crate) fn begin_link(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    modules(b, cx)?
        .begin_linking(&module)
        .map_err(|e| module_err(e, cx))?;
    Ok(JsValue::undefined())
}

pub(crate) fn set_resolved(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    let specifier = arg(args, 1).to_string(cx)?.to_std_string_escaped();
    let dep = handle(args, 2)?;
    modules(b, cx)?
        .set_resolved(&module, &specifier, &dep)
        .map_err(|e| module_err(e, cx))?;
    Ok(JsValue::undefined())
}

pub(crate) fn abort_link(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    // Node 20 reports `errored` after a failed link(), with the linker's error.
    modules(b, cx)?.abort_linking(&module, Some(arg(args, 1)));
    Ok(JsValue::undefined())
}

pub(crate) fn instantiate(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    modules(b, cx)?
        .instantiate(&mut *cx, &module)
        .map_err(|e| module_err(e, cx))?;
    Ok(JsValue::undefined())
}

pub(crate) fn evaluate(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    let timeout = match arg(args, 1) {
        t if t.is_undefined() => None,
        t => Some(std::time::Duration::from_millis(t.to_number(cx)? as u64)),
    };
    let break_on_sigint = arg(args, 2).to_boolean();
    let p: JsPromise = modules(b, cx)?
        .evaluate(
            &mut *cx,
            &module,
            &vm_modules::EvaluateOptions {
                timeout,
                break_on_sigint,
            },
        )
        .map_err(|e| module_err(e, cx))?;
    Ok(in_caller_realm(p, cx)?.into())
}

/// The evaluation promise as a promise of the caller's realm (Node's fix for issue 59541):
/// awaiting a promise of an 'afterEvaluate' context from outside would otherwise queue the
/// continuation on that context's own queue, which nothing drains. A settled promise stays
/// settled (`Promise { undefined }` when inspected at once).
fn in_caller_realm(p: JsPromise, cx: &mut Context) -> JsResult<JsPromise> {
    use boa_engine::builtins::promise::PromiseState;
    match p.state() {
        PromiseState::Fulfilled(v) => JsPromise::resolve(v, cx),
        PromiseState::Rejected(e) => {
            // The caller handles the outer promise; the inner one must not be reported as an
            // unhandled rejection.
            let realm = cx.realm().clone();
            let ignore = boa_engine::object::FunctionObjectBuilder::new(
                &realm,
                boa_engine::NativeFunction::from_fn_ptr(|_, _, _| Ok(JsValue::undefined())),
            )
            .build();
            then_without_species(&p, None, Some(ignore), cx)?;
            JsPromise::reject(JsError::from_opaque(e), cx)
        }
        PromiseState::Pending => {
            let (outer, resolvers) = JsPromise::new_pending(cx);
            then_without_species(&p, Some(resolvers.resolve), Some(resolvers.reject), cx)?;
            Ok(outer)
        }
    }
}

/// `p.then(..)` that never consults `p.constructor` or `Promise[Symbol.species]`, which user
/// code may have replaced: `p` (internal, never handed to user code) gets an own
/// `constructor: undefined` for the call, so SpeciesConstructor takes the intrinsic %Promise%.
fn then_without_species(
    p: &JsPromise,
    on_fulfilled: Option<boa_engine::object::builtins::JsFunction>,
    on_rejected: Option<boa_engine::object::builtins::JsFunction>,
    cx: &mut Context,
) -> JsResult<JsPromise> {
    let obj: JsObject = p.clone().into();
    let key = boa_engine::js_string!("constructor");
    obj.create_data_property_or_throw(key.clone(), JsValue::undefined(), cx)?;
    let result = p.then(on_fulfilled, on_rejected, cx);
    obj.delete_property_or_throw(key, cx)?;
    result
}

pub(crate) fn set_export(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    let name = arg(args, 1).to_string(cx)?.to_std_string_escaped();
    modules(b, cx)?
        .set_export(cx, &module, &name, arg(args, 2))
        .map_err(|e| module_err(e, cx))?;
    Ok(JsValue::undefined())
}

pub(crate) fn attributes(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    let specifier = arg(args, 1).to_string(cx)?.to_std_string_escaped();
    Ok(vm_modules::attributes_object(&module.request_attributes(&specifier), cx)?.into())
}

pub(crate) fn source(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(JsString::from(handle(args, 0)?.source().unwrap_or_default()).into())
}

pub(crate) fn has_async_graph(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(handle(args, 0)?.has_async_graph().into())
}

pub(crate) fn set_js_object(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    handle(args, 0)?.set_js_object(arg(args, 1).as_object());
    Ok(JsValue::undefined())
}

pub(crate) fn set_import_meta(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let module = handle(args, 0)?;
    modules(b, cx)?.set_initialize_import_meta(&module, arg(args, 1).as_object());
    Ok(JsValue::undefined())
}

/// The module functions of the native object, by name.
pub(crate) fn functions() -> Vec<(&'static str, crate::native::Native)> {
    vec![
        ("moduleSourceText", source_text),
        ("moduleSynthetic", synthetic),
        ("moduleIdentifier", identifier),
        ("moduleStatus", status),
        ("moduleError", error),
        ("moduleNamespace", namespace),
        ("moduleSpecifiers", specifiers),
        ("moduleHasTopLevelAwait", has_top_level_await),
        ("moduleBeginLink", begin_link),
        ("moduleSetResolved", set_resolved),
        ("moduleAbortLink", abort_link),
        ("moduleInstantiate", instantiate),
        ("moduleEvaluate", evaluate),
        ("moduleSetExport", set_export),
        ("moduleSetImportMeta", set_import_meta),
        ("moduleSetJsObject", set_js_object),
        ("moduleAttributes", attributes),
        ("moduleHasAsyncGraph", has_async_graph),
        ("moduleSource", source),
    ]
}
