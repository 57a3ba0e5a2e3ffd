//! A vm context: one realm, the sandbox its global forwards to, and the scripts compiled for it.
//!
//! The record lives on Boa's garbage-collected heap and is reachable from its own realm, so a
//! context lives exactly as long as something reaches it: a [`VmContext`] handle held by Rust
//! (a root), its sandbox (through a binding's weak map), or any object, function or promise of
//! its realm. Its engine is not part of the record (see `engine_pool`).
use std::{
    cell::Cell,
    rc::{Rc, Weak},
};

use boa_engine::{realm::Realm, Context, JsData, JsObject, JsValue};
use boa_gc::{Finalize, Gc, GcRefCell, Trace, WeakGc};
use rustc_hash::FxHashMap;

use crate::{
    global_proxy::GlobalState,
    isolate::IsolateInner,
    options::{CodeGeneration, ContextOptions, MicrotaskMode, RunOptions, ScriptOptions},
    sandbox::Sandbox,
    Entry, VmError,
};

/// One script's compiled form for one context (Boa binds compiled code to a realm).
#[derive(Trace, Finalize)]
pub(crate) struct CompiledForm {
    pub(crate) script: boa_engine::Script,
    /// How often it ran in this context.
    #[unsafe_ignore_trace]
    pub(crate) runs: Cell<u32>,
}

/// Everything the isolate knows about one context.
#[derive(Trace, Finalize)]
pub(crate) struct ContextRecord {
    #[unsafe_ignore_trace]
    pub(crate) id: usize,
    pub(crate) realm: Realm,
    /// The realm's global object (a Proxy for contextified contexts).
    pub(crate) global: JsObject,
    pub(crate) state: Option<Gc<GlobalState>>,
    pub(crate) sandbox: Sandbox,
    #[unsafe_ignore_trace]
    pub(crate) name: String,
    #[unsafe_ignore_trace]
    pub(crate) origin: Option<String>,
    #[unsafe_ignore_trace]
    pub(crate) code_generation: CodeGeneration,
    #[unsafe_ignore_trace]
    pub(crate) microtask_mode: MicrotaskMode,
    /// Compiled forms of the scripts that ran here, by script id. Held here rather than by the
    /// script: a compiled form holds its realm, and a script must not keep contexts alive.
    pub(crate) compiled: GcRefCell<FxHashMap<u64, CompiledForm>>,
    /// Net heap bytes allocated while runs were in this context (see `memory::Attribution`).
    #[unsafe_ignore_trace]
    pub(crate) allocated: std::cell::Cell<isize>,
    /// Held for its drop: tells the isolate when the record is freed (its slot can go).
    #[unsafe_ignore_trace]
    pub(crate) _reaper: Reaper,
}

/// Reports a freed context id to its isolate. Runs inside a collection, so it only records the
/// id (plain Rust data); the isolate drops the engine slot at its next safe point.
pub(crate) struct Reaper {
    pub(crate) id: usize,
    pub(crate) dead: Rc<DeadList>,
}

/// Ids of freed contexts and of dropped scripts' compiled forms, waiting for a safe point.
#[derive(Default)]
pub(crate) struct DeadList {
    pub(crate) contexts: Cell<Vec<usize>>,
    /// `(context id, script id)` pairs.
    pub(crate) forms: Cell<Vec<(usize, u64)>>,
}

impl DeadList {
    pub(crate) fn push_context(&self, id: usize) {
        let mut v = self.contexts.take();
        v.push(id);
        self.contexts.set(v);
    }

    pub(crate) fn push_forms(&self, forms: impl IntoIterator<Item = (usize, u64)>) {
        let mut v = self.forms.take();
        v.extend(forms);
        self.forms.set(v);
    }
}

impl Drop for Reaper {
    fn drop(&mut self) {
        self.dead.push_context(self.id);
    }
}

/// The link from a realm to its context record (in the realm's `[[HostDefined]]`): objects of
/// the realm keep the context alive, as in Node.
#[derive(Trace, Finalize, JsData)]
pub(crate) struct RecordLink(pub(crate) Gc<ContextRecord>);

/// The record of the context owning `realm`, if it is one of an isolate's.
pub(crate) fn realm_record(realm: &Realm) -> Option<Gc<ContextRecord>> {
    realm
        .host_defined()
        .get::<RecordLink>()
        .map(|l| l.0.clone())
}

