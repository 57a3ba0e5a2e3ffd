//! Building Boa `Context`s ("engines") that share one isolate's hooks, job queue and clock.
use std::{rc::Rc, rc::Weak};

use boa_engine::{
    context::{time::JsInstant, Clock, ContextBuilder},
    Context, JsObject, JsResult,
};

use crate::{executor::Executor, hooks::Hooks, isolate::IsolateInner};

/// What every engine of an isolate shares.
pub(crate) struct Shared {
    pub(crate) hooks: Rc<Hooks>,
    pub(crate) executor: Rc<Executor>,
    pub(crate) clock: Rc<IsolateClock>,
    pub(crate) positions: crate::positions::Positions,
}

/// Stored in each engine's data: which vm context the engine belongs to and its isolate.
pub(crate) struct EngineTag {
    pub(crate) context_id: usize,
    pub(crate) isolate: Weak<IsolateInner>,
    /// Parses this engine performed (its parser id counter, as far as the host can tell).
    pub(crate) parses: std::cell::Cell<u32>,
}

impl EngineTag {
    pub(crate) fn new(context_id: usize, isolate: Weak<IsolateInner>) -> Self {
        Self {
            context_id,
            isolate,
            parses: std::cell::Cell::new(0),
        }
    }
}

/// One monotonic clock for all engines (per-engine clocks disagree about timer deadlines).
/// Read through `crate::time`: std's clock, or on wasm32-unknown-unknown the embedder's
/// (`set_host_clock`; without one, time advances by one microsecond per reading).
pub(crate) struct IsolateClock {
    start: crate::time::Instant,
}

impl IsolateClock {
    pub(crate) fn new() -> Self {
        Self {
            start: crate::time::Instant::now(),
        }
    }
}

impl Clock for IsolateClock {
    fn now(&self) -> JsInstant {
        let d = self.start.elapsed();
        JsInstant::new(d.as_secs(), d.subsec_nanos())
    }

    fn system_time_millis(&self) -> i64 {
        crate::time::unix_millis()
    }
}

/// Builds an engine whose realm uses `global` as its global object (`None`: an ordinary one).
pub(crate) fn build_engine(shared: &Shared, global: Option<JsObject>) -> JsResult<Context> {
    build_engine_with(shared, global, None)
}

/// [`build_engine`], reusing `interner` (a replaced engine's: its symbols stay valid for the
/// module records and compiled code that outlive it).
pub(crate) fn build_engine_with(
    shared: &Shared,
    global: Option<JsObject>,
    interner: Option<boa_engine::interner::Interner>,
) -> JsResult<Context> {
    shared.hooks.set_pending_global(global);
    let mut builder = ContextBuilder::new();
    if let Some(i) = interner {
        builder = builder.interner(i);
    }
    let built = builder
        .host_hooks(shared.hooks.clone())
        .job_executor(shared.executor.clone())
        .clock(shared.clock.clone())
        // `import()` never reads the file system on its own: without a hook it rejects as Node.
        .module_loader(Rc::new(crate::loader::VmModuleLoader))
        .build();
    // If building failed before the hook ran, do not leak the object into the next realm.
    shared.hooks.set_pending_global(None);
    let mut cx = built?;
    crate::workarounds::configure_engine(&mut cx);
    Ok(cx)
}
