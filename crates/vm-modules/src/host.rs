//! The module registry of an isolate: creation, linking, evaluation. Its `ModuleHost` side
//! (what Boa asks while loading and for `import()`) is in `host/module_host.rs`.
use std::{
    cell::{Cell, RefCell},
    path::Path,
    rc::Rc,
};

use boa_engine::{
    builtins::promise::PromiseState, js_string, object::builtins::JsPromise, Context, JsData,
    JsNativeError, JsObject, JsResult, JsValue, Module, Source,
};
use boa_gc::{Finalize, Gc, GcRefCell, Trace, WeakGc};
use rustc_hash::FxHashMap;
use vm_core::{Entry, Isolate, ScriptOptions, VmContext, VmError};

use crate::{
    callbacks::{DynamicImportHook, SyntheticEvaluate},
    error::{ModuleError, StatusError},
    module::{Kind, ModuleInner, ModuleStatus, VmModule},
    options::{EvaluateOptions, SourceTextOptions, SyntheticOptions},
    synthetic::wrapper_source,
};

mod evaluate;
mod module_host;

/// A registered `importModuleDynamically` hook of a script or function.
#[derive(Trace, Finalize)]
pub(crate) struct HookCell(DynamicImportHook);

/// Keeps a hook registered with [`Modules::register_dynamic_hook`] alive; its [`tag`] is the
/// `ScriptOptions::host_tag` to compile the script or function with.
///
/// [`tag`]: HookHandle::tag
#[derive(Clone, Trace, Finalize)]
pub struct HookHandle {
    cell: Gc<HookCell>,
    #[unsafe_ignore_trace]
    tag: u64,
}

impl HookHandle {
    /// The host tag of the registered hook.
    pub fn tag(&self) -> u64 {
        self.tag
    }
}

impl std::fmt::Debug for HookHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HookHandle")
            .field("tag", &self.tag)
            .finish()
    }
}

/// Script and function hooks pinned to a realm they ran in (see [`Modules::pin_hook`]).
#[derive(Trace, Finalize, JsData, Default)]
struct PinnedHooks(GcRefCell<Vec<HookHandle>>);

/// A context's own hook, in its realm's `[[HostDefined]]`.
#[derive(Trace, Finalize, JsData)]
struct ContextHook(DynamicImportHook);

/// Modules with callbacks, kept alive by their realm: code of a module (its functions, its
/// namespace) can outlive the module's JS object and still call `import()` or read
/// `import.meta`, and Boa 0.22 gives a module record no mutable host-defined slot to hang the
/// callbacks on. Limit: such modules live as long as their context.
#[derive(Trace, Finalize, JsData, Default)]
struct PinnedModules(GcRefCell<Vec<VmModule>>);

fn pin_to_realm(module: &VmModule) {
    let realm = module.inner.boa.realm().clone();
    if !realm.host_defined().has::<PinnedModules>() {
        realm.host_defined_mut().insert(PinnedModules::default());
    }
    let data = realm.host_defined();
    if let Some(p) = data.get::<PinnedModules>() {
        let mut list = p.0.borrow_mut();
        if !list.iter().any(|m| m == module) {
            list.push(module.clone());
        }
    }
}

/// The per-context counter of default module identifiers, in the realm's `[[HostDefined]]`.
#[derive(Trace, Finalize, JsData)]
struct ModuleCounter(#[unsafe_ignore_trace] Cell<u32>);

/// What an asynchronous linker returns for one request (see [`Modules::link_async`]).
pub type LinkFuture =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<VmModule, ModuleError>>>>;

/// The modules of one isolate. Install with [`Modules::install`].
pub struct Modules {
    main: VmContext,
    /// Every module, held weakly, by the hash of its Boa record's address (the record itself
    /// is not held: a map key would root it and everything it reaches). Pruned as it doubles.
    by_boa: RefCell<FxHashMap<u64, Vec<WeakGc<ModuleInner>>>>,
    /// Set while a graph loads: requests from modules are then static imports.
    loading: Cell<bool>,
    /// `importModuleDynamically` hooks of scripts and functions by source tag (see
    /// `vm_core::ScriptOptions::host_tag`), held weakly: the [`HookHandle`] the registration
    /// returned keeps each alive. A module keeps its own hook; a context's is in its realm.
    hooks: RefCell<FxHashMap<u64, WeakGc<HookCell>>>,
    next_tag: Cell<u64>,
    /// Whether main-context graphs get their namespaces at link time (see `instantiate`).
    eager_main_namespaces: Cell<bool>,
}

impl std::fmt::Debug for Modules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Modules")
            .field("modules", &self.by_boa.borrow().len())
            .finish()
    }
}

