//! The native (Rust) stack under the engine.
//!
//! Boa's parser, bytecode compiler and many builtins (`JSON.stringify`, `Array.prototype.flat`,
//! prototype-chain lookups, Proxy traps) recurse on the Rust stack, and none of that recursion
//! passes through Boa's `RuntimeLimits`. A Rust stack overflow is not a panic: it aborts the
//! whole process. Two defences live here:
//!
//! * [`guarded`] runs an engine entry point (parse, compile, run, jobs, module work, host
//!   functions that re-enter the engine) with at least [`RED_ZONE`] bytes of stack left,
//!   switching to a fresh [`SEGMENT`]-byte stack segment (the `stacker` crate) when the current
//!   one is shorter. Native recursion inside Boa then has that much room before it overflows.
//! * [`check_source`] is a linear pre-scan of source text that bounds how deep Boa's recursive
//!   parser and compiler can go on it (see `depth_score`), refusing deeper sources with V8's
//!   `RangeError: Maximum call stack size exceeded` before Boa sees them.
//!
//! On wasm32 there is no `stacker`: [`guarded`] just calls its function.

/// Stack that must remain when an entry point starts, or a new segment is allocated.
pub(crate) const RED_ZONE: usize = 64 << 20;

/// Size of a new stack segment (virtual memory: only the pages touched become resident).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) const SEGMENT: usize = 512 << 20;

/// Runs `f` with at least [`RED_ZONE`] bytes of native stack available.
#[inline]
pub(crate) fn guarded<R>(f: impl FnOnce() -> R) -> R {
    #[cfg(not(target_arch = "wasm32"))]
    {
        stacker::maybe_grow(RED_ZONE, SEGMENT, f)
    }
    #[cfg(target_arch = "wasm32")]
    {
        f()
    }
}

/// Runs `f` with at least 64 MiB (`RED_ZONE`) of native stack available: for embedders that call
/// into Boa directly (outside vm-core's entry points) on a thread with a small stack.
pub fn with_native_stack<R>(f: impl FnOnce() -> R) -> R {
    guarded(f)
}

/// Bytes of native stack left on this thread, where known.
pub fn remaining_native_stack() -> Option<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        stacker::remaining_stack()
    }
    #[cfg(target_arch = "wasm32")]
    {
        None
    }
}
