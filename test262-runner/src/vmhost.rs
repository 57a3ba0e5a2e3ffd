//! The `$262` host on vm-core: every test runs in a fresh `Sandbox::None` vm context (an
//! ordinary global), modules go through vm-modules.
use std::{
    cell::RefCell,
    collections::HashMap,
    path::{Path, PathBuf},
    rc::{Rc, Weak},
    time::Duration,
};
use vm_core::Script;

use boa_engine::{
    builtins::is_html_dda::IsHTMLDDA,
    error::{EngineError, RuntimeLimitError},
    js_string,
    object::{builtins::JsArrayBuffer, FunctionObjectBuilder, JsObject},
    property::{Attribute, PropertyDescriptor},
    Context, JsError, JsNativeError, JsResult, JsString, JsValue, NativeFunction,
};
use vm_core::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions, VmContext, VmError};
use vm_modules::{
    DynamicImportHook, ModuleError, ModuleStatus, Modules, SourceTextOptions, VmModule,
};

use crate::engine::{describe_thrown, print, timeout_message, Engine, Failure, Phase};

thread_local! {
    /// Contexts created by `$262.createRealm()` during the current test (kept alive until its
    /// end: vm-core only holds contexts weakly).
    static REALMS: RefCell<Vec<VmContext>> = const { RefCell::new(Vec::new()) };
}

pub struct VmEngine {
    iso: Isolate,
    modules: Rc<Modules>,
    ctx: Option<VmContext>,
    timeout: Duration,
    /// Module state of the current test (weakly referenced from import hooks).
    state: Option<Rc<ModState>>,
    /// vm-core caught a panic: the isolate refuses further runs and must be replaced.
    broken: std::cell::Cell<bool>,
    /// The isolate loaded modules: replace it before the next test.
    retire: std::cell::Cell<bool>,
}

struct ModState {
    modules: Rc<Modules>,
    ctx: VmContext,
    map: RefCell<HashMap<PathBuf, VmModule>>,
    /// The `import()` hooks of the test's scripts (the registry holds them weakly).
    hooks: RefCell<Vec<vm_modules::HookHandle>>,
}

fn vm_to_js(e: VmError) -> JsError {
    match e {
        VmError::Thrown(v) => JsError::from_opaque(v),
        e if e.is_stop() || matches!(e, VmError::Engine(_)) => {
            EngineError::RuntimeLimit(RuntimeLimitError::LoopIteration).into()
        }
        other => JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    }
}

fn module_to_js(e: ModuleError) -> JsError {
    match e {
        ModuleError::Vm(v) => vm_to_js(v),
        other => JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    }
}

fn define(obj: &JsObject, name: &str, value: impl Into<JsValue>, cx: &mut Context) -> JsResult<()> {
    obj.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        cx,
    )?;
    Ok(())
}

/// Installs `$262` and `print` in `cx`'s current realm (the realm of context `id`); returns `$262`.
fn install(cx: &mut Context, id: usize) -> JsResult<JsObject> {
    let realm = cx.realm().clone();
    let global = cx.global_object();
    let obj = JsObject::with_object_proto(cx.intrinsics());
    let f = |name: &str, len: usize, nf: NativeFunction| {
        FunctionObjectBuilder::new(&realm, nf)
            .name(JsString::from(name))
            .length(len)
            .build()
    };
    let create_realm = f(
        "createRealm",
        0,
        NativeFunction::from_fn_ptr(|_, _, cx| {
            Isolate::from_engine(cx)
                .ok_or_else(|| JsNativeError::error().with_message("no isolate"))?;
            let new = VmContext::new(&mut *cx, Sandbox::None, ContextOptions::default())
                .map_err(vm_to_js)?;
            let id = new.id();
            let obj = new
                .enter(&mut *cx, |cx| install(cx, id))
                .map_err(vm_to_js)??;
            REALMS.with(|r| r.borrow_mut().push(new));
            Ok(obj.into())
        }),
    );
    let eval_script = f(
        "evalScript",
        1,
        NativeFunction::from_copy_closure_with_captures(
            |_, args, id: &usize, cx| {
                let src = args
                    .first()
                    .cloned()
                    .unwrap_or_default()
                    .to_string(cx)?
                    .to_std_string_escaped();
                let (iso, _) = Isolate::from_engine(cx)
                    .ok_or_else(|| JsNativeError::error().with_message("no isolate"))?;
                let target = iso
                    .context(*id)
                    .ok_or_else(|| JsNativeError::error().with_message("realm is gone"))?;
                let opts = ScriptOptions {
                    filename: "evalScript".into(),
                    ..ScriptOptions::default()
                };
                // The SyntaxError belongs to the target realm.
                let script = target
                    .enter(&mut *cx, |cx| Script::compile(&mut *cx, &src, opts))
                    .map_err(vm_to_js)?
                    .map_err(vm_to_js)?;
                let run = RunOptions {
                    display_errors: false,
                    timeout: None,
                    break_on_sigint: false,
                };
                script.run(&mut *cx, &target, &run).map_err(vm_to_js)
            },
            id,
        ),
    );
    let gc = f(
        "gc",
        0,
        NativeFunction::from_fn_ptr(|_, _, cx| {
            if let Some((iso, _)) = Isolate::from_engine(cx) {
                iso.collect_garbage();
            }
            Ok(JsValue::undefined())
        }),
    );
    let detach = f(
        "detachArrayBuffer",
        1,
        NativeFunction::from_fn_ptr(detach_array_buffer),
    );
    define(&obj, "createRealm", create_realm, cx)?;
    define(&obj, "evalScript", eval_script, cx)?;
    define(&obj, "gc", gc, cx)?;
    define(&obj, "detachArrayBuffer", detach, cx)?;
    define(&obj, "global", global.clone(), cx)?;
    let dda = JsObject::from_proto_and_data(
        Some(cx.intrinsics().constructors().object().prototype()),
        IsHTMLDDA,
    );
    define(&obj, "IsHTMLDDA", dda, cx)?;
    define(&global, "$262", obj.clone(), cx)?;
    let print_fn = f("print", 1, NativeFunction::from_fn_ptr(print));
    global.set(js_string!("print"), print_fn, false, cx)?;
    let _ = Attribute::all();
    Ok(obj)
}

