//! The isolate: engines, the context registry, and the single entry point every run goes
//! through ([`IsolateInner::enter`]).
use std::{
    cell::{Cell, RefCell},
    rc::{Rc, Weak},
};

use boa_engine::{object::builtins::JsPromise, Context};
use rustc_hash::FxHashMap;

use crate::{
    context::{ContextRecord, VmContext},
    engine::{build_engine, EngineTag, IsolateClock, Shared},
    error::VmError,
    executor::Executor,
    global_proxy::{install_traps, new_global},
    hooks::{realm_context_id, Hooks, RealmInfo},
    options::ContextOptions,
    sandbox::Sandbox,
    workarounds,
};

/// How deep runs may nest across engines (each level costs native stack; Boa's own recursion
/// limit only counts the frames of one engine).
pub(crate) const MAX_NESTING: u32 = 400;

/// Default source size limit: Boa's parser and compiler need far more memory than the source
/// (and time superlinear in it: a 5 MB function took ~8 s), so very large sources are refused
/// with an error rather than risk an out-of-memory abort.
pub const DEFAULT_MAX_SOURCE_BYTES: usize = 16 << 20;

pub(crate) struct IsolateInner {
    pub(crate) shared: Shared,
    pub(crate) main: Rc<ContextRecord>,
    records: RefCell<FxHashMap<usize, Weak<ContextRecord>>>,
    next_id: Cell<usize>,
    depth: Cell<u32>,
    pub(crate) self_weak: Weak<IsolateInner>,
    pub(crate) interrupt: crate::interrupt::InterruptHandle,
    /// Route every run through the stoppable path (so the interrupt handle works).
    pub(crate) interruptible: Cell<bool>,
    /// Polled at the same points as the interrupt handle; `true` stops the run.
    pub(crate) interrupt_callback: RefCell<Option<Rc<dyn Fn() -> bool>>>,
    /// Deadlines of the timed runs in progress (outermost first): a nested run also stops at
    /// an enclosing run's deadline, as V8's termination is isolate-wide.
    pub(crate) deadlines: RefCell<Vec<(std::time::Instant, std::time::Duration)>>,
    /// The largest source accepted for compilation (bytes).
    pub(crate) max_source_bytes: Cell<usize>,
    /// Set when a panic unwound through a run: every later call fails with it.
    pub(crate) broken: RefCell<Option<String>>,
    /// Scripts compiled before, by source and options (see `code_cache`).
    pub(crate) compile_cache: RefCell<crate::code_cache::CompileCache>,
    /// Resolves module requests (vm-modules); `None`: `import()` rejects like Node.
    pub(crate) module_host: RefCell<Option<Rc<dyn crate::loader::ModuleHost>>>,
    /// Run when the isolate is dropped (see [`Isolate::on_drop`]).
    teardown: RefCell<Vec<Box<dyn FnOnce()>>>,
    /// Scripts with compiled forms: a script held inside the engine's heap (a binding's
    /// handle) roots its realms through them, so the isolate releases them when it goes.
    scripts: RefCell<Vec<Weak<crate::script::ScriptInner>>>,
}

impl IsolateInner {
    pub(crate) fn track_script(&self, script: Weak<crate::script::ScriptInner>) {
        let mut list = self.scripts.borrow_mut();
        if list.len() >= 64 && list.len().is_power_of_two() {
            list.retain(|w| w.strong_count() > 0);
        }
        list.push(script);
    }
}

impl Drop for IsolateInner {
    fn drop(&mut self) {
        for f in self.teardown.take() {
            f();
        }
        for script in self.scripts.take().iter().filter_map(Weak::upgrade) {
            crate::script::Script::release_compiled(&script);
        }
    }
}

/// One Boa engine family on one thread: the main context, every vm context created from it,
/// one promise-job queue and one clock. See the crate docs for the threading model.
#[derive(Clone)]
pub struct Isolate {
    pub(crate) inner: Rc<IsolateInner>,
}

impl std::fmt::Debug for Isolate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Isolate")
            .field("contexts", &self.inner.records.borrow().len())
            .finish()
    }
}

pub(crate) struct DepthGuard<'a>(&'a Cell<u32>);
impl Drop for DepthGuard<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get() - 1);
    }
}

