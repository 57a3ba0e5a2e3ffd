//! The isolate: engines, the context registry, and the single entry point every run goes
//! through ([`IsolateInner::enter`]).
//!
//! # Map of the types
//!
//! Public (the embedding API):
//!
//! | type | what | owns / refers to |
//! |---|---|---|
//! | [`Isolate`] | one engine family on one thread (`Rc<IsolateInner>`; clones share it) | the main context, the registry, the engine pool, the job queue, hooks, clock, limits |
//! | [`crate::Entry`] | where a call comes from: `&Isolate` or a host function's `&mut Context` | nothing (a borrow) |
//! | [`VmContext`] | a context handle (`Gc<ContextRecord>` + weak isolate) | its record: realm, global (the Proxy), sandbox, compiled forms |
//! | [`crate::Script`] | compiled source, runnable in any context | its source, options, parse facts; per-context compiled forms live in each record |
//! | [`crate::Sandbox`] / [`crate::HostMap`] | what a context's global forwards to | the JS object or the Rust map |
//! | [`crate::VmError`] | host-side failures; `Thrown` carries the JS value | — |
//! | [`crate::InterruptHandle`] | stops a run from any thread | an atomic flag shared with the isolate |
//!
//! Internal (crate-private, or `vm_core::internal` for vm-modules):
//!
//! | type | what | owned by |
//! |---|---|---|
//! | `IsolateInner` | the isolate's state | `Isolate` (strong), engines and handles (weak) |
//! | `ContextRecord` | one context: realm, global, sandbox, options, compiled forms | Boa's GC heap (rooted by `VmContext`, reachable from its realm) |
//! | `EnginePool` (`engine_pool`) | one Boa `Context` ("engine") per live context, LRU-parked when idle | `IsolateInner` |
//! | `Checkout` | an engine taken out of the pool for one run, given back on drop | the running call |
//! | `Shared` (`engine`) | what every engine shares: host hooks, job executor, clock, source positions | `IsolateInner`, cloned `Rc`s into each engine |
//! | `EngineTag` | which context an engine belongs to, and its isolate (weak) | each engine's data |
//! | `Executor` | the one job queue of all engines | `Shared` |
//! | `GlobalState` (`global_proxy`) | the Proxy global's trap state | the record |
//! | `Watch` / `ArmGuard` (`interrupt`, `stop_points`) | a stoppable run's deadline, SIGINT, interrupt and memory checks | the running call |
//! | `ModuleHost` (`loader`, via `internal`) | what resolves imports (vm-modules' registry) | `IsolateInner` |
use std::{
    cell::{Cell, RefCell},
    rc::{Rc, Weak},
};

use boa_engine::{object::builtins::JsPromise, Context};
use boa_gc::{Gc, GcRefCell, WeakGc};
use rustc_hash::FxHashMap;

use crate::{
    context::{realm_record, ContextRecord, DeadList, Reaper, RecordLink, VmContext},
    engine::{build_engine, EngineTag, IsolateClock, Shared},
    engine_pool::{EnginePool, Taken},
    error::VmError,
    executor::Executor,
    global_proxy::{install_traps, new_global},
    hooks::{Hooks, RealmInfo},
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
    pub(crate) main: Gc<ContextRecord>,
    /// Every context by id, weakly: a context lives as long as something reaches it.
    records: RefCell<FxHashMap<usize, WeakGc<ContextRecord>>>,
    /// The engines contexts run on (see `engine_pool`).
    pub(crate) engines: EnginePool,
    /// Contexts and compiled forms freed since the last safe point.
    pub(crate) dead: Rc<DeadList>,
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
    pub(crate) deadlines: RefCell<Vec<(crate::time::Instant, std::time::Duration)>>,
    /// The largest source accepted for compilation (bytes).
    pub(crate) max_source_bytes: Cell<usize>,
    /// Set when a panic unwound through a run: every later call fails with it.
    pub(crate) broken: RefCell<Option<String>>,
    /// Scripts compiled before, by source and options (see `code_cache`).
    pub(crate) compile_cache: RefCell<crate::code_cache::CompileCache>,
    /// Resolves module requests (vm-modules); `None`: `import()` rejects like Node.
    pub(crate) module_host: RefCell<Option<Rc<dyn crate::loader::ModuleHost>>>,
    /// The host's codes for errors raised inside module loading (see `loading_errors`).
    pub(crate) loading_error_codes: Cell<Option<crate::loading_errors::LoadingErrorCodes>>,
    /// Run when the isolate is dropped (see [`Isolate::on_drop`]).
    teardown: RefCell<Vec<Box<dyn FnOnce()>>>,
}

