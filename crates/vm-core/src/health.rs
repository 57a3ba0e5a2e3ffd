//! A self-check for embedders: after an error, a timeout or an interrupt, can the isolate
//! still run code in a new context?
use boa_engine::JsObject;

use crate::{ContextOptions, Isolate, RunOptions, Sandbox, ScriptOptions, VmContext, VmError};

impl Isolate {
    /// Creates a throwaway context and runs `6 * 7` in it: `Ok` when that gives 42.
    ///
    /// # Errors
    /// The failure otherwise (e.g. [`VmError::Broken`] after a panic inside the engine).
    pub fn check_health(&self) -> Result<(), VmError> {
        let ctx = VmContext::new(
            self,
            Sandbox::Object(JsObject::with_null_proto()),
            ContextOptions::default(),
        )?;
        let v = ctx.evaluate(
            self,
            "6 * 7",
            ScriptOptions::default(),
            &RunOptions::default(),
        )?;
        if v.as_number() == Some(42.0) {
            Ok(())
        } else {
            Err(VmError::Broken(format!(
                "a fresh context computed 6 * 7 = {}",
                v.display()
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{Isolate, VmError};

    #[test]
    fn a_new_isolate_is_healthy_and_a_broken_one_says_so() {
        let iso = Isolate::new().unwrap();
        iso.check_health().unwrap();
        *iso.inner.broken.borrow_mut() = Some("test".into());
        assert!(matches!(iso.check_health(), Err(VmError::Broken(m)) if m == "test"));
    }
}