/// Every run goes through here: enters the realm, runs `f`, and turns a panic into
/// [`VmError::Broken`], marking the isolate unusable (documented in the README).
fn in_realm<R>(
    cx: &mut Context,
    rec: &ContextRecord,
    f: impl FnOnce(&mut Context) -> Result<R, VmError>,
) -> Result<R, VmError> {
    let old = cx.enter_realm(rec.realm.clone());
    let r = crate::native_stack::guarded(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *cx)))
    });
    cx.enter_realm(old);
    match r {
        Ok(r) => r,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            if let Some(iso) = cx.get_data::<EngineTag>().and_then(|t| t.isolate.upgrade()) {
                *iso.broken.borrow_mut() = Some(message.clone());
            }
            Err(VmError::Broken(message))
        }
    }
}

/// The vm context id of the engine `cx`, if it belongs to an isolate.
pub(crate) fn engine_context_id(cx: &Context) -> Option<usize> {
    cx.get_data::<EngineTag>().map(|t| t.context_id)
}

/// Runs one queued promise or generic job of the shared queue; `false` when there was none.
pub(crate) fn run_one_job(cx: &mut Context) -> boa_engine::JsResult<bool> {
    let Some(iso) = cx.get_data::<EngineTag>().and_then(|t| t.isolate.upgrade()) else {
        return Ok(false);
    };
    let job = iso
        .shared
        .executor
        .pop_where(|realm| !realm.is_some_and(crate::hooks::realm_own_queue));
    let job = match job {
        Some(crate::executor::Queued::Async(a)) => {
            // Not this loop's to run: put it back and report no progress.
            iso.shared
                .executor
                .push_front(crate::executor::Queued::Async(a));
            return Ok(false);
        }
        Some(j) => j,
        None => return Ok(false),
    };
    iso.run_job(Some(cx), job).map_err(|e| match e {
        VmError::Thrown(v) => boa_engine::JsError::from_opaque(v),
        other => boa_engine::JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    })?;
    Ok(true)
}

/// Runs every queued job; called when an engine's `run_jobs` is invoked.
pub(crate) fn drain_jobs_from_engine(cx: &mut Context) -> boa_engine::JsResult<()> {
    let Some(iso) = cx.get_data::<EngineTag>().and_then(|t| t.isolate.upgrade()) else {
        return Ok(());
    };
    iso.drain_jobs(Some(cx), None).map_err(|e| match e {
        VmError::Thrown(v) => boa_engine::JsError::from_opaque(v),
        other => boa_engine::JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    })
}

impl IsolateInner {
    pub(crate) fn record(&self, id: usize) -> Option<Rc<ContextRecord>> {
        if id == 0 {
            return Some(self.main.clone());
        }
        self.records.borrow().get(&id).and_then(Weak::upgrade)
    }

    pub(crate) fn handle(&self, rec: Rc<ContextRecord>) -> VmContext {
        VmContext {
            rec,
            iso: self.self_weak.clone(),
        }
    }

    /// Runs `f` on an engine that may execute code of `rec`'s realm, inside that realm.
    ///
    /// The realm's own engine is used whenever it is not already running further up the
    /// stack: objects an engine shapes pin the realms of their prototypes for the engine's
    /// lifetime, so running a context's code on its own engine keeps dropped contexts
    /// collectable. Otherwise the running engine `current` is used.
    pub(crate) fn enter<R>(
        &self,
        current: Option<&mut Context>,
        rec: &Rc<ContextRecord>,
        f: impl FnOnce(&mut Context) -> Result<R, VmError>,
    ) -> Result<R, VmError> {
        self.enter_with(current, rec, false, f)
    }