impl IsolateInner {
    /// Drops what collections freed: engine slots of dead contexts, compiled forms of dropped
    /// scripts. Called at safe points (outside collections, with no pool borrow held).
    pub(crate) fn reap(&self) {
        let forms = self.dead.forms.take();
        if !forms.is_empty() {
            let records = self.records.borrow();
            let mut dropped = Vec::new();
            let mut later = Vec::new();
            for (ctx, script) in forms {
                if let Some(rec) = records.get(&ctx).and_then(WeakGc::upgrade) {
                    match rec.compiled.try_borrow_mut() {
                        Ok(mut map) => dropped.extend(map.remove(&script)),
                        // In use further up the stack: try again at the next safe point.
                        Err(_) => later.push((ctx, script)),
                    }
                }
            }
            self.dead.push_forms(later);
            drop(records);
            drop(dropped);
        }
        let ids = self.dead.contexts.take();
        if !ids.is_empty() {
            let mut records = self.records.borrow_mut();
            for id in &ids {
                // The id may have been reused by nothing (ids are never reused): just forget it.
                if records.get(id).is_some_and(|w| w.upgrade().is_none()) {
                    records.remove(id);
                }
            }
            drop(records);
            let engines = self.engines.remove(&ids);
            drop(engines);
        }
    }
}

impl Drop for IsolateInner {
    fn drop(&mut self) {
        for f in self.teardown.take() {
            f();
        }
        self.engines.clear();
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

/// A context's engine, checked out of the pool for one run; given back when dropped.
pub(crate) struct Checkout<'a> {
    iso: &'a IsolateInner,
    id: usize,
    engine: Option<Box<Context>>,
    /// Park the engine instead of keeping it (a stopped run abandoned an evaluation on it).
    pub(crate) discard: bool,
    threw: bool,
}

impl Checkout<'_> {
    pub(crate) fn engine(&mut self) -> &mut Context {
        self.engine
            .as_mut()
            .expect("checked-out engine present until drop")
    }

    /// Runs `f` in `rec`'s realm on this engine, noting an uncaught exception.
    pub(crate) fn run<R>(
        &mut self,
        rec: &ContextRecord,
        f: impl FnOnce(&mut Context) -> Result<R, VmError>,
    ) -> Result<R, VmError> {
        let r = in_realm(self.engine(), rec, f);
        if matches!(r, Err(VmError::Thrown(_))) {
            self.threw = true;
        }
        r
    }
}

impl Drop for Checkout<'_> {
    fn drop(&mut self) {
        if let Some(engine) = self.engine.take() {
            let parked = self
                .iso
                .engines
                .give_back(self.id, engine, self.discard, self.threw);
            drop(parked);
        }
    }
}

/// Every run goes through here: enters the realm, runs `f`, and turns a panic into
/// [`VmError::Broken`], marking the isolate unusable (documented in the README).
pub(crate) fn in_realm<R>(
    cx: &mut Context,
    rec: &ContextRecord,
    f: impl FnOnce(&mut Context) -> Result<R, VmError>,
) -> Result<R, VmError> {
    let old = cx.enter_realm(rec.realm.clone());
    let attribution = crate::memory::Attribution::enter(&rec.allocated);
    let r = crate::native_stack::guarded(|| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *cx)))
    });
    drop(attribution);
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

impl IsolateInner {
    pub(crate) fn record(&self, id: usize) -> Option<Gc<ContextRecord>> {
        if id == 0 {
            return Some(self.main.clone());
        }
        self.records.borrow().get(&id).and_then(WeakGc::upgrade)
    }

    pub(crate) fn handle(&self, rec: Gc<ContextRecord>) -> VmContext {
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
        rec: &Gc<ContextRecord>,
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

    /// Checks out `rec`'s own engine, building one if it was parked; `None` while it runs
    /// further up the stack.
    pub(crate) fn checkout(&self, rec: &ContextRecord) -> Result<Option<Checkout<'_>>, VmError> {
        let checkout = |engine| Checkout {
            iso: self,
            id: rec.id,
            engine: Some(engine),
            discard: false,
            threw: false,
        };
        let interner = match self.engines.take(rec.id) {
            Taken::Engine(engine) => return Ok(Some(checkout(engine))),
            Taken::Busy => return Ok(None),
            Taken::Parked(interner) => interner,
            Taken::Missing => {
                self.engines.insert_busy(rec.id);
                None
            }
        };
        let engine = match self.fresh_engine_with(rec, interner) {
            Ok(e) => Box::new(e),
            Err(e) => {
                // The interner went into the failed build: code parsed on the old engine
                // cannot run any more, but the context stays usable for new code.
                self.engines.restore_parked(rec.id, None);
                return Err(e);
            }
        };
        Ok(Some(checkout(engine)))
    }

