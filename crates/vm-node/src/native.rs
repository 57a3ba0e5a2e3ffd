//! The native core behind `js/vm.js`.
use std::{cell::RefCell, rc::Rc};

use boa_engine::{
    js_string,
    object::{
        builtins::{JsArray, JsUint8Array, JsWeakMap},
        FunctionObjectBuilder,
    },
    Context, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
};
use boa_gc::{Finalize, Trace};

pub(crate) use crate::codes::to_js;
use vm_core::{
    CodeGeneration, CompileFunctionOptions, ContextOptions, Isolate, RunOptions, Sandbox, Script,
    ScriptOptions, VmContext, VmError, WeakVmContext,
};

/// The signature of the native functions behind `js/vm.js`.
pub(crate) type Native = fn(&JsValue, &[JsValue], &JsObject, &mut Context) -> JsResult<JsValue>;

/// Reads the number of live heap bytes (e.g. from a counting global allocator), for
/// `vm.measureMemory`.
pub type HeapCounter = fn() -> usize;

/// The value of a sandbox's entry in the binding's weak map: the context it was contextified
/// into. A traced handle, so the sandbox (the weak map's key) keeps its context alive and the
/// context's realm keeps the sandbox alive — a cycle on the garbage-collected heap that is
/// freed once nothing else reaches either (Node's lifetime rule).
#[derive(Trace, Finalize, JsData)]
struct ContextTag {
    ctx: VmContext,
}

/// A context the binding made, for `measureMemory`: held weakly.
struct MadeContext {
    ctx: WeakVmContext,
    /// Heap bytes the context took when it was created (measured).
    baseline: usize,
}

/// The binding's state, shared by every native function through their captures.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct Binding {
    weakmap: JsWeakMap,
    #[unsafe_ignore_trace]
    made: RefCell<Vec<MadeContext>>,
    #[unsafe_ignore_trace]
    heap: Option<HeapCounter>,
    /// The isolate's module registry, installed on first use.
    #[unsafe_ignore_trace]
    pub(crate) modules: Rc<RefCell<Option<Rc<vm_modules::Modules>>>>,
}

#[derive(Trace, Finalize, JsData)]
struct ScriptHandle {
    #[unsafe_ignore_trace]
    script: Script,
    /// The script's `importModuleDynamically` hook, alive as long as the script.
    hook: Option<vm_modules::HookHandle>,
    /// `cachedDataRejected` when `cachedData` was given.
    #[unsafe_ignore_trace]
    cache_rejected: Option<bool>,
}

/// The bytes of a `Uint8Array` (js/vm.js passes every ArrayBufferView as one).
fn bytes_arg(args: &[JsValue], i: usize, cx: &mut Context) -> JsResult<Option<Vec<u8>>> {
    match arg(args, i).as_object() {
        None => Ok(None),
        Some(o) => {
            let arr = JsUint8Array::from_object(o)?;
            Ok(Some(arr.iter(cx).collect()))
        }
    }
}

fn to_uint8array(bytes: Vec<u8>, cx: &mut Context) -> JsResult<JsValue> {
    Ok(JsUint8Array::from_iter(bytes, cx)?.into())
}

/// The script and cache verdict behind a handle.
fn script_handle(args: &[JsValue]) -> JsResult<(Script, Option<bool>)> {
    args.first()
        .and_then(JsValue::as_object)
        .and_then(|o| {
            o.downcast_ref::<ScriptHandle>()
                .map(|h| (h.script.clone(), h.cache_rejected))
        })
        .ok_or_else(|| {
            JsNativeError::typ()
                .with_message("Illegal invocation")
                .into()
        })
}

pub(crate) fn binding(captures: &JsObject) -> JsResult<boa_gc::GcRef<'_, Binding>> {
    captures.downcast_ref::<Binding>().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("vm binding state missing")
            .into()
    })
}

impl Binding {
    /// Forgets contexts that were freed.
    fn reap(&self) {
        let mut made = self.made.borrow_mut();
        if made.len() >= 64 && made.len().is_power_of_two() {
            made.retain(|m| m.ctx.upgrade().is_some());
        }
    }

