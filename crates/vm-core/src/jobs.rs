//! The job queue seen from the isolate: running promise and host jobs on the engine of their
//! realm's context, draining the shared queue or one `afterEvaluate` context's own queue.
use boa_engine::Context;

use crate::{
    context::{realm_record, ContextRecord},
    engine::EngineTag,
    error::VmError,
    hooks::realm_context_id,
    isolate::IsolateInner,
    workarounds,
};

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
        Some(crate::executor::Queued::Async(a, seq)) => {
            // Not this loop's to run: put it back and report no progress.
            iso.shared
                .executor
                .push_front(crate::executor::Queued::Async(a, seq));
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
    /// Runs one job on the engine of its realm's context (the main context when it has none).
    pub(crate) fn run_job(
        &self,
        current: Option<&mut Context>,
        job: crate::executor::Queued,
    ) -> Result<(), VmError> {
        let rec = job
            .realm()
            .and_then(realm_record)
            .unwrap_or_else(|| self.main.clone());
        self.enter(current, &rec, |cx| {
            job.call(cx)
                .map(|_| ())
                .map_err(|e| workarounds::convert_error(e, cx))
        })
    }

    /// Runs the async (host) jobs enqueued at or after `since` (an [`Executor::async_mark`])
    /// until none is left; older ones stay queued.
    ///
    /// [`Executor::async_mark`]: crate::executor::Executor::async_mark
    pub(crate) fn drain_async_jobs(&self, cx: &mut Context, since: u64) -> Result<(), VmError> {
        while let Some(job) = self.shared.executor.pop_async(since) {
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
            let Some(job) = job else {
                if only.is_none() {
                    if let Some(cx) = current {
                        // The end of a job checkpoint: WeakRef targets may go (ClearKeptObjects).
                        cx.clear_kept_objects();
                    }
                }
                return Ok(());
            };
            if let Err(e) = self.run_job(current.as_deref_mut(), job) {
                // A stop point inside the job unwinds it with an engine error: report the stop.
                if let Some(stop) = watch.and_then(crate::interrupt::Watch::should_stop) {
                    return Err(stop.into());
                }
                return Err(e);
            }
        }
    }

    /// Drops the jobs queued for `rec`'s own queue (microtaskMode 'afterEvaluate') after a
    /// stopped run: a self-rescheduling chain must not run unbounded in the next evaluation.
    pub(crate) fn drop_context_jobs(&self, rec: &ContextRecord) {
        if rec.microtask_mode != crate::MicrotaskMode::AfterEvaluate {
            return;
        }
        self.shared.executor.discard_context_jobs(rec.id);
    }
}

/// Runs every queued promise job (microtask) of the isolate to completion (jobs of
/// `afterEvaluate` contexts wait for their context: [`crate::VmContext::run_jobs`]).
///
/// # Errors
/// The first job that throws ([`VmError::Thrown`]) ends the drain, leaving later jobs queued;
/// [`VmError::ForeignEngine`] for a `Context` of no isolate.
pub fn run_jobs<'a>(on: impl crate::Entry<'a>) -> Result<(), VmError> {
    let (iso, current) = crate::entry::resolve(on)?;
    iso.inner.drain_jobs(current, None)
}