    /// Builds `rec`'s engine now if it is parked, so the cost is not charged to a run's
    /// timeout.
    pub(crate) fn warm(&self, rec: &ContextRecord) -> Result<(), VmError> {
        if self.engines.is_parked(rec.id) {
            self.reap();
            drop(self.checkout(rec)?);
        }
        Ok(())
    }

    /// [`IsolateInner::enter`]; with `own_engine_only`, refuses (`EngineBusy`) rather than
    /// fall back to the running engine.
    pub(crate) fn enter_with<R>(
        &self,
        current: Option<&mut Context>,
        rec: &Gc<ContextRecord>,
        own_engine_only: bool,
        f: impl FnOnce(&mut Context) -> Result<R, VmError>,
    ) -> Result<R, VmError> {
        let _guard = self.nest()?;
        let rec = rec.clone();
        if let Some(cx) = current {
            if engine_context_id(cx) == Some(rec.id) {
                return in_realm(cx, &rec, f);
            }
            if let Some(mut engine) = self.checkout(&rec)? {
                return engine.run(&rec, f);
            }
            if own_engine_only {
                return Err(VmError::EngineBusy(rec.id));
            }
            return in_realm(cx, &rec, f);
        }
        let mut engine = self.checkout(&rec)?.ok_or(VmError::EngineBusy(rec.id))?;
        engine.run(&rec, f)
    }

