//! Options of module creation and evaluation (Node's option names in the docs).
use vm_core::VmContext;

use crate::callbacks::DynamicImportHook;

/// Options of `new vm.SourceTextModule(code, options)`.
#[derive(Clone, Default)]
pub struct SourceTextOptions {
    /// `identifier` (default `vm:module(i)`, counted per context).
    pub identifier: Option<String>,
    /// `context` (default: the main context).
    pub context: Option<VmContext>,
    /// `lineOffset`.
    pub line_offset: i32,
    /// `columnOffset`.
    pub column_offset: i32,
    /// `importModuleDynamically`: the hook `import()` inside the module calls.
    pub import_module_dynamically: Option<DynamicImportHook>,
}

/// Options of `new vm.SyntheticModule(exportNames, evaluateCallback, options)`.
#[derive(Debug, Clone, Default)]
pub struct SyntheticOptions {
    /// `identifier` (default `vm:module(i)`, counted per context).
    pub identifier: Option<String>,
    /// `context` (default: the main context).
    pub context: Option<VmContext>,
}

/// Options of `module.evaluate(options)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct EvaluateOptions {
    /// `timeout`. Module bodies run in Boa's unbudgeted loop, so it is enforced by vm-core's
    /// loop-iteration backstop (see `VmContext::run_bounded`): loops stop at ≥ 3× the
    /// timeout; recursion and native-only work run to completion.
    pub timeout: Option<std::time::Duration>,
    /// `breakOnSigint`: SIGINT stops the bodies at the same points as a timeout does (host
    /// calls, global lookups in a contextified global, between jobs) and fails with
    /// [`vm_core::VmError::Sigint`].
    pub break_on_sigint: bool,
}