    /// Counts one more level of nested runs, refusing past [`MAX_NESTING`].
    pub(crate) fn nest(&self) -> Result<DepthGuard<'_>, VmError> {
        if let Some(message) = self.broken.borrow().clone() {
            return Err(VmError::Broken(message));
        }
        let depth = self.depth.get();
        if depth >= MAX_NESTING {
            return Err(VmError::NestingLimit(MAX_NESTING));
        }
        self.depth.set(depth + 1);
        Ok(DepthGuard(&self.depth))
    }

    /// Runs one job on the engine of its realm's context (the main context when it has none).
    pub(crate) fn run_job(
        &self,
        current: Option<&mut Context>,
        job: crate::executor::Queued,
    ) -> Result<(), VmError> {
        let rec = job
            .realm()
            .and_then(realm_context_id)
            .and_then(|id| self.record(id))
            .unwrap_or_else(|| self.main.clone());
        self.enter(current, &rec, |cx| {
            job.call(cx)
                .map(|_| ())
                .map_err(|e| workarounds::convert_error(e, cx))
        })
    }

    /// [`IsolateInner::enter`]; with `own_engine_only`, refuses (`EngineBusy`) rather than
    /// fall back to the running engine.
    pub(crate) fn enter_with<R>(
        &self,
        current: Option<&mut Context>,
        rec: &Rc<ContextRecord>,
        own_engine_only: bool,
        f: impl FnOnce(&mut Context) -> Result<R, VmError>,
    ) -> Result<R, VmError> {
        let _guard = self.nest()?;
        let rec = rec.clone();
        if let Some(cx) = current {
            if engine_context_id(cx) == Some(rec.id) {
                return in_realm(cx, &rec, f);
            }
            if let Ok(mut engine) = rec.engine.try_borrow_mut() {
                self.heal(&rec, &mut engine)?;
                return in_realm(&mut engine, &rec, f);
            }
            if own_engine_only {
                return Err(VmError::EngineBusy(rec.id));
            }
            return in_realm(cx, &rec, f);
        }
        let mut engine = rec
            .engine
            .try_borrow_mut()
            .map_err(|_| VmError::EngineBusy(rec.id))?;
        self.heal(&rec, &mut engine)?;
        in_realm(&mut engine, &rec, f)
    }

    /// Heals `rec`'s engine now if it is free, so the cost is not charged to a run's timeout.
    pub(crate) fn heal_if_free(&self, rec: &ContextRecord) -> Result<(), VmError> {
        if rec.poisoned.get() {
            if let Ok(mut engine) = rec.engine.try_borrow_mut() {
                self.heal(rec, &mut engine)?;
            }
        }
        Ok(())
    }

    /// Replaces an engine that holds an abandoned evaluation (see `enter_stoppable`).
    pub(crate) fn heal(&self, rec: &ContextRecord, engine: &mut Context) -> Result<(), VmError> {
        if rec.poisoned.get() {
            // Limit: symbols of code parsed on the old engine (module records) live in its
            // interner, so the replacement takes it over.
            let interner = std::mem::take(engine.interner_mut());
            *engine = self.fresh_engine_with(rec, Some(interner))?;
            rec.poisoned.set(false);
        }
        Ok(())
    }

    /// Like [`IsolateInner::enter`], for runs that may be stopped: the engine they run on must
    /// be disposable. The realm's own engine is used when free and replaced by a fresh one if
    /// the run was stopped; otherwise (it is running further up the stack) a fresh temporary
    /// engine runs the code and is dropped afterwards.
    pub(crate) fn enter_stoppable<R>(
        &self,
        rec: &Rc<ContextRecord>,
        f: impl FnOnce(&mut Context) -> Result<R, VmError>,
    ) -> Result<R, VmError> {
        let _guard = self.nest()?;
        let rec = rec.clone();
        if let Ok(mut engine) = rec.engine.try_borrow_mut() {
            self.heal(&rec, &mut engine)?;
            let r = in_realm(&mut engine, &rec, f);
            if r.as_ref().err().is_some_and(VmError::is_stop) {
                // Replaced on next use, so the stop itself returns at once.
                rec.poisoned.set(true);
            }
            return r;
        }
        let mut temp = self.fresh_engine(&rec)?;
        in_realm(&mut temp, &rec, f)
    }

    /// A new engine for `rec`'s realm (which outlives engines): same shared hooks, queue and
    /// clock, its parser ids advanced past every id used for the realm so far.
    pub(crate) fn fresh_engine(&self, rec: &ContextRecord) -> Result<Context, VmError> {
        self.fresh_engine_with(rec, None)
    }

    fn fresh_engine_with(
        &self,
        rec: &ContextRecord,
        interner: Option<boa_engine::interner::Interner>,
    ) -> Result<Context, VmError> {
        let mut engine = crate::engine::build_engine_with(&self.shared, None, interner)
            .map_err(|e| VmError::Init(e.to_string()))?;
        engine.insert_data(EngineTag::new(rec.id, self.self_weak.clone()));
        workarounds::advance_parser_ids(&mut engine, &rec.realm)
            .map_err(|e| VmError::Init(e.to_string()))?;
        Ok(engine)
    }

    /// Runs queued jobs until the queue is empty. With `only`, runs just the jobs of that
    /// context (microtaskMode 'afterEvaluate') and leaves the others queued.
    pub(crate) fn drain_async_jobs(&self, cx: &mut Context) -> Result<(), VmError> {
        while let Some(job) = self.shared.executor.pop_async() {
            job.call(cx)
                .map_err(|e| workarounds::convert_error(e, cx))?;
        }
        Ok(())
    }

    pub(crate) fn drain_jobs(
        &self,
        current: Option<&mut Context>,
        only: Option<usize>,
    ) -> Result<(), VmError> {
        self.drain_jobs_watched(current, only, None)
    }

    /// [`IsolateInner::drain_jobs`], checking `watch` between jobs (a job itself runs to
    /// completion: jobs are called from native code, which the budget cannot interrupt).
    pub(crate) fn drain_jobs_watched(
        &self,
        mut current: Option<&mut Context>,
        only: Option<usize>,
        watch: Option<&crate::interrupt::Watch<'_>>,
    ) -> Result<(), VmError> {
        loop {
            if let Some(stop) = watch.and_then(crate::interrupt::Watch::should_stop) {
                return Err(stop.into());
            }
            let job = match only {
                None => self
                    .shared
                    .executor
                    .pop_where(|realm| !realm.is_some_and(crate::hooks::realm_own_queue)),
                Some(id) => self
                    .shared
                    .executor
                    .pop_where(|realm| realm.and_then(realm_context_id) == Some(id)),
            };
            let Some(job) = job else { return Ok(()) };
            self.run_job(current.as_deref_mut(), job)?;
        }
    }

    pub(crate) fn create_context(
        &self,
        current: Option<&mut Context>,
        sandbox: Sandbox,
        options: ContextOptions,
        weak: bool,
    ) -> Result<VmContext, VmError> {
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let init = |e: boa_engine::JsError| VmError::Init(e.to_string());
        let contextified = !matches!(sandbox, Sandbox::None);
        let proxy = if contextified {
            Some(
                match current {
                    Some(cx) => new_global(cx),
                    None => {
                        let mut main = self
                            .main
                            .engine
                            .try_borrow_mut()
                            .map_err(|_| VmError::EngineBusy(0))?;
                        new_global(&mut main)
                    }
                }
                .map_err(init)?,
            )
        } else {
            None
        };
        let mut engine =
            build_engine(&self.shared, proxy.as_ref().map(|p| p.0.clone())).map_err(init)?;
        let realm = engine.realm().clone();
        realm.host_defined_mut().insert(RealmInfo::new(
            id,
            options.code_generation.strings,
            options.microtask_mode == crate::options::MicrotaskMode::AfterEvaluate,
        ));
        engine.insert_data(EngineTag::new(id, self.self_weak.clone()));
        let (global, state) = match proxy {
            Some((proxy, target, handler)) => {
                target.set_prototype(Some(
                    engine.intrinsics().constructors().object().prototype(),
                ));
                let state = install_traps(&realm, &mut engine, &handler, &target, &sandbox, weak)
                    .map_err(init)?;
                (proxy, Some(state))
            }
            None => (engine.global_object(), None),
        };
        workarounds::patch_realm(&mut engine).map_err(init)?;
        let rec = Rc::new(ContextRecord {
            id,
            engine: RefCell::new(engine),
            realm,
            global,
            state,
            sandbox: if weak && contextified {
                None
            } else {
                Some(sandbox)
            },
            name: options.name.unwrap_or_else(|| format!("VM Context {id}")),
            origin: options.origin,
            code_generation: options.code_generation,
            microtask_mode: options.microtask_mode,
            poisoned: Cell::new(false),
        });
        let mut records = self.records.borrow_mut();
        if records.len() > 64 && records.len().is_power_of_two() {
            records.retain(|_, w| w.strong_count() > 0);
        }
        records.insert(id, Rc::downgrade(&rec));
        drop(records);
        Ok(self.handle(rec))
    }
}

