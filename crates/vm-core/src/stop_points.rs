//! Stop points: the places where host code runs in the middle of JavaScript (global-proxy
//! traps, host functions, `eval`, promise jobs) check the stop conditions of every stoppable
//! run in progress on this thread.
//!
//! Boa yields to the budgeted poll loop (`interrupt.rs`) only from the outermost run loop; JS
//! called back from native code runs in nested, synchronous loops. A stop point fires there:
//! it records why ([`Stop`]: also the isolate's memory limit, see `memory`), "squeezes" the engine's runtime limits (loop iterations and
//! recursion to 0, so that any JS a native might still run after swallowing the error fails at
//! once) and returns Boa's uncatchable runtime-limit error, which unwinds to the Rust caller.
//! The run then reports the recorded stop and discards the engine (its limits stay squeezed).
//!
//! Runs nest (a host function running another context with its own timeout): every armed run
//! is checked, and a run whose deadline a nested run saw pass is "tripped", so it reports its
//! own timeout even if JS code caught the nested run's error (as V8's isolate-wide
//! termination does).
use std::{
    cell::{Cell, RefCell},
    rc::Rc,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use boa_engine::{Context, JsError, JsResult};

use crate::interrupt::{InterruptHandle, Stop};
use crate::time::Instant;

/// One stoppable run in progress.
struct Armed {
    deadline: Option<(Instant, Duration)>,
    sigint: Option<Arc<AtomicBool>>,
    handle: InterruptHandle,
    /// The isolate's memory limit (bytes), see `memory`.
    memory_limit: Option<usize>,
    /// The stop a stop point (or a nested run) found for this run.
    tripped: Cell<Option<StopKind>>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum StopKind {
    Timeout(Duration),
    Sigint,
    Interrupted,
    MemoryLimit(usize),
}

impl From<StopKind> for Stop {
    fn from(k: StopKind) -> Self {
        match k {
            StopKind::Timeout(d) => Stop::Timeout(d),
            StopKind::Sigint => Stop::Sigint,
            StopKind::Interrupted => Stop::Interrupted,
            StopKind::MemoryLimit(l) => Stop::MemoryLimit(l),
        }
    }
}

impl Armed {
    fn check(&self, now: &mut Option<Instant>) -> Option<StopKind> {
        if let Some(k) = self.tripped.get() {
            return Some(k);
        }
        let mut found = None;
        if let Some((at, d)) = self.deadline {
            let t = *now.get_or_insert_with(Instant::now);
            if t >= at {
                found = Some(StopKind::Timeout(d));
            }
        }
        if found.is_none()
            && self
                .sigint
                .as_ref()
                .is_some_and(|f| f.swap(false, Ordering::SeqCst))
        {
            found = Some(StopKind::Sigint);
        }
        if found.is_none() && self.handle.take() {
            found = Some(StopKind::Interrupted);
        }
        if found.is_none() {
            if let Some(limit) = self.memory_limit.filter(|l| crate::memory::over(*l)) {
                found = Some(StopKind::MemoryLimit(limit));
            }
        }
        if found.is_some() {
            self.tripped.set(found);
        }
        found
    }
}

thread_local! {
    static ARMED: RefCell<Vec<Rc<Armed>>> = const { RefCell::new(Vec::new()) };
}

/// Keeps a run armed (checked by stop points) while it lives.
pub(crate) struct ArmGuard(Rc<Armed>);

impl ArmGuard {
    /// Arms a run with these stop conditions.
    pub(crate) fn arm(
        deadline: Option<(Instant, Duration)>,
        sigint: Option<Arc<AtomicBool>>,
        handle: &InterruptHandle,
        memory_limit: Option<usize>,
    ) -> Self {
        let armed = Rc::new(Armed {
            deadline,
            sigint,
            handle: handle.clone(),
            memory_limit,
            tripped: Cell::new(None),
        });
        let _ = ARMED.try_with(|a| a.borrow_mut().push(armed.clone()));
        Self(armed)
    }

    /// The stop a stop point (or a nested run) recorded for this run.
    pub(crate) fn tripped(&self) -> Option<Stop> {
        self.0.tripped.get().map(Stop::from)
    }

    /// Records `stop` for this run and marks every enclosing run whose own deadline has
    /// passed too (a nested run stopped by an enclosing deadline must not hide it).
    pub(crate) fn trip(&self, stop: &Stop) {
        let kind = match stop {
            Stop::Timeout(d) => StopKind::Timeout(*d),
            Stop::Sigint => StopKind::Sigint,
            Stop::Interrupted => StopKind::Interrupted,
            Stop::MemoryLimit(l) => StopKind::MemoryLimit(*l),
        };
        self.0.tripped.set(Some(kind));
        trip_expired();
    }
}

impl Drop for ArmGuard {
    fn drop(&mut self) {
        let _ = ARMED.try_with(|a| {
            let mut a = a.borrow_mut();
            if let Some(pos) = a.iter().rposition(|x| Rc::ptr_eq(x, &self.0)) {
                a.remove(pos);
            }
        });
    }
}

/// Marks every armed run whose deadline has passed.
fn trip_expired() {
    let now = Instant::now();
    let _ = ARMED.try_with(|a| {
        for armed in a.borrow().iter() {
            if let Some((at, d)) = armed.deadline {
                if now >= at && armed.tripped.get().is_none() {
                    armed.tripped.set(Some(StopKind::Timeout(d)));
                }
            }
        }
    });
}

/// Whether any stoppable run is in progress on this thread (cheap).
pub(crate) fn any_armed() -> bool {
    ARMED.try_with(|a| !a.borrow().is_empty()).unwrap_or(false)
}

/// The error a stop point returns: Boa's uncatchable loop-limit error.
pub(crate) fn stop_error() -> JsError {
    boa_engine::error::EngineError::RuntimeLimit(
        boa_engine::error::RuntimeLimitError::LoopIteration,
    )
    .into()
}

/// A stop point: fails with an uncatchable error (and squeezes `cx`'s limits) when a run in
/// progress must stop. Costs one thread-local read when no stoppable run is armed.
pub(crate) fn check(cx: &mut Context) -> JsResult<()> {
    if fired() {
        squeeze(cx);
        return Err(stop_error());
    }
    Ok(())
}

/// Whether a run in progress on this thread must stop (each armed run is checked, and
/// tripped when it must).
pub(crate) fn fired() -> bool {
    if !any_armed() {
        return false;
    }
    let mut now = None;
    let fired = ARMED
        .try_with(|a| {
            // Every run is checked (and tripped) so that enclosing runs learn of their own
            // deadline too.
            let mut first = None;
            for armed in a.borrow().iter().rev() {
                if let Some(k) = armed.check(&mut now) {
                    first.get_or_insert(k);
                }
            }
            first
        })
        .ok()
        .flatten();
    fired.is_some()
}

/// Counts a call on `counter` and says whether it is the `every`-th (sampling a costly check);
/// `if_gone` while the thread's locals are being destroyed.
pub(crate) fn one_in(
    counter: &'static std::thread::LocalKey<Cell<u32>>,
    every: u32,
    if_gone: bool,
) -> bool {
    counter
        .try_with(|c| {
            let n = c.get().wrapping_add(1);
            c.set(n);
            n % every == 0
        })
        .unwrap_or(if_gone)
}

thread_local! {
    static TRAP_CALLS: Cell<u32> = const { Cell::new(0) };
}

/// [`check`] for the contextified global's traps, which hot loops call millions of times: the
/// stop conditions (a clock read at least) are checked on one call in `TRAP_SAMPLE`, i.e. every
/// few microseconds of a loop that touches globals.
pub(crate) fn check_sampled(cx: &mut Context) -> JsResult<()> {
    const TRAP_SAMPLE: u32 = 32;
    if !any_armed() {
        return Ok(());
    }
    if one_in(&TRAP_CALLS, TRAP_SAMPLE, true) {
        check(cx)
    } else {
        Ok(())
    }
}

/// Sets `cx`'s loop and recursion limits to 0: whatever JS still runs on it fails at once.
/// Only for engines about to be discarded.
pub(crate) fn squeeze(cx: &mut Context) {
    let limits = cx.runtime_limits_mut();
    limits.set_loop_iteration_limit(0);
    limits.set_recursion_limit(0);
}