/// `$262.detachArrayBuffer(buffer)`: Boa's `JsArrayBuffer::detach` (key `undefined`).
pub fn detach_array_buffer(_: &JsValue, args: &[JsValue], _cx: &mut Context) -> JsResult<JsValue> {
    let obj = args
        .first()
        .and_then(JsValue::as_object)
        .ok_or_else(|| JsNativeError::typ().with_message("not an ArrayBuffer"))?;
    let buf = JsArrayBuffer::from_object(obj.clone())?;
    buf.detach(&JsValue::undefined())?;
    Ok(JsValue::null())
}

/// Resolves `spec` against the folder of `referrer` (a path), normalising `.` and `..`.
fn resolve(referrer: &Path, spec: &str) -> PathBuf {
    let base = referrer.parent().unwrap_or(Path::new("."));
    let mut out = PathBuf::new();
    for c in base.join(spec).components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn module_source(path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if path.extension().is_some_and(|e| e == "json") {
        // JSON modules (import attributes `type: 'json'`): the parsed value as default export.
        return Ok(format!("export default JSON.parse({});", js_quote(&text)));
    }
    Ok(text)
}

fn js_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

impl ModState {
    fn hook(self: &Rc<Self>, referrer: PathBuf) -> DynamicImportHook {
        let weak: Weak<ModState> = Rc::downgrade(self);
        DynamicImportHook::new(move |spec, _attrs, cx| {
            let state = weak
                .upgrade()
                .ok_or_else(|| JsNativeError::error().with_message("test is over"))?;
            let path = resolve(&referrer, spec);
            let m = state.load_graph(Some(cx), &path).map_err(|e| match e {
                GraphError::Js(e) => e,
                GraphError::Msg(m) => JsNativeError::typ().with_message(m).into(),
            })?;
            if m.status() == ModuleStatus::Unlinked {
                let st = state.clone();
                state
                    .modules
                    .link(&mut *cx, &m, &mut |spec, referrer| {
                        st.lookup(spec, referrer)
                    })
                    .map_err(module_to_js)?;
            }
            if m.status() == ModuleStatus::Errored {
                return Err(JsError::from_opaque(m.error().unwrap_or_default()));
            }
            // A token registered on the module identifies it to vm-modules (its namespace
            // object is not always recognised on a second import).
            let token = match m.js_object() {
                Some(o) => o,
                None => {
                    let o = JsObject::with_null_proto();
                    m.set_js_object(Some(o.clone()));
                    o
                }
            };
            Ok(token.into())
        })
    }

    fn lookup(&self, spec: &str, referrer: &VmModule) -> Result<VmModule, ModuleError> {
        let path = resolve(Path::new(referrer.identifier()), spec);
        self.map.borrow().get(&path).cloned().ok_or_else(|| {
            ModuleError::LinkFailure(format!("cannot find module {}", path.display()))
        })
    }

    fn load_one(
        self: &Rc<Self>,
        cx: Option<&mut Context>,
        path: &Path,
        src: Option<&str>,
    ) -> Result<VmModule, GraphError> {
        if let Some(m) = self.map.borrow().get(path) {
            return Ok(m.clone());
        }
        let owned;
        let code = match src {
            Some(s) => s,
            None => {
                owned = module_source(path).map_err(GraphError::Msg)?;
                &owned
            }
        };
        let opts = SourceTextOptions {
            identifier: Some(path.to_string_lossy().into_owned()),
            context: Some(self.ctx.clone()),
            import_module_dynamically: Some(self.hook(path.to_path_buf())),
            ..SourceTextOptions::default()
        };
        let m = match cx {
            Some(cx) => self.modules.source_text(cx, code, opts),
            None => {
                let iso = self
                    .ctx
                    .isolate()
                    .ok_or(GraphError::Msg("no isolate".into()))?;
                self.modules.source_text(&iso, code, opts)
            }
        }
        .map_err(|e| GraphError::Js(module_to_js(e)))?;
        self.map.borrow_mut().insert(path.to_path_buf(), m.clone());
        Ok(m)
    }

    /// Loads the module at `path` and everything it imports (not linked yet).
    fn load_graph(
        self: &Rc<Self>,
        mut cx: Option<&mut Context>,
        path: &Path,
    ) -> Result<VmModule, GraphError> {
        let root = self.load_one(cx.as_deref_mut(), path, None)?;
        self.load_deps(cx, &root)?;
        Ok(root)
    }

    fn load_deps(
        self: &Rc<Self>,
        mut cx: Option<&mut Context>,
        root: &VmModule,
    ) -> Result<(), GraphError> {
        let mut work = vec![root.clone()];
        let mut seen = std::collections::HashSet::new();
        while let Some(m) = work.pop() {
            if !seen.insert(m.identifier().to_owned()) {
                continue;
            }
            for spec in m.dependency_specifiers().to_vec() {
                let p = resolve(Path::new(m.identifier()), &spec);
                let dep = self.load_one(cx.as_deref_mut(), &p, None)?;
                work.push(dep);
            }
        }
        Ok(())
    }
}

enum GraphError {
    Js(JsError),
    Msg(String),
}

impl VmEngine {
    pub fn new(timeout: Duration) -> Result<Self, String> {
        let iso = Isolate::new().map_err(|e| e.to_string())?;
        let modules = Modules::install(&iso);
        Ok(Self {
            iso,
            modules,
            ctx: None,
            timeout,
            state: None,
            broken: std::cell::Cell::new(false),
            retire: std::cell::Cell::new(false),
        })
    }

    fn ctx(&self) -> &VmContext {
        self.ctx.as_ref().expect("reset first")
    }

    fn run_opts(&self) -> RunOptions {
        RunOptions {
            display_errors: false,
            timeout: Some(self.timeout),
            break_on_sigint: false,
        }
    }

    fn failure(&self, e: VmError, phase: Phase) -> Failure {
        match e {
            VmError::Thrown(v) => {
                let (name, message) =
                    match self.ctx().enter(&self.iso, |cx| describe_thrown(&v, cx)) {
                        Ok(r) => r,
                        Err(VmError::Broken(m)) => {
                            self.broken.set(true);
                            return Failure::Host(format!("panic: {m}"));
                        }
                        Err(e) => ("<unknown>".into(), e.to_string()),
                    };
                Failure::Thrown {
                    phase,
                    name,
                    message,
                }
            }
            VmError::Timeout(t) => Failure::Host(timeout_message(t)),
            VmError::Broken(m) => {
                self.broken.set(true);
                Failure::Host(format!("panic: {m}"))
            }
            other => Failure::Host(format!("host: {other}")),
        }
    }

    fn module_failure(&self, e: ModuleError, phase: Phase) -> Failure {
        match e {
            ModuleError::Vm(v) => self.failure(v, phase),
            other => Failure::Host(format!("module: {other}")),
        }
    }

    fn graph_failure(&self, e: GraphError, phase: Phase) -> Failure {
        match e {
            GraphError::Js(e) => {
                let v = self.ctx().enter(&self.iso, |cx| {
                    let msg = e.to_string();
                    e.into_opaque(cx).map_err(|_| msg)
                });
                match v {
                    Ok(Ok(v)) => self.failure(VmError::Thrown(v), phase),
                    Ok(Err(m)) => Failure::Host(format!("engine: {m}")),
                    Err(e) => Failure::Host(e.to_string()),
                }
            }
            GraphError::Msg(m) => Failure::Host(m),
        }
    }
}

impl Engine for VmEngine {
    fn broken(&self) -> bool {
        self.broken.get()
            || self.retire.get()
            || matches!(
                self.iso.main_context().enter(&self.iso, |_| ()),
                Err(VmError::Broken(_))
            )
    }

    fn reset(&mut self) -> Result<(), String> {
        let ctx =
            VmContext::new(&self.iso, Sandbox::None, ContextOptions::default()).map_err(|e| {
                if matches!(e, VmError::Broken(_)) {
                    self.broken.set(true);
                }
                e.to_string()
            })?;
        let id = ctx.id();
        ctx.enter(&self.iso, |cx| install(cx, id))
            .map_err(|e| {
                if matches!(e, VmError::Broken(_)) {
                    self.broken.set(true);
                }
                e.to_string()
            })?
            .map_err(|e| e.to_string())?;
        let state = Rc::new(ModState {
            modules: self.modules.clone(),
            ctx: ctx.clone(),
            map: RefCell::default(),
            hooks: RefCell::default(),
        });
        self.modules
            .set_context_hook(&ctx, Some(state.hook(PathBuf::from("./realm.js"))));
        self.state = Some(state);
        self.ctx = Some(ctx);
        Ok(())
    }

    fn run_script(&mut self, src: &str, path: &Path) -> Result<(), Failure> {
        let state = self.state.clone().expect("reset first");
        // Harness includes (relative names) need no `import()` hook; keeping their tag at 0
        // lets the compile cache serve them.
        let tag = if path.is_absolute() {
            let handle = self
                .modules
                .register_dynamic_hook(state.hook(path.to_path_buf()));
            let tag = handle.tag();
            state.hooks.borrow_mut().push(handle);
            tag
        } else {
            0
        };
        let opts = ScriptOptions {
            filename: path.to_string_lossy().into_owned(),
            host_tag: tag,
            ..ScriptOptions::default()
        };
        let script =
            Script::compile(&self.iso, src, opts).map_err(|e| self.failure(e, Phase::Parse))?;
        script
            .run(&self.iso, self.ctx(), &self.run_opts())
            .map(|_| ())
            .map_err(|e| self.failure(e, Phase::Runtime))
    }

    fn run_module(&mut self, src: &str, path: &Path) -> Result<(), Failure> {
        let state = self.state.clone().expect("reset first");
        let root = state
            .load_one(None, path, Some(src))
            .map_err(|e| self.graph_failure(e, Phase::Parse))?;
        state
            .load_deps(None, &root)
            .map_err(|e| self.graph_failure(e, Phase::Resolution))?;
        let st = state.clone();
        self.modules
            .link(&self.iso, &root, &mut |spec, referrer| {
                st.lookup(spec, referrer)
            })
            .map_err(|e| self.module_failure(e, Phase::Resolution))?;
        let promise = self
            .modules
            .evaluate(
                &self.iso,
                &root,
                &vm_modules::EvaluateOptions {
                    timeout: Some(self.timeout),
                    ..Default::default()
                },
            )
            .map_err(|e| self.module_failure(e, Phase::Runtime))?;
        self.run_jobs()?;
        use boa_engine::builtins::promise::PromiseState;
        match promise.state() {
            PromiseState::Fulfilled(_) => Ok(()),
            PromiseState::Rejected(v) => Err(self.failure(VmError::Thrown(v), Phase::Runtime)),
            PromiseState::Pending => Err(Failure::Host("module evaluation never settled".into())),
        }
    }

    fn run_jobs(&mut self) -> Result<(), Failure> {
        let ctx = self.ctx().clone();
        let r = ctx.run_bounded(&self.iso, self.timeout, |cx| {
            vm_core::run_jobs(&mut *cx).map_err(|e| match e {
                VmError::Engine(vm_core::EngineLimit::LoopIteration) => {
                    EngineError::RuntimeLimit(RuntimeLimitError::LoopIteration).into()
                }
                other => vm_to_js(other),
            })
        });
        r.map_err(|e| self.failure(e, Phase::Runtime))
    }

    fn cleanup(&mut self) {
        // Module records are bound to the engine (interner) that parsed them, and stale ones
        // from a finished test have been seen to panic a later test ("string disappeared",
        // "no entry found for key"): an isolate that loaded modules is not reused.
        if self
            .state
            .as_ref()
            .is_some_and(|s| !s.map.borrow().is_empty())
        {
            self.retire.set(true);
        }
        // The job queue is the isolate's: leave nothing for the next test.
        if self.ctx.is_some() && self.iso.has_pending_jobs() {
            let _ = self.run_jobs();
        }
        REALMS.with(|r| r.borrow_mut().clear());
        if let Some(ctx) = &self.ctx {
            self.modules.set_context_hook(ctx, None);
        }
        self.state = None;
        self.ctx = None;
    }
}
