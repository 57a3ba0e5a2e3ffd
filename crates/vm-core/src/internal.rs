//! Plumbing for vm-core's sibling crates (vm-modules keeps module records on the engine that
//! parsed them, tags sources, and drives module loading). Not part of the embedding API: these
//! items may change without notice.
use std::time::Duration;

use boa_engine::Context;

use crate::{
    entry::Entry,
    interrupt::{self, SigintGuard, Watch},
    isolate::{engine_context_id, in_realm},
    options::MicrotaskMode,
    script::DeadlineGuard,
    workarounds, Isolate, ScriptOptions, VmContext, VmError,
};

pub use crate::{
    callee_messages::uncaught_callee_message,
    code_cache::{accepts_plain, encode_plain},
    loader::{referrer_path, ModuleHost},
    loading_errors::{LoadingError, LoadingErrorCodes},
    stack::{parse_syntax_error_position, range_error_for_limit, uncaught_arrow},
    syntax_messages::v8_syntax_error,
};

/// Installs the host's names (`code`) for the errors raised inside module loading.
pub fn set_loading_error_codes(iso: &Isolate, codes: Option<LoadingErrorCodes>) {
    iso.inner.loading_error_codes.set(codes);
}

/// The error of `kind` with `message`, in the realm active in `cx`, named by the host's code.
pub fn loading_error(
    kind: LoadingError,
    base: boa_engine::JsNativeError,
    message: String,
    cx: &mut Context,
) -> boa_engine::JsError {
    crate::loading_errors::loading_error(kind, base, message, cx)
}

/// Installs what resolves static imports and `import()` (vm-modules' registry).
pub fn set_module_host(iso: &Isolate, host: Option<std::rc::Rc<dyn ModuleHost>>) {
    *iso.inner.module_host.borrow_mut() = host;
}

/// The context whose engine `cx` is (not the realm active in it: see
/// [`Isolate::from_engine`]).
pub fn engine_context(cx: &Context) -> Option<VmContext> {
    let tag = cx.get_data::<crate::engine::EngineTag>()?;
    let inner = tag.isolate.upgrade()?;
    let rec = inner.record(tag.context_id)?;
    Some(inner.handle(rec))
}

/// Whether `ctx`'s engine is free (not running further up the stack).
pub fn engine_is_free(ctx: &VmContext) -> bool {
    ctx.iso
        .upgrade()
        .is_some_and(|iso| !iso.engines.is_busy(ctx.rec.id))
}

/// Fails with [`VmError::SourceTooLarge`] / [`VmError::SourceTooDeep`] for a source the
/// isolate refuses to compile.
pub fn check_source_size(iso: &Isolate, code: &str) -> Result<(), VmError> {
    iso.check_source_size(code)
}

/// The running engine of an entry (`None` at the top level).
pub fn current<'a>(on: impl Entry<'a>) -> Option<&'a mut Context> {
    crate::entry::current(on)
}

/// [`VmContext::run_jobs`] with the running engine, if any.
pub fn run_context_jobs(current: Option<&mut Context>, ctx: &VmContext) -> Result<(), VmError> {
    if ctx.microtask_mode() != MicrotaskMode::AfterEvaluate {
        return Ok(());
    }
    ctx.inner()?.drain_jobs(current, Some(ctx.id()))
}

/// Runs `f` in `realm_ctx`'s realm on the engine of `engine_ctx` (the running engine when it
/// is that one, else that engine if free; [`VmError::EngineBusy`] otherwise). For
/// engine-bound state such as module records, which must stay on the engine that parsed them.
pub fn with_engine_of<R>(
    current: Option<&mut Context>,
    engine_ctx: &VmContext,
    realm_ctx: &VmContext,
    f: impl FnOnce(&mut Context) -> R,
) -> Result<R, VmError> {
    let inner = engine_ctx.inner()?;
    let _guard = inner.nest()?;
    let (engine_rec, realm_rec) = (&engine_ctx.rec, &realm_ctx.rec);
    if let Some(cx) = current {
        if engine_context_id(cx) == Some(engine_rec.id) {
            return in_realm(cx, realm_rec, |cx| Ok(f(cx)));
        }
    }
    let mut engine = inner
        .checkout(engine_rec)?
        .ok_or(VmError::EngineBusy(engine_rec.id))?;
    engine.run(realm_rec, |cx| Ok(f(cx)))
}