    pub(crate) fn lookup(
        &self,
        sandbox: &JsObject,
        cx: &mut Context,
    ) -> JsResult<Option<VmContext>> {
        let tag = self.weakmap.get(sandbox, cx)?;
        let Some(tag) = tag.as_object() else {
            return Ok(None);
        };
        Ok(tag.downcast_ref::<ContextTag>().map(|t| t.ctx.clone()))
    }
}

fn isolate(cx: &Context) -> JsResult<Isolate> {
    Isolate::from_engine(cx).map(|(iso, _)| iso).ok_or_else(|| {
        JsNativeError::error()
            .with_message("not running inside a vm-core isolate")
            .into()
    })
}

pub(crate) fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

fn string_arg(args: &[JsValue], i: usize, cx: &mut Context) -> JsResult<String> {
    Ok(arg(args, i).to_string(cx)?.to_std_string_escaped())
}

fn i32_arg(args: &[JsValue], i: usize, cx: &mut Context) -> JsResult<i32> {
    arg(args, i).to_i32(cx)
}

fn object_arg(args: &[JsValue], i: usize, what: &str) -> JsResult<JsObject> {
    arg(args, i).as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message(format!("{what} must be an object"))
            .into()
    })
}

fn is_context(_: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let Some(obj) = arg(args, 0).as_object() else {
        return Ok(false.into());
    };
    let b = binding(b)?;
    Ok(b.lookup(&obj, cx)?.is_some().into())
}

fn make_context(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    // `undefined`: vm.constants.DONT_CONTEXTIFY (an ordinary global, returned).
    let sandbox = arg(args, 0).as_object();
    let name = string_arg(args, 1, cx)?;
    let origin = arg(args, 2);
    let origin = if origin.is_undefined() {
        None
    } else {
        Some(origin.to_string(cx)?.to_std_string_escaped())
    };
    let strings = arg(args, 3).to_boolean();
    let wasm = arg(args, 4).to_boolean();
    let microtask_mode = if arg(args, 5).to_boolean() {
        vm_core::MicrotaskMode::AfterEvaluate
    } else {
        vm_core::MicrotaskMode::Default
    };
    isolate(cx)?;
    let state = binding(b)?;
    state.reap();
    let before = state.heap.map(|h| h());
    let options = ContextOptions {
        name: Some(name),
        origin,
        code_generation: CodeGeneration { strings, wasm },
        microtask_mode,
    };
    let kind = match &sandbox {
        Some(o) => Sandbox::Object(o.clone()),
        None => Sandbox::None,
    };
    let ctx = VmContext::new(&mut *cx, kind, options).map_err(|e| to_js(e, cx))?;
    // DONT_CONTEXTIFY: the context is known by its ordinary global object.
    let sandbox = sandbox.unwrap_or_else(|| ctx.global_object());
    let baseline = match (before, state.heap) {
        (Some(b0), Some(h)) => h().saturating_sub(b0),
        _ => 0,
    };
    let tag = JsObject::from_proto_and_data(None, ContextTag { ctx: ctx.clone() });
    if let Some(hook) = arg(args, 6).as_object().filter(JsObject::is_callable) {
        crate::modules::modules(b, cx)?.set_context_hook(&ctx, Some(crate::modules::js_hook(hook)));
    }
    state.weakmap.set(&sandbox, tag.into(), cx)?;
    state.made.borrow_mut().push(MadeContext {
        ctx: ctx.downgrade(),
        baseline,
    });
    Ok(sandbox.into())
}