/// A handle to a vm context (`vm.createContext`). Cloning shares the context.
///
/// A handle held by Rust keeps the context alive. The handle is also [`Trace`]: stored inside an
/// object of Boa's heap (a `JsData` value), it does not root the context, which then lives as
/// long as that object, its sandbox or any object of its realm is reachable — the lifetime rule
/// of Node's contexts.
#[derive(Clone, Trace, Finalize)]
pub struct VmContext {
    pub(crate) rec: Gc<ContextRecord>,
    #[unsafe_ignore_trace]
    pub(crate) iso: Weak<IsolateInner>,
}

/// A weak handle to a vm context: does not keep it alive (see [`VmContext::downgrade`]).
#[derive(Clone, Trace, Finalize)]
pub struct WeakVmContext {
    rec: WeakGc<ContextRecord>,
    #[unsafe_ignore_trace]
    iso: Weak<IsolateInner>,
}

impl WeakVmContext {
    /// The context, while something else keeps it alive.
    pub fn upgrade(&self) -> Option<VmContext> {
        Some(VmContext {
            rec: self.rec.upgrade()?,
            iso: self.iso.clone(),
        })
    }
}

impl std::fmt::Debug for WeakVmContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WeakVmContext").finish_non_exhaustive()
    }
}

impl std::fmt::Debug for VmContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VmContext")
            .field("id", &self.rec.id)
            .field("name", &self.rec.name)
            .finish()
    }
}

impl PartialEq for VmContext {
    fn eq(&self, other: &Self) -> bool {
        Gc::ptr_eq(&self.rec, &other.rec)
    }
}

impl VmContext {
    /// A number identifying the context within its isolate (the main context is 0).
    pub fn id(&self) -> usize {
        self.rec.id
    }

    /// A handle that does not keep the context alive.
    pub fn downgrade(&self) -> WeakVmContext {
        WeakVmContext {
            rec: WeakGc::new(&self.rec),
            iso: self.iso.clone(),
        }
    }

    /// Net heap bytes allocated on the isolate's thread while runs were in this context and not
    /// freed since (runs of other contexts nested inside count for those), clamped at 0; 0
    /// without [`crate::memory::TrackingAllocator`]. An estimate for `vm.measureMemory`: what a
    /// context's objects occupy, without walking the heap (memory a collection frees while
    /// another context runs is subtracted from that one).
    pub fn allocated_bytes(&self) -> usize {
        usize::try_from(self.rec.allocated.get()).unwrap_or(0)
    }

    /// Whether this is the isolate's main ("this") context.
    pub fn is_main(&self) -> bool {
        self.rec.id == 0
    }

    /// The context's `name` (Node's default is `VM Context i`).
    pub fn name(&self) -> &str {
        &self.rec.name
    }

    /// The context's `origin`, if one was given.
    pub fn origin(&self) -> Option<&str> {
        self.rec.origin.as_deref()
    }

    /// `codeGeneration` as given at creation.
    pub fn code_generation(&self) -> CodeGeneration {
        self.rec.code_generation
    }

    /// `microtaskMode` as given at creation.
    pub fn microtask_mode(&self) -> MicrotaskMode {
        self.rec.microtask_mode
    }

    /// The realm's global object as code inside sees it (`globalThis`). For a vm context this
    /// is the forwarding proxy, never the sandbox, as in Node.
    pub fn global_object(&self) -> JsObject {
        self.rec.global.clone()
    }

    /// The sandbox this context was contextified around ([`Sandbox::None`] for the main
    /// context and `DONT_CONTEXTIFY` contexts).
    pub fn sandbox(&self) -> &Sandbox {
        &self.rec.sandbox
    }

    /// The sandbox object (`None` for host-map sandboxes and uncontextified contexts).
    pub fn sandbox_object(&self, _cx: &mut Context) -> Option<JsObject> {
        match &self.rec.sandbox {
            Sandbox::Object(o) => Some(o.clone()),
            Sandbox::Host(_) | Sandbox::None => None,
        }
    }

    /// The isolate this context belongs to, while it lives.
    pub fn isolate(&self) -> Option<crate::Isolate> {
        self.iso.upgrade().map(|inner| crate::Isolate { inner })
    }

