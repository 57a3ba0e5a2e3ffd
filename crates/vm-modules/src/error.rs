//! Module errors: why a module operation was refused or failed (Node's messages; vm-node
//! assigns Node's `ERR_*` codes).
use vm_core::VmError;

/// Why a module operation was refused or failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModuleError {
    /// The module is not in a status that allows the operation (Node's `ERR_VM_MODULE_STATUS`).
    #[error("Module status {0}")]
    Status(StatusError),
    /// `link()` on a module that is not unlinked (`ERR_VM_MODULE_ALREADY_LINKED`).
    #[error("Module has already been linked")]
    AlreadyLinked,
    /// A linker returned a module of another context (`ERR_VM_MODULE_DIFFERENT_CONTEXT`).
    #[error("Linked modules must use the same context")]
    DifferentContext,
    /// A request could not be resolved (`ERR_VM_MODULE_LINK_FAILURE`).
    #[error("{0}")]
    LinkFailure(String),
    /// An export name that the synthetic module does not declare (a `ReferenceError`).
    #[error("Export '{0}' is not defined in module")]
    NoExport(String),
    /// The engine or JavaScript failed (a thrown value, a syntax error...).
    #[error(transparent)]
    Vm(#[from] VmError),
}

/// What status an operation needed ([`ModuleError::Status`]); the display text completes
/// Node's message `Module status ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    /// `evaluate()` before linking.
    #[error("must be one of linked, evaluated, or errored")]
    NotLinked,
    /// `namespace` before linking.
    #[error("must not be unlinked or linking")]
    Unlinked,
    /// `setExport` on a module that is not synthetic.
    #[error("must be a SyntheticModule")]
    NotSynthetic,
    /// `setExport` before linking.
    #[error("must be linked")]
    SetExportBeforeLink,
}
