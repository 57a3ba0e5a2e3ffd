//! One job queue for every engine of an isolate.
//!
//! Each engine would otherwise keep its own queue, and jobs left in a dropped engine's queue
//! are lost (an async function awaiting another context's promise would never resume).
use std::{cell::RefCell, collections::VecDeque, rc::Rc};

use boa_engine::{
    job::{GenericJob, Job, JobExecutor, NativeAsyncJob, PromiseJob},
    Context, JsResult,
};

/// A job waiting to run.
pub(crate) enum Queued {
    Promise(PromiseJob),
    Generic(GenericJob),
    /// An async (host) job and its place in the order async jobs were enqueued.
    Async(NativeAsyncJob, u64),
}

impl Queued {
    pub(crate) fn realm(&self) -> Option<&boa_engine::realm::Realm> {
        match self {
            Self::Promise(p) => p.realm(),
            Self::Generic(g) => Some(g.realm()),
            Self::Async(a, _) => a.realm(),
        }
    }

    pub(crate) fn call(self, cx: &mut Context) -> JsResult<boa_engine::JsValue> {
        match self {
            Self::Promise(p) => {
                let r = p.call(cx);
                // A hook's promise may have settled: parked imports go on.
                crate::dyn_import::poll_parked(cx);
                r
            }
            Self::Generic(g) => {
                let r = g.call(cx);
                crate::dyn_import::poll_parked(cx);
                r
            }
            // Module loading for `link()` runs at once; `import()` may wait for its hook
            // (dyn_import.rs).
            Self::Async(a, _) => crate::dyn_import::run_async_job(a, cx),
        }
    }
}

#[derive(Default)]
pub(crate) struct Executor {
    queue: RefCell<VecDeque<Queued>>,
    /// Job kinds the engine never creates on its own (timers, async jobs, finalization
    /// registry cleanups) are counted and refused at drain time rather than silently lost.
    unsupported: RefCell<Vec<&'static str>>,
    /// How many async jobs were ever enqueued (their sequence numbers).
    async_count: std::cell::Cell<u64>,
}

impl Executor {
    /// Puts a job back at the head of the queue.
    pub(crate) fn push_front(&self, job: Queued) {
        self.queue.borrow_mut().push_front(job);
    }

    /// The sequence number the next async job will get: [`Executor::pop_async`] with it takes
    /// only the async jobs enqueued from now on.
    pub(crate) fn async_mark(&self) -> u64 {
        self.async_count.get()
    }

    /// Removes and returns the first async (host) job enqueued at or after `since`.
    pub(crate) fn pop_async(&self, since: u64) -> Option<Queued> {
        let mut q = self.queue.borrow_mut();
        let pos = q
            .iter()
            .position(|j| matches!(j, Queued::Async(_, seq) if *seq >= since))?;
        q.remove(pos)
    }

    /// Removes and returns the first job whose realm satisfies `pred`.
    pub(crate) fn pop_where(
        &self,
        mut pred: impl FnMut(Option<&boa_engine::realm::Realm>) -> bool,
    ) -> Option<Queued> {
        let mut q = self.queue.borrow_mut();
        let pos = q.iter().position(|j| pred(j.realm()))?;
        q.remove(pos)
    }

    /// Drops every queued job of the vm context `id` (its realm's jobs).
    pub(crate) fn discard_context_jobs(&self, id: usize) {
        let dropped: VecDeque<Queued> = {
            let mut q = self.queue.borrow_mut();
            let (gone, kept) = std::mem::take(&mut *q)
                .into_iter()
                .partition(|j| j.realm().and_then(crate::hooks::realm_context_id) == Some(id));
            *q = kept;
            gone
        };
        // Dropped outside the borrow: a job's captures may run finalizers that enqueue.
        drop(dropped);
    }

    /// Jobs the shared drain would run (jobs of `afterEvaluate` realms wait for their realm).
    pub(crate) fn shared_len(&self) -> usize {
        self.queue
            .borrow()
            .iter()
            .filter(|j| !j.realm().is_some_and(crate::hooks::realm_own_queue))
            .count()
    }

    pub(crate) fn take_unsupported(&self) -> Vec<&'static str> {
        std::mem::take(&mut *self.unsupported.borrow_mut())
    }
}

impl JobExecutor for Executor {
    fn enqueue_job(self: Rc<Self>, job: Job, _context: &mut Context) {
        let queued = match job {
            Job::PromiseJob(p) => Queued::Promise(p),
            Job::GenericJob(g) => Queued::Generic(g),
            Job::AsyncJob(a) => {
                let seq = self.async_count.get();
                self.async_count.set(seq + 1);
                Queued::Async(a, seq)
            }
            Job::TimeoutJob(_) => return self.unsupported.borrow_mut().push("TimeoutJob"),
            Job::IntervalJob(_) => return self.unsupported.borrow_mut().push("IntervalJob"),
            Job::FinalizationRegistryCleanupJob(_) => {
                return self
                    .unsupported
                    .borrow_mut()
                    .push("FinalizationRegistryCleanupJob")
            }
            _ => return self.unsupported.borrow_mut().push("unknown job"),
        };
        self.queue.borrow_mut().push_back(queued);
    }

    fn run_jobs(self: Rc<Self>, context: &mut Context) -> JsResult<()> {
        crate::jobs::drain_jobs_from_engine(context)
    }
}