impl Isolate {
    /// Creates an isolate with its main context.
    pub fn new() -> Result<Self, VmError> {
        let shared = Shared {
            hooks: Rc::new(Hooks::default()),
            executor: Rc::new(Executor::default()),
            clock: Rc::new(IsolateClock::new()),
            positions: Default::default(),
        };
        let mut engine = build_engine(&shared, None).map_err(|e| VmError::Init(e.to_string()))?;
        let realm = engine.realm().clone();
        realm
            .host_defined_mut()
            .insert(RealmInfo::new(0, true, false));
        workarounds::patch_realm(&mut engine).map_err(|e| VmError::Init(e.to_string()))?;
        let global = engine.global_object();
        let inner = Rc::new_cyclic(|weak: &Weak<IsolateInner>| {
            engine.insert_data(EngineTag::new(0, weak.clone()));
            IsolateInner {
                shared,
                main: Rc::new(ContextRecord {
                    id: 0,
                    engine: RefCell::new(engine),
                    realm,
                    global,
                    state: None,
                    sandbox: None,
                    name: "main".to_owned(),
                    origin: None,
                    code_generation: Default::default(),
                    microtask_mode: Default::default(),
                    poisoned: Cell::new(false),
                }),
                records: RefCell::default(),
                next_id: Cell::new(1),
                depth: Cell::new(0),
                self_weak: weak.clone(),
                interrupt: Default::default(),
                interruptible: Cell::new(false),
                interrupt_callback: RefCell::new(None),
                deadlines: RefCell::new(Vec::new()),
                module_host: RefCell::new(None),
                teardown: RefCell::default(),
                scripts: RefCell::default(),
                compile_cache: RefCell::default(),
                broken: RefCell::new(None),
                max_source_bytes: Cell::new(DEFAULT_MAX_SOURCE_BYTES),
            }
        });
        Ok(Self { inner })
    }

