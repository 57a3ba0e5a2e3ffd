//! Stopping runs: `timeout`, `breakOnSigint`, and an interrupt handle for embedders.
//!
//! Limit: Boa 0.22 has no interrupt API. A stoppable run evaluates with
//! `Script::evaluate_async_with_budget`, polled by hand: the interpreter yields every `BUDGET`
//! cost units *of the outermost run loop*, and at each yield the deadline, the SIGINT flag and
//! the interrupt handle are checked. To stop, the evaluation future is dropped; that leaves the
//! dead evaluation's frames on the engine, so the engine is thrown away and replaced by a fresh
//! one entering the same realm (realms outlive their engine). JS called back from native code
//! (array callbacks, getters, Proxy traps, promise jobs...) runs in a nested loop that never
//! yields and is not stopped until it returns to the outer loop (README: coverage).
use std::{
    future::Future,
    pin::pin,
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    task::{Context as TaskContext, Poll, Waker},
    time::Duration,
};

use boa_engine::{Context, JsResult, JsValue};

use crate::{error::VmError, stop_points::ArmGuard};

/// Cost units between two checks (well under a millisecond of bytecode; the measured cost of
/// the budgeted loop barely depends on it: 1.24× at 4096, 1.17× at 65,536).
pub(crate) const BUDGET: u32 = 65_536;

/// Cost units between two checks under a memory limit: a doubling string (`s += s`, about 15
/// units an iteration) must be seen between two doublings (measured: peak RSS 285 MB under a
/// 256 MB limit at 16, 417 MB at 32; +3% instructions over `BUDGET` on a CPU-bound loop).
pub(crate) const MEMORY_BUDGET: u32 = 16;

/// Stops the code running in an isolate from any thread (`Send + Sync`).
///
/// Runs check it only while [`crate::Isolate::set_interruptible`] is on (or with a timeout):
/// plain runs take Boa's fastest path, which cannot be interrupted.
#[derive(Clone, Debug, Default)]
pub struct InterruptHandle {
    flag: Arc<AtomicBool>,
}

impl InterruptHandle {
    /// Asks the running (or next) stoppable run to stop with [`VmError::Interrupted`].
    pub fn interrupt(&self) {
        self.flag.store(true, Ordering::SeqCst);
    }

    /// Takes a pending interrupt request.
    pub(crate) fn take(&self) -> bool {
        self.flag.swap(false, Ordering::SeqCst)
    }
}

/// Why a run stopped early.
pub(crate) enum Stop {
    Timeout(Duration),
    Sigint,
    Interrupted,
    MemoryLimit(usize),
}

impl From<Stop> for VmError {
    fn from(s: Stop) -> Self {
        match s {
            Stop::Timeout(d) => VmError::Timeout(d),
            Stop::Sigint => VmError::Sigint,
            Stop::Interrupted => VmError::Interrupted,
            Stop::MemoryLimit(limit) => VmError::MemoryLimit { limit },
        }
    }
}

/// What a stoppable run watches. Creating one arms the run's stop points
/// (`stop_points.rs`) until it is dropped.
pub(crate) struct Watch<'a> {
    pub(crate) deadline: Option<(crate::time::Instant, Duration)>,
    pub(crate) sigint: Option<Arc<AtomicBool>>,
    pub(crate) handle: &'a InterruptHandle,
    pub(crate) callback: Option<&'a dyn Fn() -> bool>,
    /// The isolate's memory limit (bytes).
    pub(crate) memory_limit: Option<usize>,
    armed: ArmGuard,
}

impl<'a> Watch<'a> {
    pub(crate) fn new(
        deadline: Option<(crate::time::Instant, Duration)>,
        sigint: Option<Arc<AtomicBool>>,
        handle: &'a InterruptHandle,
        callback: Option<&'a dyn Fn() -> bool>,
        memory_limit: Option<usize>,
    ) -> Self {
        let armed = ArmGuard::arm(deadline, sigint.clone(), handle, memory_limit);
        Self {
            deadline,
            sigint,
            handle,
            callback,
            memory_limit,
            armed,
        }
    }

    pub(crate) fn should_stop(&self) -> Option<Stop> {
        if let Some(stop) = self.armed.tripped() {
            return Some(stop);
        }
        let stop = self.own_stop()?;
        self.armed.trip(&stop);
        Some(stop)
    }

