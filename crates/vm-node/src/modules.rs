//! The native side of `js/modules.js`: module records from vm-modules behind handles whose
//! (frozen) prototype has the record's operations, as Node's `ModuleWrap` sits under
//! `vm.Module`.
use std::rc::Rc;

use boa_engine::{
    object::builtins::{JsArray, JsPromise},
    Context, JsArgs, JsData, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue,
};
use boa_gc::{Finalize, Trace};
use vm_modules::{Modules, SourceTextOptions, SyntheticOptions, VmModule};

use crate::{
    args::{self, with_handle, Options},
    codes::module_err,
    native::{binding, context_of, Native},
};

#[derive(Trace, Finalize, JsData)]
struct ModuleHandle {
    /// Traced: a module and its JS object refer to each other, and the collector frees both.
    module: VmModule,
}

/// The module behind `this`.
fn this_module(this: &JsValue) -> JsResult<VmModule> {
    with_handle(this, |h: &ModuleHandle| h.module.clone())
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

fn wrap(b: &JsObject, module: VmModule) -> JsResult<JsValue> {
    Ok(binding(b)?.module_handle(ModuleHandle { module })?.into())
}

/// Wraps a JS `(specifier, attributes) => result` function as a dynamic-import hook.
pub(crate) fn js_hook(f: JsObject) -> vm_modules::DynamicImportHook {
    vm_modules::DynamicImportHook::js(f)
}

/// Registers the dynamic-import hook `f`: the handle to keep with the script or function (its
/// tag is the `host_tag` to compile with).
pub(crate) fn register_hook(
    b: &JsObject,
    f: JsObject,
    cx: &mut Context,
) -> JsResult<vm_modules::HookHandle> {
    Ok(modules(b, cx)?.register_dynamic_hook(js_hook(f)))
}

/// `moduleSourceText(code, { identifier, context, lineOffset, columnOffset,
/// importModuleDynamically })` → a module handle.
fn source_text(_: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let code = args::string(args, 0, cx)?;
    let opts = Options::at(args, 1);
    let options = SourceTextOptions {
        identifier: opts.string("identifier", cx)?,
        context: context_of(b, opts.object("context", cx)?, cx)?,
        line_offset: opts.i32("lineOffset", cx)?,
        column_offset: opts.i32("columnOffset", cx)?,
        import_module_dynamically: opts.function("importModuleDynamically", cx)?.map(js_hook),
    };
    let m = modules(b, cx)?;
    let module = m
        .source_text(&mut *cx, &code, options)
        .map_err(|e| module_err(e, cx))?;
    wrap(b, module)
}

/// `moduleSynthetic(exportNames, evaluate, { identifier, context })` → a module handle.
fn synthetic(_: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let names = args::strings(args, 0, "exportNames", cx)?;
    let callback = args::object(args, 1, "evaluateCallback")?;
    let opts = Options::at(args, 2);
    let options = SyntheticOptions {
        identifier: opts.string("identifier", cx)?,
        context: context_of(b, opts.object("context", cx)?, cx)?,
    };
    let m = modules(b, cx)?;
    let evaluate = vm_modules::SyntheticEvaluate::js(callback);
    let module = m
        .synthetic(&mut *cx, names, evaluate, options)
        .map_err(|e| module_err(e, cx))?;
    wrap(b, module)
}

/// `handle.resolve(specifiers, modules)`: records `modules[i]` as what `specifiers[i]`
/// resolves to (after `beginLink` and the linker, or for `linkRequests`).
fn resolve(this: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let module = this_module(this)?;
    let registry = modules(b, cx)?;
    let specifiers = args::strings(args, 0, "specifiers", cx)?;
    let deps = JsArray::from_object(args::object(args, 1, "modules")?)?;
    for (i, specifier) in (0u64..).zip(&specifiers) {
        let dep = this_module(&deps.get(i, cx)?).map_err(|_| {
            JsNativeError::typ().with_message(format!("modules[{i}] is not a module handle"))
        })?;
        registry
            .set_resolved(&module, specifier, &dep)
            .map_err(|e| module_err(e, cx))?;
    }
    Ok(JsValue::undefined())
}

/// `handle.evaluate({ timeout, breakOnSigint })` → a promise of the caller's realm.
fn evaluate(this: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let module = this_module(this)?;
    let opts = Options::at(args, 0);
    let options = vm_modules::EvaluateOptions {
        timeout: opts.millis("timeout", cx)?,
        break_on_sigint: opts.bool("breakOnSigint", cx)?,
    };
    let p: JsPromise = modules(b, cx)?
        .evaluate(&mut *cx, &module, &options)
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

/// The module functions of the native object, by name.
pub(crate) fn functions() -> [(&'static str, Native); 2] {
    [
        ("moduleSourceText", source_text),
        ("moduleSynthetic", synthetic),
    ]
}

/// The methods of a module handle, by name: each reads or drives the record behind `this`.
pub(crate) fn methods() -> Vec<(&'static str, Native)> {
    vec![
        ("identifier", |this, _, _, _| {
            Ok(JsString::from(this_module(this)?.identifier()).into())
        }),
        ("status", |this, _, _, _| {
            Ok(JsString::from(this_module(this)?.status().as_str()).into())
        }),
        ("error", |this, _, _, _| {
            Ok(this_module(this)?.error().unwrap_or_default())
        }),
        ("namespace", |this, _, b, cx| {
            let module = this_module(this)?;
            modules(b, cx)?
                .namespace(&mut *cx, &module)
                .map(Into::into)
                .map_err(|e| module_err(e, cx))
        }),
        ("specifiers", |this, _, _, cx| {
            let module = this_module(this)?;
            let list = module.dependency_specifiers();
            let list = list.iter().map(|s| JsString::from(s.as_str()).into());
            Ok(JsArray::from_iter(list, cx).into())
        }),
        ("hasTopLevelAwait", |this, _, _, _| {
            Ok(this_module(this)?.has_top_level_await().into())
        }),
        ("hasAsyncGraph", |this, _, _, _| {
            Ok(this_module(this)?.has_async_graph().into())
        }),
        ("source", |this, _, _, _| {
            Ok(JsString::from(this_module(this)?.source().unwrap_or_default()).into())
        }),
        ("beginLink", |this, _, b, cx| {
            let module = this_module(this)?;
            let registry = modules(b, cx)?;
            registry
                .begin_linking(&module)
                .map_err(|e| module_err(e, cx))?;
            Ok(JsValue::undefined())
        }),
        ("resolve", resolve),
        // The linker failed: Node 20 then reports `errored`, with the linker's error.
        ("abortLink", |this, args, b, cx| {
            let module = this_module(this)?;
            let error = args.get_or_undefined(0).clone();
            modules(b, cx)?.abort_linking(&module, Some(error));
            Ok(JsValue::undefined())
        }),
        ("instantiate", |this, _, b, cx| {
            let module = this_module(this)?;
            let registry = modules(b, cx)?;
            registry
                .instantiate(&mut *cx, &module)
                .map_err(|e| module_err(e, cx))?;
            Ok(JsValue::undefined())
        }),
        ("evaluate", evaluate),
        ("setExport", |this, args, b, cx| {
            let module = this_module(this)?;
            let name = args::string(args, 0, cx)?;
            let value = args.get_or_undefined(1).clone();
            modules(b, cx)?
                .set_export(cx, &module, &name, value)
                .map_err(|e| module_err(e, cx))?;
            Ok(JsValue::undefined())
        }),
        ("attributes", |this, args, _, cx| {
            let module = this_module(this)?;
            let specifier = args::string(args, 0, cx)?;
            let attributes = module.request_attributes(&specifier);
            Ok(vm_modules::attributes_object(&attributes, cx)?.into())
        }),
        ("setJsObject", |this, args, _, _| {
            this_module(this)?.set_js_object(args.get_or_undefined(0).as_object());
            Ok(JsValue::undefined())
        }),
        ("setImportMeta", |this, args, b, cx| {
            let module = this_module(this)?;
            let init = args.get_or_undefined(0).as_object();
            modules(b, cx)?.set_initialize_import_meta(&module, init);
            Ok(JsValue::undefined())
        }),
    ]
}