    /// The isolate that owns the running engine `cx`, with the vm context whose realm is
    /// active in it. For host functions called from JavaScript.
    pub fn from_engine(cx: &Context) -> Option<(Isolate, VmContext)> {
        let tag = cx.get_data::<EngineTag>()?;
        let inner = tag.isolate.upgrade()?;
        let id = realm_context_id(cx.realm()).unwrap_or(tag.context_id);
        let rec = inner.record(id)?;
        let ctx = inner.handle(rec);
        Some((Isolate { inner }, ctx))
    }

    /// The main ("this") context: the realm `vm.runInThisContext` uses.
    pub fn main_context(&self) -> VmContext {
        self.inner.handle(self.inner.main.clone())
    }

    /// The vm context that owns `realm`, if it is one of this isolate's.
    pub fn context_for_realm(&self, realm: &boa_engine::realm::Realm) -> Option<VmContext> {
        realm_context_id(realm).and_then(|id| self.context(id))
    }

    /// The live context with this id, if any.
    pub fn context(&self, id: usize) -> Option<VmContext> {
        self.inner.record(id).map(|r| self.inner.handle(r))
    }

    /// `vm.createContext(sandbox, options)`: a new realm whose global forwards to `sandbox`.
    pub fn create_context(
        &self,
        sandbox: Sandbox,
        options: ContextOptions,
    ) -> Result<VmContext, VmError> {
        self.inner.create_context(None, sandbox, options, false)
    }

    /// [`Isolate::create_context`] from inside a host function running on `cx`.
    ///
    /// With `weak_sandbox`, the context holds its (object) sandbox weakly: once nothing else
    /// references the sandbox it can be collected, and the context's globals then read as the
    /// realm's builtins only. Bindings that tie a context's lifetime to its sandbox, as Node
    /// does, use this together with a finalizer on the sandbox.
    pub fn create_context_from(
        &self,
        cx: &mut Context,
        sandbox: Sandbox,
        options: ContextOptions,
        weak_sandbox: bool,
    ) -> Result<VmContext, VmError> {
        self.inner
            .create_context(Some(cx), sandbox, options, weak_sandbox)
    }

