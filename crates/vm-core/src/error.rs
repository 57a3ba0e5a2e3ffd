//! Host-side failures of vm-core, distinct from values thrown by JavaScript.
use boa_engine::JsValue;

/// Everything that can go wrong when the host drives the engine.
///
/// A value thrown by JavaScript is [`VmError::Thrown`], carrying that exact value (same object,
/// same realm): vm-core never stringifies a thrown value. Node's `ERR_*` codes for these are
/// assigned by vm-node.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum VmError {
    /// JavaScript threw this value (an `Error` object or any other value).
    #[error("uncaught JavaScript exception")]
    Thrown(JsValue),
    /// The engine stopped the run with an error JavaScript cannot catch (a runtime limit such
    /// as the loop limit). At the vm boundary the recursion and stack limits become V8's
    /// `RangeError: Maximum call stack size exceeded` ([`VmError::Thrown`]) instead.
    #[error("engine error: {0}")]
    Engine(EngineLimit),
    /// An option had an invalid value.
    #[error("invalid option `{name}`: {reason}")]
    InvalidOption {
        /// The option's name as Node spells it (e.g. `microtaskMode`).
        name: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The target engine is running further up the native call stack and the call was made
    /// with the isolate as its [`crate::Entry`] (from inside a host function, pass the
    /// `&mut Context` it received).
    #[error("the engine of context {0} is busy and no running engine was provided")]
    EngineBusy(usize),
    /// The `&mut Context` given as [`crate::Entry`] is not an engine of any live isolate.
    #[error("the engine does not belong to a live isolate")]
    ForeignEngine,
    /// The context's isolate was dropped.
    #[error("the isolate is gone")]
    IsolateGone,
    /// Nested runs across contexts went deeper than the isolate allows.
    #[error("maximum nesting of vm runs ({0}) exceeded")]
    NestingLimit(u32),
    /// The run exceeded its `timeout` (Node: `ERR_SCRIPT_EXECUTION_TIMEOUT`).
    #[error("Script execution timed out after {}ms", .0.as_millis())]
    Timeout(std::time::Duration),
    /// SIGINT arrived during a `breakOnSigint` run (Node: `ERR_SCRIPT_EXECUTION_INTERRUPTED`).
    #[error("Script execution was interrupted by `SIGINT`")]
    Sigint,
    /// An [`crate::InterruptHandle`] or the interrupt callback stopped the run.
    #[error("Script execution was interrupted")]
    Interrupted,
    /// The isolate's live heap grew past its memory limit during the run
    /// ([`crate::Isolate::set_memory_limit`]; boavm's `ERR_VM_MEMORY_LIMIT`).
    #[error("Script execution exceeded the memory limit of {} MB", .limit >> 20)]
    MemoryLimit {
        /// The limit, in bytes.
        limit: usize,
    },
    /// A panic (a Boa bug, or a panicking host callback) unwound through a run. The isolate
    /// may hold inconsistent engine state, so it refuses every later call with this error.
    #[error("the isolate is unusable after a panic during a run: {0}")]
    Broken(String),
    /// The source is larger than the isolate accepts ([`crate::Isolate::set_max_source_bytes`]).
    #[error("source of {size} bytes exceeds the limit of {limit} bytes")]
    SourceTooLarge {
        /// The source's size in bytes.
        size: usize,
        /// The isolate's limit.
        limit: usize,
    },
    /// The source nests deeper than the native stack under Boa's recursive parser and compiler
    /// allows (V8 refuses such sources with `RangeError: Maximum call stack size exceeded`);
    /// see `source_depth`.
    #[error("Maximum call stack size exceeded (source nesting: estimated {score} KiB of native stack, limit {limit} KiB)")]
    SourceTooDeep {
        /// The source's estimated native stack need, in KiB.
        score: u32,
        /// The largest accepted.
        limit: u32,
    },
    /// The engine could not be created.
    #[error("failed to initialise the engine: {0}")]
    Init(String),
}

/// The uncatchable engine error of [`VmError::Engine`].
///
/// The display text is Boa's (`RuntimeLimitError: reached the maximum number of iteration
/// loops on this execution`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EngineLimit {
    /// Boa's loop-iteration limit (also the backstop of timed runs Boa cannot yield from).
    LoopIteration,
    /// Boa's limit on recursive calls.
    Recursion,
    /// Boa's limit on its value stack.
    StackSize,
    /// Any other uncatchable engine error (an engine panic reported as an error, or a host
    /// invariant the engine broke), with its message.
    Other(String),
}

impl EngineLimit {
    /// The limit of a Boa engine error.
    pub(crate) fn of(err: &boa_engine::error::EngineError) -> Self {
        use boa_engine::error::{EngineError, RuntimeLimitError};
        match err {
            EngineError::RuntimeLimit(RuntimeLimitError::LoopIteration) => Self::LoopIteration,
            EngineError::RuntimeLimit(RuntimeLimitError::Recursion) => Self::Recursion,
            EngineError::RuntimeLimit(RuntimeLimitError::StackSize) => Self::StackSize,
            other => Self::Other(other.to_string()),
        }
    }
}

impl std::fmt::Display for EngineLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use boa_engine::error::{EngineError, RuntimeLimitError};
        let limit = |l| EngineError::RuntimeLimit(l).to_string();
        match self {
            Self::LoopIteration => f.write_str(&limit(RuntimeLimitError::LoopIteration)),
            Self::Recursion => f.write_str(&limit(RuntimeLimitError::Recursion)),
            Self::StackSize => f.write_str(&limit(RuntimeLimitError::StackSize)),
            Self::Other(message) => f.write_str(message),
        }
    }
}

impl VmError {
    /// Whether the run was stopped (timeout, SIGINT, interrupt or memory limit) rather than
    /// failing.
    pub fn is_stop(&self) -> bool {
        matches!(
            self,
            Self::Timeout(_) | Self::Sigint | Self::Interrupted | Self::MemoryLimit { .. }
        )
    }

    /// The thrown JavaScript value, when this error is one.
    pub fn thrown(&self) -> Option<&JsValue> {
        match self {
            Self::Thrown(v) => Some(v),
            _ => None,
        }
    }
}

impl From<crate::source_depth::TooDeep> for VmError {
    fn from(e: crate::source_depth::TooDeep) -> Self {
        Self::SourceTooDeep {
            score: kib(e.score),
            limit: kib(e.limit),
        }
    }
}

fn kib(units: u32) -> u32 {
    (units as usize * crate::source_depth::UNIT / 1024) as u32
}