    /// The Boa realm of this context.
    pub fn realm(&self) -> &Realm {
        &self.rec.realm
    }

    /// The isolate's state, or [`VmError::IsolateGone`].
    pub(crate) fn inner(&self) -> Result<Rc<IsolateInner>, VmError> {
        self.iso.upgrade().ok_or(VmError::IsolateGone)
    }

    /// `vm.createContext(sandbox, options)`: a new realm whose global forwards to `sandbox`
    /// (no forwarding with [`Sandbox::None`]: Node's `vm.constants.DONT_CONTEXTIFY`).
    ///
    /// # Errors
    /// [`VmError::Init`] when the engine cannot be built; [`VmError::ForeignEngine`] for a
    /// `Context` of no isolate; [`VmError::EngineBusy`] when called with the isolate while the
    /// main engine runs further up the stack.
    pub fn new<'a>(
        on: impl Entry<'a>,
        sandbox: Sandbox,
        options: ContextOptions,
    ) -> Result<VmContext, VmError> {
        let (iso, current) = crate::entry::resolve(on)?;
        iso.inner.create_context(current, sandbox, options)
    }

    /// Runs `f` with an engine positioned in this context's realm (for embedders that call
    /// Boa APIs directly, e.g. to create objects of that realm). The context's own engine is
    /// used when free, else the running one of `on`.
    ///
    /// # Errors
    /// [`VmError::EngineBusy`] when the context's engine runs further up the stack and `on` is
    /// the isolate; [`VmError::NestingLimit`], [`VmError::Broken`], [`VmError::IsolateGone`].
    pub fn enter<'a, R>(
        &self,
        on: impl Entry<'a>,
        f: impl FnOnce(&mut Context) -> R,
    ) -> Result<R, VmError> {
        self.inner()?
            .enter(crate::entry::current(on), &self.rec, |cx| Ok(f(cx)))
    }

    /// `vm.runInContext(code, ctx, options)`: compiles `code` (a syntax error is a
    /// `SyntaxError` of this context's realm) and runs it here once.
    ///
    /// # Errors
    /// As [`crate::Script::compile`] and [`crate::Script::run`].
    pub fn evaluate<'a>(
        &self,
        on: impl Entry<'a>,
        code: &str,
        script: ScriptOptions,
        run: &RunOptions,
    ) -> Result<JsValue, VmError> {
        let iso = crate::Isolate {
            inner: self.inner()?,
        };
        let mut current = crate::entry::current(on);
        let script =
            crate::Script::compile_in(&iso, current.as_deref_mut(), Some(self), code, script)?;
        script.run_impl(&iso, current, self, run)
    }

    /// Runs the jobs queued for this context when it has microtaskMode `'afterEvaluate'` (its
    /// own queue), leaving every other job queued: Node's microtask checkpoint after an
    /// evaluation there. Does nothing for other contexts.
    ///
    /// # Errors
    /// The first job that throws ([`VmError::Thrown`]) ends the drain.
    pub fn run_jobs<'a>(&self, on: impl Entry<'a>) -> Result<(), VmError> {
        crate::internal::run_context_jobs(crate::entry::current(on), self)
    }

    /// Runs `f` (host code that evaluates JavaScript synchronously) on this context's engine,
    /// in its realm, under `timeout`. Boa cannot yield from such evaluations, so only the
    /// calibrated loop-iteration backstop stops them (loops, at ≥ 3× the timeout; not recursion
    /// or native-only work). With microtaskMode `'afterEvaluate'` the context's jobs run
    /// afterwards, inside the same timeout. A stopped run's engine is replaced before its next
    /// use.
    ///
    /// # Errors
    /// [`VmError::Timeout`] when stopped; what `f` throws, converted; as [`VmContext::enter`].
    pub fn run_bounded<'a, R>(
        &self,
        on: impl Entry<'a>,
        timeout: std::time::Duration,
        f: impl FnOnce(&mut Context) -> boa_engine::JsResult<R>,
    ) -> Result<R, VmError> {
        crate::internal::run_stoppable(
            crate::entry::current(on),
            self,
            self,
            Some(timeout),
            false,
            f,
        )
    }
}