fn compile_script(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let code = string_arg(args, 0, cx)?;
    let hook = crate::modules::hook_handle(b, &arg(args, 5), cx)?;
    let options = ScriptOptions {
        filename: string_arg(args, 1, cx)?,
        line_offset: i32_arg(args, 2, cx)?,
        column_offset: i32_arg(args, 3, cx)?,
        host_tag: hook.as_ref().map_or(0, vm_modules::HookHandle::tag),
    };
    let iso = isolate(cx)?;
    let parsing = arg(args, 4);
    let cached = bytes_arg(args, 6, cx)?;
    let compile = |cx: &mut Context| -> Result<(Script, Option<bool>), VmError> {
        match &cached {
            Some(bytes) => Script::compile_with_cache(&mut *cx, &code, options, bytes)
                .map(|(s, rejected)| (s, Some(rejected))),
            None => Script::compile(&mut *cx, &code, options).map(|s| (s, None)),
        }
    };
    let (script, cache_rejected) = if parsing.is_object() {
        // A syntax error is a SyntaxError of the context the code was meant for.
        let ctx = target_context(b, &parsing, &iso, cx)?;
        ctx.enter(&mut *cx, compile).map_err(|e| to_js(e, cx))?
    } else {
        compile(cx)
    }
    .map_err(|e| to_js(e, cx))?;
    Ok(JsObject::from_proto_and_data(
        None,
        ScriptHandle {
            script,
            hook,
            cache_rejected,
        },
    )
    .into())
}

fn cache_kind(v: &JsValue, cx: &mut Context) -> JsResult<vm_core::vm_cache::Kind> {
    Ok(match v.to_string(cx)?.to_std_string_escaped().as_str() {
        "function" => vm_core::vm_cache::Kind::Function,
        "module" => vm_core::vm_cache::Kind::Module,
        _ => vm_core::vm_cache::Kind::Script,
    })
}

/// `cachedData` for a compiled function or module: `(kind, source)` → bytes.
fn cache_encode(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let kind = cache_kind(&arg(args, 0), cx)?;
    let source = string_arg(args, 1, cx)?;
    to_uint8array(vm_core::internal::encode_plain(kind, &source), cx)
}

/// Whether `(kind, source, bytes)` is valid cached data here.
fn cache_accepts(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let kind = cache_kind(&arg(args, 0), cx)?;
    let source = string_arg(args, 1, cx)?;
    let bytes = bytes_arg(args, 2, cx)?.unwrap_or_default();
    Ok(vm_core::internal::accepts_plain(kind, &source, &bytes).into())
}

fn script_cache_rejected(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    _cx: &mut Context,
) -> JsResult<JsValue> {
    Ok(script_handle(args)?
        .1
        .map_or(JsValue::undefined(), JsValue::from))
}

fn script_create_cached_data(
    _: &JsValue,
    args: &[JsValue],
    _b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let bytes = script_handle(args)?.0.create_cached_data();
    to_uint8array(bytes, cx)
}

fn target_context(
    b: &JsObject,
    value: &JsValue,
    iso: &Isolate,
    cx: &mut Context,
) -> JsResult<VmContext> {
    match value.as_object() {
        None => Ok(iso.main_context()),
        Some(obj) => binding(b)?
            .lookup(&obj, cx)?
            .ok_or_else(|| JsNativeError::typ().with_message("not a vm context").into()),
    }
}

fn run_script(_: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let handle = object_arg(args, 0, "script")?;
    let (script, hook) = handle
        .downcast_ref::<ScriptHandle>()
        .map(|h| (h.script.clone(), h.hook.clone()))
        .ok_or_else(|| JsNativeError::typ().with_message("Illegal invocation"))?;
    let iso = isolate(cx)?;
    binding(b)?.reap();
    let ctx = target_context(b, &arg(args, 1), &iso, cx)?;
    if let Some(hook) = &hook {
        crate::modules::modules(b, cx)?.pin_hook(&ctx, hook);
    }
    let timeout = arg(args, 3);
    let options = RunOptions {
        display_errors: arg(args, 2).to_boolean(),
        timeout: if timeout.is_undefined() {
            None
        } else {
            Some(std::time::Duration::from_millis(
                timeout.to_number(cx)? as u64
            ))
        },
        break_on_sigint: arg(args, 4).to_boolean(),
    };
    match script.run(&mut *cx, &ctx, &options) {
        Ok(v) => Ok(v),
        // Node creates the timeout/interrupt error in the context the script ran in.
        Err(e) if e.is_stop() => Err(ctx
            .enter(&mut *cx, |cx| to_js(e, cx))
            .unwrap_or_else(|e| JsNativeError::error().with_message(e.to_string()).into())),
        Err(e) => Err(to_js(e, cx)),
    }
}