    fn own_stop(&self) -> Option<Stop> {
        if let Some((at, d)) = self.deadline {
            if crate::time::Instant::now() >= at {
                return Some(Stop::Timeout(d));
            }
        }
        if self
            .sigint
            .as_ref()
            .is_some_and(|f| f.swap(false, Ordering::SeqCst))
        {
            return Some(Stop::Sigint);
        }
        if self.handle.take() || self.callback.is_some_and(|cb| cb()) {
            return Some(Stop::Interrupted);
        }
        if let Some(limit) = self.memory_limit.filter(|l| crate::memory::over(*l)) {
            return Some(Stop::MemoryLimit(limit));
        }
        None
    }
}

/// Empty-loop iterations per millisecond on this machine and build: an upper bound on how fast
/// any loop iterates, measured once per process.
/// The highest loop rate seen so far (iterations per ms, as `f64` bits): only ever raised.
static RATE_BITS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn raise_rate(rate: f64) {
    let _ = RATE_BITS.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |bits| {
        (rate > f64::from_bits(bits)).then_some(rate.to_bits())
    });
}

fn loop_rate_per_ms(cx: &mut Context) -> f64 {
    static CALIBRATED: std::sync::Once = std::sync::Once::new();
    CALIBRATED.call_once(|| {
        // The fastest loop there is, cut by the limit itself after exactly N iterations; the
        // best of several samples, so that a busy machine does not make the estimate too low.
        const N: u64 = 400_000;
        let realm = cx.realm().clone();
        crate::workarounds::note_parse(cx, &realm);
        let Ok(script) =
            boa_engine::Script::parse(boa_engine::Source::from_bytes("for (;;) {}"), None, cx)
        else {
            raise_rate(1e6);
            return;
        };
        let saved = cx.runtime_limits();
        for _ in 0..5 {
            cx.runtime_limits_mut().set_loop_iteration_limit(N);
            let start = crate::time::Instant::now();
            let _ = script.evaluate(cx);
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            raise_rate(N as f64 / ms.max(1e-3));
        }
        cx.set_runtime_limits(saved);
    });
    f64::from_bits(RATE_BITS.load(Ordering::SeqCst)).max(1.0)
}

/// Limit: JS called back from native code (array callbacks, getters, Proxy traps, `eval` code,
/// promise jobs) runs in a nested interpreter loop that never yields to the budget. Boa's
/// per-frame loop-iteration limit reaches into those loops; it is set so that a loop can hit
/// it only after running at least `LOOP_MARGIN` × the timeout at the fastest iteration rate
/// measured, so nothing is stopped before its timeout. Should the limit still fire early (the
/// machine ran faster than ever measured), the run reports the engine's limit error instead of
/// a timeout, and the rate estimate is raised for later runs.
const LOOP_MARGIN: f64 = 3.0;

fn is_loop_limit(e: &boa_engine::JsError) -> bool {
    matches!(
        e.as_engine(),
        Some(boa_engine::error::EngineError::RuntimeLimit(
            boa_engine::error::RuntimeLimitError::LoopIteration
        ))
    )
}

/// Sets the loop-iteration backstop of a run with a deadline (see `LOOP_MARGIN`) and returns
/// the limits to restore once the run (and its jobs) ended without a stop.
pub(crate) fn set_backstop(cx: &mut Context, watch: &Watch<'_>) -> boa_engine::vm::RuntimeLimits {
    let saved = cx.runtime_limits();
    if let Some((_, timeout)) = watch.deadline {
        let limit = backstop_limit(cx, timeout);
        cx.runtime_limits_mut().set_loop_iteration_limit(limit);
    }
    saved
}

/// Evaluates `script` on `cx`, checking `watch` at every yield of the interpreter. On a stop
/// the evaluation is abandoned: the caller must discard `cx`. The backstop must be set
/// ([`set_backstop`]).
pub(crate) fn evaluate_watched(
    script: &boa_engine::Script,
    cx: &mut Context,
    watch: &Watch<'_>,
) -> Result<JsResult<JsValue>, Stop> {
    if let Some(stop) = watch.should_stop() {
        return Err(stop);
    }
    let started = crate::time::Instant::now();
    let loop_limit = cx.runtime_limits().loop_iteration_limit();
    let outcome = {
        let budget = if watch.memory_limit.is_some() {
            MEMORY_BUDGET
        } else {
            BUDGET
        };
        let mut fut = pin!(script.evaluate_async_with_budget(cx, budget));
        let mut task = TaskContext::from_waker(Waker::noop());
        loop {
            match fut.as_mut().poll(&mut task) {
                Poll::Ready(r) => break r,
                Poll::Pending => {
                    if let Some(stop) = watch.should_stop() {
                        return Err(stop);
                    }
                }
            }
        }
    };
    settle(outcome, watch, started, loop_limit)
}