/// The `by_boa` key of a Boa module record: a hash of its address.
fn record_key(boa: &Module) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    boa.hash(&mut h);
    h.finish()
}

/// Drops the entries of freed modules.
fn prune(map: &mut FxHashMap<u64, Vec<WeakGc<ModuleInner>>>) {
    map.retain(|_, list| {
        list.retain(|w| w.upgrade().is_some());
        !list.is_empty()
    });
}

/// The engine a new module of `ctx` lives on: `ctx`'s own when it is running or free, else the
/// running engine (Boa keeps a module's names in the interner of the engine that parsed it).
fn home_for(current: Option<&Context>, ctx: &VmContext) -> VmContext {
    let running = current.and_then(vm_core::internal::engine_context);
    match running {
        Some(r) if r != *ctx && !vm_core::internal::engine_is_free(ctx) => r,
        _ => ctx.clone(),
    }
}

/// `module`'s namespace object, created (once) on its home engine and recorded.
fn namespace_on_home(
    current: Option<&mut Context>,
    module: &VmModule,
) -> Result<JsObject, ModuleError> {
    if let Some(ns) = module.inner.namespace.borrow().clone() {
        return Ok(ns);
    }
    isolate_of(module.context())?;
    let ns =
        vm_core::internal::with_engine_of(current, &module.inner.home, module.context(), |cx| {
            module.inner.boa.namespace(cx)
        })?;
    *module.inner.namespace.borrow_mut() = Some(ns.clone());
    Ok(ns)
}

fn isolate_of(ctx: &VmContext) -> Result<Isolate, ModuleError> {
    ctx.isolate()
        .ok_or_else(|| ModuleError::Vm(VmError::Init("the isolate is gone".into())))
}

fn thrown(e: boa_engine::JsError, cx: &mut Context) -> ModuleError {
    ModuleError::Vm(Isolate::convert_error(e, cx))
}

impl Modules {
    /// Creates the registry and installs it as `iso`'s module host.
    pub fn install(iso: &Isolate) -> Rc<Modules> {
        let modules = Rc::new(Modules {
            main: iso.main_context(),
            by_boa: RefCell::default(),
            loading: Cell::new(false),
            hooks: RefCell::default(),
            next_tag: Cell::new(1),
            eager_main_namespaces: Cell::new(false),
        });
        vm_core::internal::set_module_host(iso, Some(modules.clone()));
        modules
    }

    /// Registers an `importModuleDynamically` hook; compile the referrer with the returned tag
    /// as its `ScriptOptions::host_tag` (scripts, compiled functions) so `import()` finds it.
    ///
    /// The registry holds the hook weakly: keep the returned handle as long as the script or
    /// function it serves (in a traced field when that lives on Boa's heap).
    pub fn register_dynamic_hook(&self, hook: DynamicImportHook) -> HookHandle {
        let tag = self.next_tag.get();
        self.next_tag.set(tag + 1);
        let cell = Gc::new(HookCell(hook));
        let mut hooks = self.hooks.borrow_mut();
        if hooks.len() >= 64 && hooks.len().is_power_of_two() {
            hooks.retain(|_, w| w.is_upgradable());
        }
        hooks.insert(tag, WeakGc::new(&cell));
        HookHandle { cell, tag }
    }