    /// Like [`IsolateInner::enter`], for runs that may be stopped: the engine they run on must
    /// be disposable. The realm's own engine is used when free and parked (dropped) if the run
    /// was stopped; otherwise (it is running further up the stack) a fresh temporary engine
    /// runs the code and is dropped afterwards.
    pub(crate) fn enter_stoppable<R>(
        &self,
        rec: &Gc<ContextRecord>,
        f: impl FnOnce(&mut Context) -> Result<R, VmError>,
    ) -> Result<R, VmError> {
        let _guard = self.nest()?;
        let rec = rec.clone();
        if let Some(mut engine) = self.checkout(&rec)? {
            let r = engine.run(&rec, f);
            if r.as_ref().err().is_some_and(VmError::is_stop) {
                engine.discard = true;
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

    /// [`IsolateInner::fresh_engine`] taking over `interner` (a dropped engine's: the symbols
    /// of code parsed on it, such as module records, stay valid).
    fn fresh_engine_with(
        &self,
        rec: &ContextRecord,
        interner: Option<Box<boa_engine::interner::Interner>>,
    ) -> Result<Context, VmError> {
        let mut engine = crate::engine::build_engine_with(&self.shared, None, interner.map(|i| *i))
            .map_err(|e| VmError::Init(e.to_string()))?;
        engine.insert_data(EngineTag::new(rec.id, self.self_weak.clone()));
        workarounds::advance_parser_ids(&mut engine, &rec.realm)
            .map_err(|e| VmError::Init(e.to_string()))?;
        Ok(engine)
    }

    pub(crate) fn create_context(
        &self,
        current: Option<&mut Context>,
        sandbox: Sandbox,
        options: ContextOptions,
    ) -> Result<VmContext, VmError> {
        self.reap();
        let id = self.next_id.get();
        self.next_id.set(id + 1);
        let init = |e: boa_engine::JsError| VmError::Init(e.to_string());
        let contextified = !matches!(sandbox, Sandbox::None);
        let proxy = if contextified {
            Some(
                match current {
                    Some(cx) => new_global(cx),
                    None => {
                        let mut main = self.checkout(&self.main)?.ok_or(VmError::EngineBusy(0))?;
                        new_global(main.engine())
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
                let state = install_traps(&realm, &mut engine, &handler, &target, &sandbox)
                    .map_err(init)?;
                crate::global_proxy::relax_value_properties(&target);
                (proxy, Some((state, target)))
            }
            None => (engine.global_object(), None),
        };
        // Realm fix-ups go to the realm's own global (the target of a contextified one): never
        // through the traps to the sandbox.
        let own_global = state
            .as_ref()
            .map_or_else(|| global.clone(), |(_, target)| target.clone());
        let state = state.map(|(s, _)| s);
        workarounds::patch_realm(&mut engine, &own_global).map_err(init)?;
        if !options.code_generation.strings {
            workarounds::refuse_eval(&mut engine, &own_global).map_err(init)?;
        }
        let rec = Gc::new(ContextRecord {
            id,
            realm: realm.clone(),
            global,
            state,
            sandbox,
            name: options.name.unwrap_or_else(|| format!("VM Context {id}")),
            origin: options.origin,
            code_generation: options.code_generation,
            microtask_mode: options.microtask_mode,
            compiled: GcRefCell::default(),
            allocated: Cell::new(0),
            _reaper: Reaper {
                id,
                dead: self.dead.clone(),
            },
        });
        realm.host_defined_mut().insert(RecordLink(rec.clone()));
        self.records.borrow_mut().insert(id, WeakGc::new(&rec));
        self.engines.insert_busy(id);
        drop(self.engines.give_back(id, Box::new(engine), false, false));
        Ok(self.handle(rec))
    }
}

impl Isolate {
    /// Creates an isolate with its main context.
    ///
    /// # Errors
    /// [`VmError::Init`] when Boa cannot build the main engine.
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
        let global = engine.global_object();
        workarounds::patch_realm(&mut engine, &global).map_err(|e| VmError::Init(e.to_string()))?;
        let dead = Rc::new(DeadList::default());
        let main = Gc::new(ContextRecord {
            id: 0,
            realm: realm.clone(),
            global,
            state: None,
            sandbox: Sandbox::None,
            name: "main".to_owned(),
            origin: None,
            code_generation: Default::default(),
            microtask_mode: Default::default(),
            compiled: GcRefCell::default(),
            allocated: Cell::new(0),
            _reaper: Reaper {
                id: 0,
                dead: dead.clone(),
            },
        });
        realm.host_defined_mut().insert(RecordLink(main.clone()));
        let inner = Rc::new_cyclic(|weak: &Weak<IsolateInner>| {
            engine.insert_data(EngineTag::new(0, weak.clone()));
            IsolateInner {
                shared,
                main,
                records: RefCell::default(),
                engines: EnginePool::default(),
                dead,
                next_id: Cell::new(1),
                depth: Cell::new(0),
                self_weak: weak.clone(),
                interrupt: Default::default(),
                interruptible: Cell::new(false),
                interrupt_callback: RefCell::new(None),
                deadlines: RefCell::new(Vec::new()),
                module_host: RefCell::new(None),
                loading_error_codes: Cell::new(None),
                teardown: RefCell::default(),
                compile_cache: RefCell::default(),
                broken: RefCell::new(None),
                max_source_bytes: Cell::new(DEFAULT_MAX_SOURCE_BYTES),
            }
        });
        inner.engines.insert_busy(0);
        drop(inner.engines.give_back(0, Box::new(engine), false, false));
        Ok(Self { inner })
    }

    /// The isolate that owns the running engine `cx`, with the vm context whose realm is
    /// active in it. For host functions called from JavaScript.
    pub fn from_engine(cx: &Context) -> Option<(Isolate, VmContext)> {
        let tag = cx.get_data::<EngineTag>()?;
        let inner = tag.isolate.upgrade()?;
        let rec = realm_record(cx.realm()).or_else(|| inner.record(tag.context_id))?;
        let ctx = inner.handle(rec);
        Some((Isolate { inner }, ctx))
    }

    /// The main ("this") context: the realm `vm.runInThisContext` uses.
    pub fn main_context(&self) -> VmContext {
        self.inner.handle(self.inner.main.clone())
    }

    /// The vm context that owns `realm`, if it is one of this isolate's.
    pub fn context_for_realm(&self, realm: &boa_engine::realm::Realm) -> Option<VmContext> {
        let rec = realm_record(realm)?;
        let ours = self
            .inner
            .record(rec.id)
            .is_some_and(|r| Gc::ptr_eq(&r, &rec));
        ours.then(|| self.inner.handle(rec))
    }

    /// The live context with this id, if any.
    pub fn context(&self, id: usize) -> Option<VmContext> {
        self.inner.record(id).map(|r| self.inner.handle(r))
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

    /// Limits the live heap of the isolate's thread to `bytes` (`None`: no limit). A run that
    /// grows it past the limit stops with [`VmError::MemoryLimit`] (its engine is discarded
    /// and a collection returns what it built); `ArrayBuffer`s larger than what is left fail
    /// with a `RangeError` before allocating. Runs under a limit take the stoppable path.
    /// Where the limit is checked, and what it cannot catch: README "Memory limit".
    ///
    /// # Errors
    /// [`VmError::InvalidOption`] when [`crate::memory::TrackingAllocator`] is not the global
    /// allocator (there would be nothing to measure), or `bytes` is 0.
    pub fn set_memory_limit(&self, bytes: Option<usize>) -> Result<(), VmError> {
        if let Some(b) = bytes {
            if b == 0 || !crate::memory::tracking_installed() {
                return Err(VmError::InvalidOption {
                    name: "memoryLimit",
                    reason: if b == 0 {
                        "must be a positive number of bytes".into()
                    } else {
                        "install vm_core::memory::TrackingAllocator as the global allocator".into()
                    },
                });
            }
        }
        self.inner.shared.hooks.memory_limit.set(bytes);
        Ok(())
    }

    /// The memory limit set by [`Isolate::set_memory_limit`].
    pub fn memory_limit(&self) -> Option<usize> {
        self.inner.shared.hooks.memory_limit.get()
    }

    /// For host functions: a stop point. Fails with Boa's uncatchable runtime-limit error when
    /// a stoppable run in progress on this thread must stop (its deadline passed, SIGINT with
    /// `breakOnSigint`, an [`InterruptHandle`](crate::InterruptHandle) request, or the memory
    /// limit); the run then reports that stop. Costs one thread-local read when no stoppable
    /// run is in progress. It also sets `cx`'s loop and recursion limits to 0, so that JS a
    /// native function runs after swallowing the error fails at once (the stopped run's engine
    /// is discarded or its limits restored afterwards).
    ///
    /// # Errors
    /// Boa's uncatchable runtime-limit error when the running stoppable run must stop.
    pub fn stop_point(cx: &mut Context) -> boa_engine::JsResult<()> {
        crate::stop_points::check(cx)
    }

    /// Sets the largest source (in bytes) scripts, functions and modules may have
    /// (default [`DEFAULT_MAX_SOURCE_BYTES`]); larger ones fail with `VmError::SourceTooLarge`.
    pub fn set_max_source_bytes(&self, limit: usize) {
        self.inner.max_source_bytes.set(limit);
    }

    /// Fails with `VmError::SourceTooLarge` when `code` exceeds the limit (or
    /// `VmError::SourceTooDeep` when it nests too deeply).
    pub(crate) fn check_source_size(&self, code: &str) -> Result<(), VmError> {
        self.check_source_length(code)?;
        crate::source_depth::check(code)?;
        Ok(())
    }

    /// The size half of [`Isolate::check_source_size`] (the nesting scan reads the whole source).
    pub(crate) fn check_source_length(&self, code: &str) -> Result<(), VmError> {
        let limit = self.inner.max_source_bytes.get();
        if code.len() > limit {
            return Err(VmError::SourceTooLarge {
                size: code.len(),
                limit,
            });
        }
        Ok(())
    }

    /// Whether promise jobs are waiting for [`run_jobs`](crate::run_jobs) (jobs of `afterEvaluate`
    /// contexts wait for their context's next evaluation and are not counted).
    pub fn has_pending_jobs(&self) -> bool {
        self.pending_jobs() > 0
    }

    /// Number of promise jobs waiting for [`run_jobs`](crate::run_jobs).
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
            .filter(|w| w.is_upgradable())
            .count()
    }

    /// Number of Boa engines alive (the main one included): contexts in use and the idle
    /// ones kept for reuse (at most [`crate::DEFAULT_IDLE_ENGINES`] unless changed).
    pub fn live_engines(&self) -> usize {
        self.inner.engines.live_engines()
    }

    /// How many idle engines to keep for reuse (default [`crate::DEFAULT_IDLE_ENGINES`]). An
    /// idle engine keeps its context alive; a parked context pays for a new engine (about the
    /// cost of `createContext`) on its next run.
    pub fn set_idle_engine_limit(&self, n: usize) {
        self.inner.engines.set_max_idle(n);
    }

    /// Frees everything unreachable: parks every idle engine (so that contexts nothing else
    /// reaches can go), runs Boa's garbage collector, and drops what it freed.
    pub fn collect_garbage(&self) {
        self.inner.reap();
        drop(self.inner.engines.park_idle());
        boa_gc::force_collect();
        self.inner.reap();
        boa_gc::force_collect();
    }

    /// Converts an engine error raised while running on `cx` into a [`VmError`].
    pub fn convert_error(err: boa_engine::JsError, cx: &mut Context) -> VmError {
        workarounds::convert_error(err, cx)
    }
}
