//! Module errors, each with Node's `ERR_*` code and message.
use vm_core::VmError;

/// Why a module operation was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum ModuleError {
    /// The module is not in a status that allows the operation (`ERR_VM_MODULE_STATUS`).
    #[error("Module status {0}")]
    Status(String),
    /// `link()` on a module that is not unlinked (`ERR_VM_MODULE_ALREADY_LINKED`).
    #[error("Module has already been linked")]
    AlreadyLinked,
    /// A linker returned a module of another context (`ERR_VM_MODULE_DIFFERENT_CONTEXT`).
    #[error("Linked modules must use the same context")]
    DifferentContext,
    /// A request could not be resolved (`ERR_VM_MODULE_LINK_FAILURE`).
    #[error("{0}")]
    LinkFailure(String),
    /// An export name that the synthetic module does not declare.
    #[error("Export '{0}' is not defined in module")]
    NoExport(String),
    /// The engine or JavaScript failed (a thrown value, a syntax error...).
    #[error(transparent)]
    Vm(#[from] VmError),
}

impl ModuleError {
    /// Node's error code, when Node has one for this error.
    pub fn code(&self) -> Option<&'static str> {
        Some(match self {
            Self::Status(_) => "ERR_VM_MODULE_STATUS",
            Self::AlreadyLinked => "ERR_VM_MODULE_ALREADY_LINKED",
            Self::DifferentContext => "ERR_VM_MODULE_DIFFERENT_CONTEXT",
            Self::LinkFailure(_) => "ERR_VM_MODULE_LINK_FAILURE",
            Self::NoExport(_) => "ERR_VM_MODULE_EXPORT_NOT_FOUND",
            Self::Vm(_) => return None,
        })
    }
}