    /// Runs `f` with an engine positioned in `ctx`'s realm (for embedders that want to call
    /// Boa APIs directly, e.g. to create objects of that realm).
    pub fn with_context<R>(
        &self,
        current: Option<&mut Context>,
        ctx: &VmContext,
        f: impl FnOnce(&mut Context) -> R,
    ) -> Result<R, VmError> {
        self.inner.enter(current, &ctx.rec, |cx| Ok(f(cx)))
    }

    /// A handle that stops the running code from any thread (see [`crate::InterruptHandle`]). It takes
    /// effect in runs with a timeout, with `breakOnSigint`, or all runs once
    /// [`Isolate::set_interruptible`] is on.
    pub fn interrupt_handle(&self) -> crate::InterruptHandle {
        self.inner.interrupt.clone()
    }

    /// Routes every run through the stoppable (budgeted) path, so the interrupt handle and the
    /// interrupt callback work without a timeout. Runs are 1.1–1.7× slower on that path.
    pub fn set_interruptible(&self, on: bool) {
        self.inner.interruptible.set(on);
    }

    /// A callback polled wherever the interrupt handle is (QuickJS-style interrupt handler);
    /// returning `true` stops the run with [`VmError::Interrupted`].
    pub fn set_interrupt_callback(&self, callback: Option<Rc<dyn Fn() -> bool>>) {
        *self.inner.interrupt_callback.borrow_mut() = callback;
    }

    /// Registers `f` to run when the isolate is dropped (the last [`Isolate`] handle goes).
    ///
    /// For hosts that keep contexts or modules inside objects of the engine's heap (vm-node's
    /// binding): such an object and the contexts it holds root each other, so only an explicit
    /// release frees them when the isolate goes away.
    pub fn on_drop(&self, f: impl FnOnce() + 'static) {
        self.inner.teardown.borrow_mut().push(Box::new(f));
    }

    /// Installs what resolves static imports and `import()` (see [`crate::ModuleHost`]).
    pub fn set_module_host(&self, host: Option<Rc<dyn crate::loader::ModuleHost>>) {
        *self.inner.module_host.borrow_mut() = host;
    }

    /// Runs only the host's async jobs (module loading) until none is left, leaving promise
    /// jobs queued: module loading completes without running user code.
    pub fn run_loader_jobs_from(&self, cx: &mut Context) -> Result<(), VmError> {
        self.inner.drain_async_jobs(cx)
    }

    /// Runs `f` in `realm_ctx`'s realm on the engine of `engine_ctx` (the running engine when it
    /// is that one, else that engine if free; `EngineBusy` otherwise). For engine-bound state
    /// such as module records, which must stay on the engine that parsed them.
    pub fn with_engine_of<R>(
        &self,
        current: Option<&mut Context>,
        engine_ctx: &VmContext,
        realm_ctx: &VmContext,
        f: impl FnOnce(&mut Context) -> R,
    ) -> Result<R, VmError> {
        let _guard = self.inner.nest()?;
        let (engine_rec, realm_rec) = (&engine_ctx.rec, &realm_ctx.rec);
        if let Some(cx) = current {
            if engine_context_id(cx) == Some(engine_rec.id) {
                return in_realm(cx, realm_rec, |cx| Ok(f(cx)));
            }
        }
        let mut engine = engine_rec
            .engine
            .try_borrow_mut()
            .map_err(|_| VmError::EngineBusy(engine_rec.id))?;
        self.inner.heal(engine_rec, &mut engine)?;
        in_realm(&mut engine, realm_rec, |cx| Ok(f(cx)))
    }

    /// The context whose engine `cx` is (not the realm active in it: see
    /// [`Isolate::from_engine`]).
    pub fn engine_context(cx: &Context) -> Option<VmContext> {
        let tag = cx.get_data::<EngineTag>()?;
        let inner = tag.isolate.upgrade()?;
        let rec = inner.record(tag.context_id)?;
        Some(inner.handle(rec))
    }

    /// Like [`Isolate::with_context`], but only on `ctx`'s own engine (the running one, or
    /// its own when free): for engine state that must not cross engines, such as module
    /// records, whose names live in the parsing engine's interner. `EngineBusy` otherwise.
    pub fn with_own_engine<R>(
        &self,
        current: Option<&mut Context>,
        ctx: &VmContext,
        f: impl FnOnce(&mut Context) -> R,
    ) -> Result<R, VmError> {
        self.inner
            .enter_with(current, &ctx.rec, true, |cx| Ok(f(cx)))
    }