fn compile_function(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let code = string_arg(args, 0, cx)?;
    let params_arr = JsArray::from_object(object_arg(args, 1, "params")?)?;
    let mut params = Vec::new();
    for i in 0..params_arr.length(cx)? {
        params.push(
            params_arr
                .get(i, cx)?
                .to_string(cx)?
                .to_std_string_escaped(),
        );
    }
    let iso = isolate(cx)?;
    let parsing = arg(args, 5);
    let parsing_context = if parsing.is_undefined() {
        None
    } else {
        Some(target_context(b, &parsing, &iso, cx)?)
    };
    let ext_arr = JsArray::from_object(object_arg(args, 6, "contextExtensions")?)?;
    let mut context_extensions = Vec::new();
    for i in 0..ext_arr.length(cx)? {
        if let Some(o) = ext_arr.get(i, cx)?.as_object() {
            context_extensions.push(o);
        }
    }
    let hook = crate::modules::hook_handle(b, &arg(args, 7), cx)?;
    let host_tag = hook.as_ref().map_or(0, vm_modules::HookHandle::tag);
    let hook_ctx = parsing_context
        .clone()
        .unwrap_or_else(|| iso.main_context());
    let options = CompileFunctionOptions {
        script: ScriptOptions {
            filename: string_arg(args, 2, cx)?,
            line_offset: i32_arg(args, 3, cx)?,
            column_offset: i32_arg(args, 4, cx)?,
            host_tag,
        },
        parsing_context,
        context_extensions,
    };
    let function =
        vm_core::compile_function(&mut *cx, &code, &params, options).map_err(|e| to_js(e, cx))?;
    if let Some(hook) = hook {
        // The hook lives as long as the function's context (the function, and closures it
        // creates, may call import() later).
        crate::modules::modules(b, cx)?.pin_hook(&hook_ctx, &hook);
    }
    Ok(function.into())
}

fn measure_memory(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let detailed = arg(args, 0).to_boolean();
    let state = binding(b)?;
    state.reap();
    let Some(heap) = state.heap else {
        return Err(JsNativeError::error()
            .with_message("vm.measureMemory needs a heap counter; this host did not provide one")
            .into());
    };
    let total = heap();
    let result = JsObject::with_null_proto();
    result.create_data_property_or_throw(js_string!("total"), total as f64, cx)?;
    if detailed {
        // Each context: what creating it took plus what its runs allocated and kept.
        let live: Vec<usize> = state
            .made
            .borrow()
            .iter()
            .filter_map(|m| m.ctx.upgrade().map(|c| m.baseline + c.allocated_bytes()))
            .collect();
        let others: Vec<JsValue> = live.iter().map(|b| JsValue::from(*b as f64)).collect();
        let others_sum: usize = live.iter().sum();
        result.create_data_property_or_throw(
            js_string!("current"),
            total.saturating_sub(others_sum) as f64,
            cx,
        )?;
        let arr = JsArray::from_iter(others, cx);
        result.create_data_property_or_throw(js_string!("other"), arr, cx)?;
    }
    Ok(result.into())
}

