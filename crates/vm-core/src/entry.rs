//! [`Entry`]: the one way into vm-core, from the embedder's top level or from a host function.
use std::borrow::Borrow;

use boa_engine::Context;

use crate::{engine::EngineTag, Isolate};

/// Where a call into vm-core is made from: every operation that may run JavaScript takes one.
///
/// * `&Isolate` (or a reference to anything that borrows as one) — the embedder's top level,
///   where no engine of the isolate is running.
/// * `&mut Context` — inside a host function (a native function called from JavaScript),
///   which receives the running Boa engine. vm-core needs it there: the engine is borrowed
///   further up the native stack, so code that must run on it (or, when its own engine is
///   busy, on the caller's) can only reach it through this handle.
///
/// Passing `&Isolate` while the target context's engine is running further up the stack fails
/// with [`crate::VmError::EngineBusy`]. Like wasmtime's `AsContextMut`, implemented for the two
/// handles only (the trait is sealed).
///
/// ```
/// use vm_core::{Isolate, RunOptions, Script, ScriptOptions};
/// let isolate = Isolate::new()?;
/// let script = Script::compile(&isolate, "6 * 7", ScriptOptions::default())?;
/// let v = script.run(&isolate, &isolate.main_context(), &RunOptions::default())?;
/// assert_eq!(v.as_number(), Some(42.0));
/// # Ok::<(), vm_core::VmError>(())
/// ```
pub trait Entry<'a>: sealed::Sealed {
    /// The isolate (for `&mut Context`: the one the engine belongs to, if any) and the running
    /// engine. Plumbing for vm-core's sibling crates.
    #[doc(hidden)]
    fn into_parts(self) -> (Option<Isolate>, Option<&'a mut Context>);
}

impl<'a, I: Borrow<Isolate>> Entry<'a> for &'a I {
    fn into_parts(self) -> (Option<Isolate>, Option<&'a mut Context>) {
        (Some(self.borrow().clone()), None)
    }
}

impl<'a> Entry<'a> for &'a mut Context {
    fn into_parts(self) -> (Option<Isolate>, Option<&'a mut Context>) {
        let iso = self
            .get_data::<EngineTag>()
            .and_then(|t| t.isolate.upgrade())
            .map(|inner| Isolate { inner });
        (iso, Some(self))
    }
}

/// The running engine of an entry (`None` at the top level).
pub(crate) fn current<'a>(on: impl Entry<'a>) -> Option<&'a mut Context> {
    on.into_parts().1
}

/// The isolate and running engine of an entry; fails when a `&mut Context` is no isolate's.
pub(crate) fn resolve<'a>(
    on: impl Entry<'a>,
) -> Result<(Isolate, Option<&'a mut Context>), crate::VmError> {
    match on.into_parts() {
        (Some(iso), cx) => Ok((iso, cx)),
        (None, _) => Err(crate::VmError::ForeignEngine),
    }
}

mod sealed {
    pub trait Sealed {}
    impl<I: std::borrow::Borrow<crate::Isolate>> Sealed for &I {}
    impl Sealed for &mut boa_engine::Context {}
}