    /// Keeps `hook` alive as long as `context`: code compiled with its tag that runs there can
    /// call `import()` after the script or function object itself is gone (from a promise
    /// job, a timer, a closure). Boa 0.22's compiled scripts have no mutable host-defined slot
    /// to hold it, so the realm does.
    pub fn pin_hook(&self, context: &VmContext, hook: &HookHandle) {
        let realm = context.realm();
        if !realm.host_defined().has::<PinnedHooks>() {
            realm.host_defined_mut().insert(PinnedHooks::default());
        }
        let data = realm.host_defined();
        if let Some(p) = data.get::<PinnedHooks>() {
            let mut list = p.0.borrow_mut();
            if !list.iter().any(|h| h.tag == hook.tag) {
                list.push(hook.clone());
            }
        }
    }

    /// The hook registered under `tag`, while its handle lives.
    pub(crate) fn tagged_hook(&self, tag: u64) -> Option<DynamicImportHook> {
        let cell = self.hooks.borrow().get(&tag)?.upgrade()?;
        Some(cell.0.clone())
    }

    /// Sets the hook `import()` uses in `context` when the referrer is the realm itself. It is
    /// kept in the context's realm, so it lives as long as the context.
    pub fn set_context_hook(&self, context: &VmContext, hook: Option<DynamicImportHook>) {
        let mut data = context.realm().host_defined_mut();
        match hook {
            Some(h) => {
                data.insert(ContextHook(h));
            }
            None => {
                data.remove::<ContextHook>();
            }
        }
    }

    /// The hook set with [`Modules::set_context_hook`].
    pub(crate) fn context_hook(context: &VmContext) -> Option<DynamicImportHook> {
        let data = context.realm().host_defined();
        data.get::<ContextHook>().map(|h| h.0.clone())
    }

    fn next_identifier(&self, ctx: &VmContext) -> String {
        let realm = ctx.realm();
        if !realm.host_defined().has::<ModuleCounter>() {
            realm.host_defined_mut().insert(ModuleCounter(Cell::new(0)));
        }
        let data = realm.host_defined();
        let n = data
            .get::<ModuleCounter>()
            .map_or(0, |c| c.0.replace(c.0.get() + 1));
        format!("vm:module({n})")
    }

    fn register(&self, inner: ModuleInner) -> VmModule {
        let m = VmModule {
            inner: Gc::new(inner),
        };
        if m.inner.dynamic_hook.is_some() {
            pin_to_realm(&m);
        }
        let mut map = self.by_boa.borrow_mut();
        if map.len() >= 64 && map.len().is_power_of_two() {
            prune(&mut map);
        }
        map.entry(record_key(&m.inner.boa))
            .or_default()
            .push(WeakGc::new(&m.inner));
        m
    }

    /// Forgets the registry entries of modules the garbage collector freed (also done as the
    /// registry grows).
    pub fn reap(&self) {
        prune(&mut self.by_boa.borrow_mut());
    }

    /// Number of modules still alive (created and not yet freed by the garbage collector).
    pub fn live_modules(&self) -> usize {
        let mut map = self.by_boa.borrow_mut();
        prune(&mut map);
        map.values().map(Vec::len).sum()
    }

    /// The module whose Boa record is `boa`, while it lives.
    pub fn by_boa(&self, boa: &Module) -> Option<VmModule> {
        self.by_boa
            .borrow()
            .get(&record_key(boa))?
            .iter()
            .filter_map(WeakGc::upgrade)
            .find(|inner| inner.boa == *boa)
            .map(|inner| VmModule { inner })
    }