/// [`VmContext::run_bounded`] on `engine_ctx`'s engine in `ctx`'s realm, with an optional
/// timeout and `breakOnSigint`. SIGINT is seen where a deadline is: at stop points
/// ([`Isolate::stop_point`]: host calls, the contextified global's traps, `eval`, promise jobs)
/// and between the context's jobs; a loop that reaches none of them keeps running (and Ctrl-C
/// is held back while it does).
pub fn run_stoppable<R>(
    current: Option<&mut Context>,
    engine_ctx: &VmContext,
    ctx: &VmContext,
    timeout: Option<Duration>,
    break_on_sigint: bool,
    f: impl FnOnce(&mut Context) -> boa_engine::JsResult<R>,
) -> Result<R, VmError> {
    let inner = engine_ctx.inner()?;
    let iso = &*inner;
    iso.warm(&engine_ctx.rec)?;
    if !crate::time::has_clock() && timeout.is_some() {
        return Err(VmError::InvalidOption {
            name: "timeout",
            reason: "wasm32-unknown-unknown has no clock to measure a timeout (the embedder installs one with vm_core::set_host_clock)".into(),
        });
    }
    let sigint = if break_on_sigint {
        Some(SigintGuard::install()?)
    } else {
        None
    };
    let deadline = timeout.map(|t| (crate::time::Instant::now() + t, t));
    let _deadline = deadline.map(|d| DeadlineGuard::push(iso, d));
    let rec = ctx.rec.clone();
    let handle = crate::InterruptHandle::default();
    let watch = Watch::new(
        deadline,
        sigint.as_ref().map(|g| g.flag.clone()),
        &handle,
        None,
        iso.shared.hooks.memory_limit.get(),
    );
    let result = with_engine_of(current, engine_ctx, ctx, |cx| {
        // The sync evaluation unwinds fully on a stop: the engine stays usable once its
        // limits are restored (it may be the caller's).
        let saved = interrupt::set_backstop(cx, &watch);
        let started = crate::time::Instant::now();
        let limit = cx.runtime_limits().loop_iteration_limit();
        let outcome = interrupt::settle(f(cx), &watch, started, limit);
        let outcome = match outcome {
            Ok(Ok(v)) if rec.microtask_mode == MicrotaskMode::AfterEvaluate => iso
                .drain_jobs_watched(Some(cx), Some(rec.id), Some(&watch))
                .map(|()| v),
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(workarounds::convert_error(e, cx)),
            Err(stop) => Err(stop.into()),
        };
        cx.set_runtime_limits(saved);
        if outcome.as_ref().err().is_some_and(VmError::is_stop) {
            iso.drop_context_jobs(&rec);
        }
        outcome
    });
    let result = result.and_then(|r| r);
    if result.as_ref().err().is_some_and(VmError::is_stop) {
        iso.engines.mark_discard(engine_ctx.rec.id);
    }
    result
}

/// Runs only the host's async jobs (module loading) until none is left, leaving promise jobs
/// queued: module loading completes without running user code.
pub fn run_loader_jobs(iso: &Isolate, cx: &mut Context) -> Result<(), VmError> {
    iso.inner.drain_async_jobs(cx, 0)
}

/// Module graph loading for `link()`: runs `load` (which starts loading a graph on `cx`), then
/// the loading jobs it enqueued, synchronously on `cx` (never parked like `import()`).
///
/// Only the jobs `load` enqueued run: an `import()` started earlier and still queued waits for
/// the job loop, so no user code (an `import()` hook, the promise jobs driving it) runs in the
/// middle of linking and sees the graph half linked.
///
/// # Errors
///
/// An error thrown by a loading job.
pub fn load_module_graph<R>(
    iso: &Isolate,
    cx: &mut Context,
    load: impl FnOnce(&mut Context) -> R,
) -> Result<R, VmError> {
    let _loading = crate::dyn_import::StaticLoading::enter();
    let mark = iso.inner.shared.executor.async_mark();
    let started = load(cx);
    iso.inner.drain_async_jobs(cx, mark)?;
    Ok(started)
}

/// The internal path to compile source under so that stack frames report `filename` with
/// the given line/column offsets (for hosts that compile code themselves, e.g. modules).
pub fn source_path(iso: &Isolate, options: &ScriptOptions) -> String {
    iso.script_path(options)
}

/// The host tag ([`ScriptOptions::host_tag`]) of the source compiled under `path`.
pub fn host_tag_of_path(iso: &Isolate, path: &str) -> u64 {
    iso.inner.shared.positions.tag_of(path)
}
