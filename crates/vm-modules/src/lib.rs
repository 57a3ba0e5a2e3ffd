//! `vm-modules`: Node's `vm.SourceTextModule` and `vm.SyntheticModule` on vm-core.
//!
//! A [`VmModule`] follows Node's status machine — `unlinked → linking → linked → evaluating →
//! evaluated | errored` — and every operation checks the status first, so Boa's module records
//! are never driven into a state where they panic (Boa 0.22 panics on evaluate-before-link and
//! link-before-load).
//!
//! [`Modules`] is installed once per isolate ([`Modules::install`]); it resolves static imports
//! from what each module's linker returned.
//!
//! # Example
//!
//! ```
//! use vm_core::Isolate;
//! use vm_modules::{Modules, SourceTextOptions, ModuleStatus};
//! let iso = Isolate::new().unwrap();
//! let modules = Modules::install(&iso);
//! let dep = modules.source_text(&iso, "export const answer = 42;", SourceTextOptions::default()).unwrap();
//! let root = modules
//!     .source_text(&iso, "import { answer } from 'dep'; export const doubled = answer * 2;", SourceTextOptions::default())
//!     .unwrap();
//! modules.link(&iso, &root, &mut |specifier, _referrer| {
//!     assert_eq!(specifier, "dep");
//!     Ok(dep.clone())
//! }).unwrap();
//! assert_eq!(root.status(), ModuleStatus::Linked);
//! modules.evaluate(&iso, &root, &Default::default()).unwrap();
//! vm_core::run_jobs(&iso).unwrap();
//! assert_eq!(root.status(), ModuleStatus::Evaluated);
//! ```
#![warn(missing_docs)]

mod callbacks;
mod error;
mod host;
mod module;
mod options;
mod requests;
mod synthetic;

pub use callbacks::{attributes_object, DynamicImportHook, SyntheticEvaluate};
pub use error::{ModuleError, StatusError};
pub use host::{HookHandle, LinkFuture, Modules};
pub use module::{ModuleStatus, VmModule};
pub use options::{EvaluateOptions, SourceTextOptions, SyntheticOptions};
