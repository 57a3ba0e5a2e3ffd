//! The native core behind `js/vm.js`.
use std::{cell::RefCell, rc::Rc};

use boa_engine::{
    js_string,
    object::{
        builtins::{JsArray, JsWeakMap},
        FunctionObjectBuilder, IntegrityLevel,
    },
    realm::Realm,
    Context, JsArgs, JsData, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
    NativeObject,
};
use boa_gc::{Finalize, Trace};

use crate::args::{self, Options};
pub(crate) use crate::codes::to_js;
use vm_core::{CodeGeneration, ContextOptions, Isolate, Sandbox, VmContext, WeakVmContext};

/// The signature of the native functions and handle methods behind `js/vm.js`: `(this, args,
/// binding state, engine)`.
pub(crate) type Native = fn(&JsValue, &[JsValue], &JsObject, &mut Context) -> JsResult<JsValue>;

/// A native class: the prototype its handles share. Frozen and prototype-less, with methods
/// that work on `this`'s native data (as Node's `ContextifyScript` and `ModuleWrap`).
#[derive(Trace, Finalize)]
pub(crate) struct HandleClass {
    prototype: JsObject,
}

impl HandleClass {
    /// A class whose prototype has `methods` (each capturing the binding `state`).
    fn new(
        realm: &Realm,
        state: &JsObject,
        methods: &[(&'static str, Native)],
        cx: &mut Context,
    ) -> JsResult<Self> {
        let prototype = JsObject::with_null_proto();
        define_natives(&prototype, realm, state, methods, cx)?;
        prototype.set_integrity_level(IntegrityLevel::Frozen, cx)?;
        Ok(Self { prototype })
    }

    /// A new handle holding `data`.
    pub(crate) fn instance<T: NativeObject>(&self, data: T) -> JsObject {
        JsObject::from_proto_and_data(Some(self.prototype.clone()), data)
    }
}

/// Defines each of `natives` on `holder` as a read-only function capturing `state`.
fn define_natives(
    holder: &JsObject,
    realm: &Realm,
    state: &JsObject,
    natives: &[(&'static str, Native)],
    cx: &mut Context,
) -> JsResult<()> {
    for &(name, f) in natives {
        let func = FunctionObjectBuilder::new(
            realm,
            NativeFunction::from_copy_closure_with_captures(f, state.clone()),
        )
        .name(JsString::from(name))
        .build();
        holder.define_property_or_throw(
            JsString::from(name),
            boa_engine::property::PropertyDescriptor::builder()
                .value(func)
                .writable(false)
                .enumerable(true)
                .configurable(false),
            cx,
        )?;
    }
    Ok(())
}

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
    /// The classes of script and module handles (set once the binding's functions exist).
    classes: boa_gc::GcRefCell<Option<Classes>>,
}

#[derive(Trace, Finalize)]
struct Classes {
    script: HandleClass,
    module: HandleClass,
}

pub(crate) fn binding(captures: &JsObject) -> JsResult<boa_gc::GcRef<'_, Binding>> {
    captures.downcast_ref::<Binding>().ok_or_else(|| {
        JsNativeError::typ()
            .with_message("vm binding state missing")
            .into()
    })
}

impl Binding {
    /// A new script handle holding `data`.
    pub(crate) fn script_handle<T: NativeObject>(&self, data: T) -> JsResult<JsObject> {
        self.instance(|c| &c.script, data)
    }

    /// A new module handle holding `data`.
    pub(crate) fn module_handle<T: NativeObject>(&self, data: T) -> JsResult<JsObject> {
        self.instance(|c| &c.module, data)
    }

    fn instance<T: NativeObject>(
        &self,
        class: fn(&Classes) -> &HandleClass,
        data: T,
    ) -> JsResult<JsObject> {
        let classes = self.classes.borrow();
        let classes = classes
            .as_ref()
            .ok_or_else(|| JsNativeError::typ().with_message("vm binding classes not installed"))?;
        Ok(class(classes).instance(data))
    }

    /// Forgets contexts that were freed.
    pub(crate) fn reap(&self) {
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

pub(crate) fn isolate(cx: &Context) -> JsResult<Isolate> {
    Isolate::from_engine(cx).map(|(iso, _)| iso).ok_or_else(|| {
        JsNativeError::error()
            .with_message("not running inside a vm-core isolate")
            .into()
    })
}

fn is_context(_: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let Some(obj) = args.get_or_undefined(0).as_object() else {
        return Ok(false.into());
    };
    let b = binding(b)?;
    Ok(b.lookup(&obj, cx)?.is_some().into())
}

/// `makeContext(sandbox, { name, origin, strings, wasm, afterEvaluate,
/// importModuleDynamically })` → the contextified sandbox (`sandbox` undefined: DONT_CONTEXTIFY,
/// the new context's ordinary global object).
fn make_context(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let sandbox = args.get_or_undefined(0).as_object();
    let opts = Options::at(args, 1);
    let name = opts.string("name", cx)?;
    let origin = opts.string("origin", cx)?;
    let strings = opts.bool("strings", cx)?;
    let wasm = opts.bool("wasm", cx)?;
    let microtask_mode = if opts.bool("afterEvaluate", cx)? {
        vm_core::MicrotaskMode::AfterEvaluate
    } else {
        vm_core::MicrotaskMode::Default
    };
    let hook = opts.function("importModuleDynamically", cx)?;
    isolate(cx)?;
    let state = binding(b)?;
    state.reap();
    let before = state.heap.map(|h| h());
    let options = ContextOptions {
        name,
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
    if let Some(hook) = hook {
        crate::modules::modules(b, cx)?.set_context_hook(&ctx, Some(crate::modules::js_hook(hook)));
    }
    state.weakmap.set(&sandbox, tag.into(), cx)?;
    state.made.borrow_mut().push(MadeContext {
        ctx: ctx.downgrade(),
        baseline,
    });
    Ok(sandbox.into())
}

/// The `(kind, source)` arguments of the code-cache natives for functions and modules.
fn cache_subject(
    args: &[JsValue],
    cx: &mut Context,
) -> JsResult<(vm_core::vm_cache::Kind, String)> {
    use vm_core::vm_cache::Kind;
    let kind = match args::string(args, 0, cx)?.as_str() {
        "function" => Kind::Function,
        "module" => Kind::Module,
        _ => Kind::Script,
    };
    Ok((kind, args::string(args, 1, cx)?))
}

/// The context of the contextified object `value` (`None` for `None`); a `TypeError` for an
/// object that is not one.
pub(crate) fn context_of(
    b: &JsObject,
    value: Option<JsObject>,
    cx: &mut Context,
) -> JsResult<Option<VmContext>> {
    let Some(obj) = value else {
        return Ok(None);
    };
    let ctx = binding(b)?.lookup(&obj, cx)?;
    ctx.map(Some)
        .ok_or_else(|| JsNativeError::typ().with_message("not a vm context").into())
}

/// The context of the contextified object `value`; the main context for `None`.
pub(crate) fn target_context(
    b: &JsObject,
    value: Option<JsObject>,
    iso: &Isolate,
    cx: &mut Context,
) -> JsResult<VmContext> {
    Ok(context_of(b, value, cx)?.unwrap_or_else(|| iso.main_context()))
}

fn measure_memory(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let state = binding(b)?;
    let detailed = args.get_or_undefined(0).to_boolean();
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
        vm_core::internal::set_loading_error_codes(&iso, Some(crate::codes::loading_error_code));
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
            classes: boa_gc::GcRefCell::new(None),
        },
    );
    let mut fns: Vec<(&str, Native)> = vec![
        ("isContext", is_context),
        ("makeContext", make_context),
        ("measureMemory", measure_memory),
        // `cacheEncode(kind, source)` → the cachedData bytes of a function or module.
        ("cacheEncode", |_, args, _, cx| {
            let (kind, source) = cache_subject(args, cx)?;
            crate::script::to_uint8array(vm_core::internal::encode_plain(kind, &source), cx)
        }),
        // `cacheAccepts(kind, source, bytes)` → whether `bytes` is valid cached data here.
        ("cacheAccepts", |_, args, _, cx| {
            let (kind, source) = cache_subject(args, cx)?;
            let bytes = args::bytes(args.get_or_undefined(2), cx)?.unwrap_or_default();
            Ok(vm_core::internal::accepts_plain(kind, &source, &bytes).into())
        }),
        ("gc", |_, _, _, cx| {
            match Isolate::from_engine(cx) {
                Some((iso, _)) => iso.collect_garbage(),
                None => boa_gc::force_collect(),
            }
            Ok(JsValue::undefined())
        }),
    ];
    fns.extend(crate::script::functions());
    fns.extend(crate::modules::functions());
    let realm = cx.realm().clone();
    let native = JsObject::with_null_proto();
    define_natives(&native, &realm, &state, &fns, cx)?;
    let classes = Classes {
        script: HandleClass::new(&realm, &state, &crate::script::methods(), cx)?,
        module: HandleClass::new(&realm, &state, &crate::modules::methods(), cx)?,
    };
    *binding(&state)?.classes.borrow_mut() = Some(classes);
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