    /// `new vm.SourceTextModule(code, options)`.
    ///
    /// # Errors
    /// [`ModuleError::Vm`] with a thrown `SyntaxError` (of the module's context) for invalid
    /// source, or the engine failure.
    pub fn source_text<'a>(
        &self,
        on: impl Entry<'a>,
        code: &str,
        options: SourceTextOptions,
    ) -> Result<VmModule, ModuleError> {
        let current = vm_core::internal::current(on);
        let ctx = options.context.clone().unwrap_or_else(|| self.main.clone());
        let iso = isolate_of(&ctx)?;
        vm_core::internal::check_source_size(&iso, code)?;
        // Realm-free facts first (syntax errors, requests, top-level await): see requests.rs.
        let requests = match vm_core::with_native_stack(|| crate::requests::scan(code)) {
            Ok(r) => r,
            Err(message) => {
                let err = |cx: &mut Context| {
                    ModuleError::Vm(Isolate::convert_error(
                        JsNativeError::syntax().with_message(message).into(),
                        cx,
                    ))
                };
                return Err(match current {
                    Some(cx) => err(cx),
                    None => self.main.enter(&iso, err)?,
                });
            }
        };
        let identifier = options
            .identifier
            .clone()
            .unwrap_or_else(|| self.next_identifier(&ctx));
        let path = vm_core::internal::source_path(
            &iso,
            &ScriptOptions {
                filename: identifier.clone(),
                line_offset: options.line_offset,
                column_offset: options.column_offset,
                host_tag: 0,
            },
        );
        let realm = ctx.realm().clone();
        let home = home_for(current.as_deref(), &ctx);
        let boa = vm_core::internal::with_engine_of(current, &home, &ctx, |cx| {
            let src = Source::from_bytes(code.as_bytes()).with_path(Path::new(&path));
            Module::parse(src, Some(realm), cx).map_err(|e| thrown(e, cx))
        })??;
        Ok(self.register(ModuleInner {
            identifier,
            home,
            context: ctx,
            boa,
            kind: Kind::SourceText {
                source: code.to_owned(),
                specifiers: requests.specifiers.clone(),
                attributes: requests.attributes.clone(),
                has_top_level_await: requests.has_top_level_await,
            },
            status: Cell::new(ModuleStatus::Unlinked),
            error: GcRefCell::new(None),
            resolved: GcRefCell::default(),
            evaluation: GcRefCell::new(None),
            js_object: GcRefCell::new(None),
            import_meta: GcRefCell::new(None),
            namespace: GcRefCell::new(None),
            dynamic_hook: options.import_module_dynamically,
        }))
    }

    /// `new vm.SyntheticModule(exportNames, evaluateCallback, options)`.
    ///
    /// # Errors
    /// [`ModuleError::Vm`] when the engine fails to build the module.
    pub fn synthetic<'a>(
        &self,
        on: impl Entry<'a>,
        export_names: Vec<String>,
        evaluate: SyntheticEvaluate,
        options: SyntheticOptions,
    ) -> Result<VmModule, ModuleError> {
        let mut current = vm_core::internal::current(on);
        let ctx = options.context.clone().unwrap_or_else(|| self.main.clone());
        let iso = isolate_of(&ctx)?;
        let identifier = options
            .identifier
            .unwrap_or_else(|| self.next_identifier(&ctx));
        let src = wrapper_source(&export_names);
        let realm = ctx.realm().clone();
        let path = vm_core::internal::source_path(
            &iso,
            &ScriptOptions {
                filename: identifier.clone(),
                ..Default::default()
            },
        );
        let home = home_for(current.as_deref(), &ctx);
        let boa = vm_core::internal::with_engine_of(current.as_deref_mut(), &home, &ctx, |cx| {
            let source = Source::from_bytes(src.as_bytes()).with_path(Path::new(&path));
            Module::parse(source, Some(realm), cx).map_err(|e| thrown(e, cx))
        })??;
        let module = self.register(ModuleInner {
            identifier,
            home,
            context: ctx,
            boa,
            kind: Kind::Synthetic {
                export_names,
                setter: GcRefCell::new(None),
                slot: JsObject::with_null_proto(),
                evaluate,
            },
            status: Cell::new(ModuleStatus::Unlinked),
            error: GcRefCell::new(None),
            resolved: GcRefCell::default(),
            evaluation: GcRefCell::new(None),
            js_object: GcRefCell::new(None),
            import_meta: GcRefCell::new(None),
            namespace: GcRefCell::new(None),
            dynamic_hook: None,
        });
        // Newer Node (v22+): a synthetic module is linked on creation, so `setExport` works at
        // once and `evaluate()` needs no `link()`.
        self.instantiate_in(current, &module)?;
        Ok(module)
    }

    /// Whether graphs of the main context get their namespace objects when they are linked
    /// (default: no, on demand). A namespace must be created on the module's home engine; when
    /// JavaScript in the main context drives other contexts (the JS binding: promise jobs of
    /// other contexts run while main-context code is on the stack), the main engine is busy at
    /// the moment another context's `import()` receives a main-context module, and only an
    /// early namespace makes that work. The price, from Boa 0.22: a graph whose namespace
    /// exists is never freed, and neither is its realm, the main realm included once the
    /// isolate is dropped (≈ 0.8 MB per dropped isolate that linked a main-context module).
    pub fn set_eager_main_namespaces(&self, eager: bool) {
        self.eager_main_namespaces.set(eager);
    }

    /// Sets Node's `initializeImportMeta(meta, module)` callback for `module`.
    pub fn set_initialize_import_meta(&self, module: &VmModule, callback: Option<JsObject>) {
        if callback.is_some() {
            pin_to_realm(module);
        }
        *module.inner.import_meta.borrow_mut() = callback;
    }

    /// Records what the linker returned for `specifier` of `module` (`link()` in steps, for
    /// bindings whose linkers are asynchronous). Checks Node's same-context rule.
    ///
    /// # Errors
    /// [`ModuleError::DifferentContext`] when `dep` belongs to another context.
    pub fn set_resolved(
        &self,
        module: &VmModule,
        specifier: &str,
        dep: &VmModule,
    ) -> Result<(), ModuleError> {
        if dep.context() != module.context() {
            return Err(ModuleError::DifferentContext);
        }
        if dep.inner.home != module.inner.home {
            return Err(ModuleError::LinkFailure(format!(
                "request for '{specifier}' resolved to a module created while another context's code was running (modules of one graph must be created from the same engine)"
            )));
        }
        module
            .inner
            .resolved
            .borrow_mut()
            .insert(specifier.to_owned(), dep.clone());
        Ok(())
    }

    /// Marks `module` as linking (Node's status while linker promises are pending).
    ///
    /// # Errors
    /// [`ModuleError::AlreadyLinked`] when `module` is not unlinked.
    pub fn begin_linking(&self, module: &VmModule) -> Result<(), ModuleError> {
        if module.status() != ModuleStatus::Unlinked {
            return Err(ModuleError::AlreadyLinked);
        }
        module.set_status(ModuleStatus::Linking);
        Ok(())
    }

    /// Returns a module whose linking failed to `unlinked`, or records the error (Node 20
    /// reports `errored` after a failed `link()`).
    pub fn abort_linking(&self, module: &VmModule, error: Option<JsValue>) {
        for m in module.graph() {
            if m.status() == ModuleStatus::Linking {
                match &error {
                    Some(e) => m.fail(e.clone()),
                    None => m.set_status(ModuleStatus::Unlinked),
                }
            }
        }
    }

    /// `link(linker)` with an asynchronous linker: each request's future is driven to
    /// completion (promise jobs run in between, so a linker may await JS promises through
    /// `JsPromise::into_js_future`), then the graph is instantiated. A future that waits on
    /// anything else (timers, I/O) fails the link with `ERR_VM_MODULE_LINK_FAILURE`.
    ///
    /// # Errors
    /// As [`Modules::link`]; [`ModuleError::LinkFailure`] when a future waits on anything but
    /// promise jobs.
    pub fn link_async(
        &self,
        root: &VmModule,
        linker: &mut dyn FnMut(&str, &VmModule) -> LinkFuture,
    ) -> Result<(), ModuleError> {
        let iso = isolate_of(root.context())?;
        let drive = |mut fut: LinkFuture| -> Result<VmModule, ModuleError> {
            let mut task = std::task::Context::from_waker(std::task::Waker::noop());
            loop {
                if let std::task::Poll::Ready(r) = fut.as_mut().poll(&mut task) {
                    return r;
                }
                if !iso.has_pending_jobs() {
                    return Err(ModuleError::LinkFailure(
                        "the linker's future waits on something other than promise jobs".into(),
                    ));
                }
                vm_core::run_jobs(&iso)?;
            }
        };
        self.link_in(None, root, &mut |spec, referrer| {
            drive(linker(spec, referrer))
        })
    }

    /// `link(linker)` with a synchronous linker: resolves every request of the graph, then
    /// instantiates it.
    ///
    /// # Errors
    /// [`ModuleError::AlreadyLinked`] / [`ModuleError::Status`] when `root` is not unlinked;
    /// what the linker returns; [`ModuleError::DifferentContext`] for a module of another
    /// context; [`ModuleError::Vm`] when instantiation throws.
    pub fn link<'a>(
        &self,
        on: impl Entry<'a>,
        root: &VmModule,
        linker: &mut dyn FnMut(&str, &VmModule) -> Result<VmModule, ModuleError>,
    ) -> Result<(), ModuleError> {
        self.link_in(vm_core::internal::current(on), root, linker)
    }

    fn link_in(
        &self,
        current: Option<&mut Context>,
        root: &VmModule,
        linker: &mut dyn FnMut(&str, &VmModule) -> Result<VmModule, ModuleError>,
    ) -> Result<(), ModuleError> {
        self.begin_linking(root)?;
        let mut work = vec![root.clone()];
        while let Some(m) = work.pop() {
            for spec in m.dependency_specifiers().to_vec() {
                let dep = match linker(&spec, &m)
                    .and_then(|d| self.set_resolved(&m, &spec, &d).map(|()| d))
                {
                    Ok(d) => d,
                    Err(e) => {
                        self.abort_linking(root, None);
                        return Err(e);
                    }
                };
                if dep.status() == ModuleStatus::Unlinked {
                    dep.set_status(ModuleStatus::Linking);
                    work.push(dep);
                }
            }
        }
        self.instantiate_in(current, root)
    }

    /// Instantiates a graph whose requests are all resolved (`linking → linked`).
    ///
    /// # Errors
    /// [`ModuleError::LinkFailure`] for an unresolved request; [`ModuleError::Vm`] when the
    /// engine's linking throws (e.g. a missing export).
    pub fn instantiate<'a>(&self, on: impl Entry<'a>, root: &VmModule) -> Result<(), ModuleError> {
        self.instantiate_in(vm_core::internal::current(on), root)
    }

    fn instantiate_in(
        &self,
        current: Option<&mut Context>,
        root: &VmModule,
    ) -> Result<(), ModuleError> {
        let graph = root.graph();
        for m in &graph {
            for spec in m.dependency_specifiers() {
                if m.resolved(spec).is_none() {
                    self.abort_linking(root, None);
                    return Err(ModuleError::LinkFailure(format!(
                        "request for '{spec}' is not resolved"
                    )));
                }
            }
        }
        let ctx = root.context().clone();
        let iso = isolate_of(&ctx)?;
        let home = root.inner.home.clone();
        let result = vm_core::internal::with_engine_of(
            current,
            &home,
            &ctx,
            |cx| -> Result<(), ModuleError> {
                self.loading.set(true);
                let loaded =
                    vm_core::internal::load_module_graph(&iso, cx, |cx| root.inner.boa.load(cx));
                self.loading.set(false);
                let promise = loaded?;
                match promise.state() {
                    PromiseState::Fulfilled(_) => {}
                    PromiseState::Rejected(e) => return Err(ModuleError::Vm(VmError::Thrown(e))),
                    PromiseState::Pending => {
                        return Err(ModuleError::LinkFailure(
                            "module loading did not complete".into(),
                        ))
                    }
                }
                root.inner.boa.link(cx).map_err(|e| thrown(e, cx))?;
                // Boa resolves export names through the parsing engine's interner (another engine
                // panics, "string disappeared"), so a namespace must be created on the module's
                // home engine; and a Boa 0.22 namespace object keeps its whole graph and realm
                // alive forever. So namespaces are made on demand (`namespace_on_home`), unless
                // `set_eager_main_namespaces` asked for main-context graphs to get theirs now.
                if home.is_main() && self.eager_main_namespaces.get() {
                    for m in &graph {
                        let ns = m.inner.boa.namespace(cx);
                        *m.inner.namespace.borrow_mut() = Some(ns);
                    }
                }
                for m in &graph {
                    if matches!(m.status(), ModuleStatus::Linking | ModuleStatus::Unlinked) {
                        m.set_status(ModuleStatus::Linked);
                    }
                }
                // Synthetic wrappers run now, handing over their export setters.
                for m in &graph {
                    if let Kind::Synthetic { setter, slot, .. } = &m.inner.kind {
                        if setter.borrow().is_none() {
                            let p = m.inner.boa.evaluate(cx).map_err(|e| thrown(e, cx))?;
                            if let PromiseState::Rejected(e) = p.state() {
                                return Err(ModuleError::Vm(VmError::Thrown(e)));
                            }
                            let f = slot
                                .get(js_string!("setter"), cx)
                                .map_err(|e| thrown(e, cx))?;
                            *setter.borrow_mut() = f.as_object();
                        }
                    }
                }
                Ok(())
            },
        );
        let result = result.map_err(ModuleError::Vm).and_then(|r| r);
        if let Err(e) = &result {
            let error = match e {
                ModuleError::Vm(VmError::Thrown(v)) => Some(v.clone()),
                _ => None,
            };
            self.abort_linking(root, error);
        }
        result
    }

    /// `module.status` (see [`VmModule::status`]).
    pub fn status(&self, module: &VmModule) -> ModuleStatus {
        module.status()
    }

    /// `module.namespace` (after linking).
    ///
    /// # Errors
    /// [`ModuleError::Status`] before linking.
    pub fn namespace<'a>(
        &self,
        on: impl Entry<'a>,
        module: &VmModule,
    ) -> Result<JsObject, ModuleError> {
        let current = vm_core::internal::current(on);
        if matches!(
            self.status(module),
            ModuleStatus::Unlinked | ModuleStatus::Linking
        ) {
            return Err(ModuleError::Status(StatusError::Unlinked));
        }
        namespace_on_home(current, module)
    }

    /// `syntheticModule.setExport(name, value)`: any time after linking.
    ///
    /// # Errors
    /// [`ModuleError::Status`] for a module that is not synthetic or not linked yet;
    /// [`ModuleError::NoExport`] for an undeclared name; [`ModuleError::Vm`] when setting throws.
    pub fn set_export(
        &self,
        cx: &mut Context,
        module: &VmModule,
        name: &str,
        value: JsValue,
    ) -> Result<(), ModuleError> {
        let Kind::Synthetic { setter, .. } = &module.inner.kind else {
            return Err(ModuleError::Status(StatusError::NotSynthetic));
        };
        if matches!(
            self.status(module),
            ModuleStatus::Unlinked | ModuleStatus::Linking
        ) {
            return Err(ModuleError::Status(StatusError::SetExportBeforeLink));
        }
        let index = module
            .export_index(name)
            .ok_or_else(|| ModuleError::NoExport(name.to_owned()))?;
        let f = setter
            .borrow()
            .clone()
            .ok_or_else(|| ModuleError::Status(StatusError::SetExportBeforeLink))?;
        f.call(&JsValue::undefined(), &[(index as u32).into(), value], cx)
            .map_err(|e| thrown(e, cx))?;
        Ok(())
    }
}