/// Builds the `vm` module object in the running engine (`cx` must belong to an [`Isolate`]).
///
/// `inspect` is `util.inspect` (used for Node's "Received ..." message parts); `heap` reads the
/// live heap bytes for `vm.measureMemory` (without it, `measureMemory` rejects).
///
/// `default_loader`, when given, is `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER`: a function
/// `(specifier, attributes) => Promise<vm.Module>` implementing the host's own module loading
/// (boavm's file loader); without one that constant is refused.
///
/// # Errors
/// What evaluating the binding's JavaScript throws, or a JS `Error` when `cx` belongs to no
/// isolate.
pub fn install(
    cx: &mut Context,
    inspect: JsValue,
    heap: Option<HeapCounter>,
    default_loader: Option<JsObject>,
) -> JsResult<JsObject> {
    let modules: Rc<RefCell<Option<Rc<vm_modules::Modules>>>> = Rc::default();
    // The binding lives in the main realm's heap and holds the module registry, whose engines
    // root objects of the main realm: when the isolate goes, release it explicitly.
    if let Some((iso, _)) = Isolate::from_engine(cx) {
        let m = modules.clone();
        iso.on_drop(move || {
            let registry = m.borrow_mut().take();
            drop(registry);
        });
    }
    let state = JsObject::from_proto_and_data(
        None,
        Binding {
            weakmap: JsWeakMap::new(cx),
            made: RefCell::default(),
            heap,
            modules,
        },
    );
    let mut fns: Vec<(&str, Native)> = vec![
        ("isContext", is_context),
        ("makeContext", make_context),
        ("compileScript", compile_script),
        ("runScript", run_script),
        ("compileFunction", compile_function),
        ("measureMemory", measure_memory),
        ("scriptCacheRejected", script_cache_rejected),
        ("cacheEncode", cache_encode),
        ("cacheAccepts", cache_accepts),
        ("scriptCreateCachedData", script_create_cached_data),
        ("gc", |_, _, _, cx| {
            match Isolate::from_engine(cx) {
                Some((iso, _)) => iso.collect_garbage(),
                None => boa_gc::force_collect(),
            }
            Ok(JsValue::undefined())
        }),
    ];
    fns.extend(crate::modules::functions());
    let realm = cx.realm().clone();
    let native = JsObject::with_null_proto();
    for (name, f) in fns {
        let func = FunctionObjectBuilder::new(
            &realm,
            NativeFunction::from_copy_closure_with_captures(f, state.clone()),
        )
        .name(JsString::from(name))
        .build();
        native.define_property_or_throw(
            JsString::from(name),
            boa_engine::property::PropertyDescriptor::builder()
                .value(func)
                .writable(false)
                .enumerable(true)
                .configurable(false),
            cx,
        )?;
    }
    // Captured before the other files run (and before user code can reach them).
    let primordials: JsValue = factory(
        crate::sources::PRIMORDIALS_JS,
        "node:internal/primordials",
        &JsValue::undefined(),
        cx,
    )?
    .into();
    let errors = factory(
        crate::sources::ERRORS_JS,
        "node:internal/errors",
        &primordials,
        cx,
    )?;
    let modules = factory(
        crate::sources::MODULES_JS,
        "node:internal/vm/module",
        &primordials,
        cx,
    )?;
    let vm = factory(crate::sources::VM_JS, "node:vm", &primordials, cx)?;
    let module = vm.call(
        &JsValue::undefined(),
        &[
            native.into(),
            inspect,
            errors.into(),
            modules.into(),
            default_loader.map_or(JsValue::undefined(), JsValue::from),
        ],
        cx,
    )?;
    module.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("vm.js did not return an object")
            .into()
    })
}

/// Evaluates a CommonJS-style source `module.exports = ...` (with `primordials` in scope) and
/// returns `module.exports`.
fn factory(src: &str, name: &str, primordials: &JsValue, cx: &mut Context) -> JsResult<JsObject> {
    let wrapped = format!("(function (module, primordials) {{ 'use strict';\n{src}\n}})");
    let f = cx.eval(
        boa_engine::Source::from_bytes(wrapped.as_bytes()).with_path(std::path::Path::new(name)),
    )?;
    let module = JsObject::with_null_proto();
    let f = f
        .as_callable()
        .ok_or_else(|| JsNativeError::typ().with_message("factory wrapper is not callable"))?;
    f.call(
        &JsValue::undefined(),
        &[module.clone().into(), primordials.clone()],
        cx,
    )?;
    let exports = module.get(js_string!("exports"), cx)?;
    exports.as_object().ok_or_else(|| {
        JsNativeError::typ()
            .with_message(format!("{name} exported nothing"))
            .into()
    })
}