    /// For host functions: fails with Boa's uncatchable loop-limit error once the deadline of a
    /// timed run in progress has passed, which the run then reports as its timeout. Host calls
    /// thereby become stop points for code Boa cannot interrupt (loops inside native callbacks
    /// or module bodies that call into the host).
    pub fn check_deadline(cx: &Context) -> boa_engine::JsResult<()> {
        let Some(iso) = cx.get_data::<EngineTag>().and_then(|t| t.isolate.upgrade()) else {
            return Ok(());
        };
        let expired = iso
            .deadlines
            .borrow()
            .iter()
            .any(|(at, _)| std::time::Instant::now() >= *at);
        if expired {
            return Err(boa_engine::error::EngineError::RuntimeLimit(
                boa_engine::error::RuntimeLimitError::LoopIteration,
            )
            .into());
        }
        Ok(())
    }

    /// Sets the largest source (in bytes) scripts, functions and modules may have
    /// (default [`DEFAULT_MAX_SOURCE_BYTES`]); larger ones fail with `VmError::SourceTooLarge`.
    pub fn set_max_source_bytes(&self, limit: usize) {
        self.inner.max_source_bytes.set(limit);
    }

    /// Fails with `VmError::SourceTooLarge` when `code` exceeds the limit.
    pub fn check_source_size(&self, code: &str) -> Result<(), VmError> {
        let limit = self.inner.max_source_bytes.get();
        if code.len() > limit {
            return Err(VmError::SourceTooLarge {
                size: code.len(),
                limit,
            });
        }
        crate::source_depth::check(code)?;
        Ok(())
    }

    /// Runs every queued promise job (microtask) to completion.
    pub fn run_jobs(&self) -> Result<(), VmError> {
        self.inner.drain_jobs(None, None)
    }

    /// [`Isolate::run_jobs`] from inside a host function running on `cx`.
    pub fn run_jobs_from(&self, cx: &mut Context) -> Result<(), VmError> {
        self.inner.drain_jobs(Some(cx), None)
    }

    /// Runs the jobs queued for `ctx` when it has microtaskMode 'afterEvaluate' (its own queue),
    /// leaving every other job queued: Node's microtask checkpoint after an evaluation there.
    pub fn run_context_jobs(
        &self,
        current: Option<&mut Context>,
        ctx: &VmContext,
    ) -> Result<(), VmError> {
        if ctx.microtask_mode() != crate::MicrotaskMode::AfterEvaluate {
            return Ok(());
        }
        self.inner.drain_jobs(current, Some(ctx.id()))
    }

    /// Whether promise jobs are waiting for [`Isolate::run_jobs`] (jobs of `afterEvaluate`
    /// contexts wait for their context's next evaluation and are not counted).
    pub fn has_pending_jobs(&self) -> bool {
        self.pending_jobs() > 0
    }

    /// Number of promise jobs waiting for [`Isolate::run_jobs`].
    pub fn pending_jobs(&self) -> usize {
        self.inner.shared.executor.shared_len()
    }

    /// Promises rejected with no handler attached since the last call, in rejection order
    /// (promises that got a handler meanwhile are left out).
    pub fn take_unhandled_rejections(&self) -> Vec<JsPromise> {
        self.inner.shared.hooks.take_unhandled()
    }

    /// Job kinds the engine queued that this isolate does not run (none in normal use).
    pub fn take_unsupported_jobs(&self) -> Vec<&'static str> {
        self.inner.shared.executor.take_unsupported()
    }

    /// Number of live vm contexts (not counting the main context).
    pub fn live_contexts(&self) -> usize {
        self.inner
            .records
            .borrow()
            .values()
            .filter(|w| w.strong_count() > 0)
            .count()
    }

    /// Runs Boa's garbage collector.
    pub fn collect_garbage(&self) {
        boa_gc::force_collect();
    }

    /// Converts an engine error raised while running on `cx` into a [`VmError`].
    pub fn convert_error(err: boa_engine::JsError, cx: &mut Context) -> VmError {
        workarounds::convert_error(err, cx)
    }
}
