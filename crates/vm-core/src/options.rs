//! Option structs for contexts, scripts and runs (Node's option names in the docs).
use std::time::Duration;

/// `codeGeneration` of `vm.createContext`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeGeneration {
    /// `strings`: when false, `eval`, `Function`, and the generator / async function
    /// constructors throw an `EvalError` inside the context.
    pub strings: bool,
    /// `wasm`: accepted for API compatibility; Boa has no WebAssembly, so there is nothing to
    /// compile either way (documented in the README).
    pub wasm: bool,
}

impl Default for CodeGeneration {
    fn default() -> Self {
        Self {
            strings: true,
            wasm: true,
        }
    }
}

/// `microtaskMode` of `vm.createContext`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MicrotaskMode {
    /// Microtasks go to the isolate's shared queue (Node's default).
    #[default]
    Default,
    /// `'afterEvaluate'`: microtasks queued by the context run right after each evaluation in
    /// it.
    AfterEvaluate,
}

impl MicrotaskMode {
    /// Parses Node's option value (`undefined` is [`MicrotaskMode::Default`]).
    ///
    /// # Errors
    /// [`crate::VmError::InvalidOption`] for any value other than `'afterEvaluate'`.
    pub fn parse(value: Option<&str>) -> Result<Self, crate::VmError> {
        match value {
            None => Ok(Self::Default),
            Some("afterEvaluate") => Ok(Self::AfterEvaluate),
            Some(other) => Err(crate::VmError::InvalidOption {
                name: "microtaskMode",
                reason: format!("must be 'afterEvaluate' or undefined, got '{other}'"),
            }),
        }
    }
}

/// Options of `vm.createContext`.
#[derive(Debug, Clone, Default)]
pub struct ContextOptions {
    /// `name`: a human-readable name (Node default: `VM Context i`).
    pub name: Option<String>,
    /// `origin`: the context's origin (informational, as in Node).
    pub origin: Option<String>,
    /// `codeGeneration`.
    pub code_generation: CodeGeneration,
    /// `microtaskMode`.
    pub microtask_mode: MicrotaskMode,
}

/// Options of `new vm.Script` (the compile-time part).
#[derive(Debug, Clone)]
pub struct ScriptOptions {
    /// `filename` used in stack traces (Node default `evalmachine.<anonymous>`).
    pub filename: String,
    /// `lineOffset`: added to line numbers in stack traces and errors.
    pub line_offset: i32,
    /// `columnOffset`: added to the first line's column numbers.
    pub column_offset: i32,
    #[doc(hidden)]
    /// An opaque tag a host attaches to the compiled source (0: none), recovered from the
    /// referrer of a dynamic `import()` with `internal::host_tag_of_path`: how
    /// vm-modules finds a script's `importModuleDynamically` hook.
    pub host_tag: u64,
}

impl Default for ScriptOptions {
    fn default() -> Self {
        Self {
            filename: "evalmachine.<anonymous>".to_owned(),
            line_offset: 0,
            column_offset: 0,
            host_tag: 0,
        }
    }
}

/// Options of a run (`script.runInContext(ctx, options)` and friends).
#[derive(Debug, Clone)]
pub struct RunOptions {
    /// `displayErrors`: decorate a thrown error's stack with the source line and an arrow.
    pub display_errors: bool,
    /// `timeout`: not supported by this build of vm-core yet; a run with a timeout is refused
    /// with [`crate::VmError::InvalidOption`] rather than silently running unbounded.
    pub timeout: Option<Duration>,
    /// `breakOnSigint`: likewise refused until interruption lands.
    pub break_on_sigint: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            display_errors: true,
            timeout: None,
            break_on_sigint: false,
        }
    }
}