/// What a watched evaluation that ran to its end reports: the stop a stop point recorded (or
/// the backstop's, once the deadline passed) wins over the engine's uncatchable error.
pub(crate) fn settle<T>(
    outcome: JsResult<T>,
    watch: &Watch<'_>,
    started: crate::time::Instant,
    loop_limit: u64,
) -> Result<JsResult<T>, Stop> {
    // A run that ended on its own reports a stop only if one was recorded for it (a stop
    // point fired, or a nested run saw its deadline pass) or the engine's error is the
    // backstop's after the deadline: bounded work that merely overran keeps its result.
    if let Some(stop) = watch.armed.tripped() {
        return Err(stop);
    }
    if let Err(e) = &outcome {
        if is_loop_limit(e) {
            if let Some(stop) = watch.should_stop() {
                return Err(stop);
            }
        }
        if is_loop_limit(e) && watch.deadline.is_some() {
            // Fired before the deadline: the machine ran faster than measured.
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            raise_rate(loop_limit as f64 / ms.max(1e-3));
        }
    }
    Ok(outcome)
}

/// SIGINT watching for `breakOnSigint`.
///
/// Two process-wide signal-hook actions are installed once: one sets the `hit` flag, one runs
/// the default action (terminate) while no run is armed. Arming for a run therefore replaces
/// the default Ctrl-C behaviour only during that run and restores it afterwards (signal-hook
/// cannot unregister back to the default disposition).
pub(crate) struct SigintGuard {
    pub(crate) flag: Arc<AtomicBool>,
    #[cfg(not(target_arch = "wasm32"))]
    idle: Arc<AtomicBool>,
}

/// Runs currently watching SIGINT (nested `breakOnSigint` runs).
#[cfg(not(target_arch = "wasm32"))]
static ARMED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// (`hit`, `idle`): set by SIGINT; run the default action when no run is armed.
#[cfg(not(target_arch = "wasm32"))]
type SigintFlags = (Arc<AtomicBool>, Arc<AtomicBool>);

#[cfg(not(target_arch = "wasm32"))]
fn sigint_flags() -> Result<&'static SigintFlags, VmError> {
    static FLAGS: std::sync::OnceLock<Result<SigintFlags, String>> = std::sync::OnceLock::new();
    FLAGS
        .get_or_init(|| {
            let hit = Arc::new(AtomicBool::new(false));
            let idle = Arc::new(AtomicBool::new(true));
            let sig = signal_hook::consts::SIGINT;
            signal_hook::flag::register_conditional_default(sig, idle.clone())
                .map_err(|e| e.to_string())?;
            signal_hook::flag::register(sig, hit.clone()).map_err(|e| e.to_string())?;
            Ok((hit, idle))
        })
        .as_ref()
        .map_err(|e| VmError::InvalidOption {
            name: "breakOnSigint",
            reason: format!("cannot watch SIGINT: {e}"),
        })
}

impl SigintGuard {
    pub(crate) fn install() -> Result<Self, VmError> {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let (hit, idle) = sigint_flags()?;
            if ARMED.fetch_add(1, Ordering::SeqCst) == 0 {
                hit.store(false, Ordering::SeqCst);
            }
            idle.store(false, Ordering::SeqCst);
            Ok(Self {
                flag: hit.clone(),
                idle: idle.clone(),
            })
        }
        #[cfg(target_arch = "wasm32")]
        {
            Err(VmError::InvalidOption {
                name: "breakOnSigint",
                reason: "there are no signals on wasm32".into(),
            })
        }
    }
}

impl Drop for SigintGuard {
    fn drop(&mut self) {
        #[cfg(not(target_arch = "wasm32"))]
        if ARMED.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.idle.store(true, Ordering::SeqCst);
        }
    }
}

/// The loop-iteration backstop for a run of `timeout` on `cx` (see `LOOP_MARGIN`).
pub(crate) fn backstop_limit(cx: &mut Context, timeout: Duration) -> u64 {
    let limit = loop_rate_per_ms(cx) * timeout.as_secs_f64() * 1000.0 * LOOP_MARGIN;
    limit.max(1e6) as u64
}
