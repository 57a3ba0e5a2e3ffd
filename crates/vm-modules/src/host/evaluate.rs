//! `module.evaluate(options)`: running a linked graph's bodies (under a timeout or
//! `breakOnSigint` when asked) and keeping the outcome for later calls.
use super::*;

impl Modules {
    /// `module.evaluate(options)`: a promise settling when evaluation completes. Evaluating
    /// again returns the same outcome (an errored module rejects with the same error object).
    ///
    /// # Errors
    /// [`ModuleError::Status`] before linking; [`ModuleError::Vm`] with
    /// [`vm_core::VmError::Timeout`] / [`vm_core::VmError::Sigint`] when stopped (see
    /// [`EvaluateOptions`]).
    pub fn evaluate<'a>(
        &self,
        on: impl Entry<'a>,
        module: &VmModule,
        options: &EvaluateOptions,
    ) -> Result<JsPromise, ModuleError> {
        let current = vm_core::internal::current(on);
        let (timeout, break_on_sigint) = (options.timeout, options.break_on_sigint);
        match self.status(module) {
            ModuleStatus::Unlinked | ModuleStatus::Linking => {
                return Err(ModuleError::Status(StatusError::NotLinked))
            }
            ModuleStatus::Linked => {}
            _ => {
                // Evaluated, errored, or evaluating with a settled-later promise: the same
                // promise again. Evaluating without one is a re-entrant call from a body.
                let p = module
                    .inner
                    .evaluation
                    .borrow()
                    .clone()
                    .ok_or_else(|| ModuleError::Status(StatusError::NotLinked))?;
                // Node checkpoints an 'afterEvaluate' context's microtasks on every evaluate().
                let ctx = module.context().clone();
                vm_core::internal::run_context_jobs(current, &ctx)?;
                return Ok(p);
            }
        }
        let ctx = module.context().clone();
        isolate_of(&ctx)?;
        let graph = module.graph();
        // Evaluating before Boa runs the bodies: a re-entrant evaluate() from inside a body
        // must see `evaluating` (Boa panics when asked to evaluate a module mid-evaluation).
        let started: Vec<VmModule> = graph
            .iter()
            .filter(|m| m.status() == ModuleStatus::Linked && !m.is_synthetic())
            .cloned()
            .collect();
        // Only Boa's own evaluation error escapes as `Err` (so a timeout backstop is seen);
        // everything else is decided inside.
        let body = |cx: &mut Context| -> JsResult<Result<JsPromise, ModuleError>> {
            // Synthetic modules of the graph run their callbacks first, dependencies first.
            for m in &graph {
                if let Kind::Synthetic { evaluate, .. } = &m.inner.kind {
                    if m.status() == ModuleStatus::Linked {
                        m.set_status(ModuleStatus::Evaluating);
                        match evaluate.call(m, cx) {
                            Ok(_) => {
                                m.set_status(ModuleStatus::Evaluated);
                                *m.inner.evaluation.borrow_mut() =
                                    JsPromise::resolve(JsValue::undefined(), cx).ok();
                            }
                            Err(e) => {
                                let v = e.into_opaque(cx).unwrap_or_default();
                                m.fail(v.clone());
                                *m.inner.evaluation.borrow_mut() =
                                    JsPromise::reject(boa_engine::JsError::from_opaque(v), cx).ok();
                            }
                        }
                    }
                }
            }
            if module.is_synthetic() {
                let existing = module.inner.evaluation.borrow().clone();
                return Ok(match existing {
                    Some(p) => Ok(p),
                    None => JsPromise::resolve(JsValue::undefined(), cx).map_err(|e| thrown(e, cx)),
                });
            }
            if let Some(failed) = graph.iter().find(|m| m.status() == ModuleStatus::Errored) {
                let e = failed.error().unwrap_or_default();
                module.fail(e.clone());
                return Ok(JsPromise::reject(boa_engine::JsError::from_opaque(e), cx)
                    .map_err(|e| thrown(e, cx)));
            }
            for m in &started {
                m.set_status(ModuleStatus::Evaluating);
            }
            let p = module.inner.boa.evaluate(cx)?;
            for m in &started {
                *m.inner.evaluation.borrow_mut() = Some(p.clone());
                m.set_status(ModuleStatus::Evaluated);
            }
            Ok(Ok(p))
        };
        let outcome = match (timeout, break_on_sigint) {
            (None, false) => {
                vm_core::internal::with_engine_of(current, &module.inner.home, &ctx, |cx| {
                    let r = body(cx).map_err(|e| thrown(e, cx))?;
                    // The context's own microtasks run right after the evaluation (with a
                    // timeout, run_bounded runs them inside it).
                    vm_core::internal::run_context_jobs(Some(cx), &ctx).map_err(ModuleError::Vm)?;
                    Ok(r)
                })
                .map_err(ModuleError::Vm)
                .and_then(|r| r)
            }
            (t, sigint) => {
                vm_core::internal::run_stoppable(current, &module.inner.home, &ctx, t, sigint, body)
                    .map_err(ModuleError::Vm)
            }
        };
        let promise = match outcome {
            Ok(inner) => inner?,
            Err(e) => {
                // A stopped or failed evaluation leaves the started modules errored; a stopped
                // one with `error` null, as V8's termination leaves it.
                let stopped = matches!(&e, ModuleError::Vm(v) if v.is_stop());
                let error = if stopped {
                    JsValue::null()
                } else {
                    JsValue::undefined()
                };
                for m in &started {
                    if m.inner.status.get() == ModuleStatus::Evaluating {
                        m.fail(error.clone());
                    }
                }
                return Err(e);
            }
        };
        *module.inner.evaluation.borrow_mut() = Some(promise.clone());
        Ok(promise)
    }
}
