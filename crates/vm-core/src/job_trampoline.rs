//! Promise reactions of stoppable runs, run in a budgeted interpreter loop.
//!
//! Limit: Boa 0.22 runs a promise job's callback from native code (`JsObject::call`), in a
//! nested interpreter loop that never yields, so a timeout reached only the iteration backstop
//! there (`.then(() => { for (;;) {} })` stopped 2.5–8× late, slow loop bodies seconds late).
//! The only budgeted entry point Boa has is `Script::evaluate_async_with_budget`. So while a
//! stoppable run is in progress, a reaction job of a contextified realm calls its callback from
//! a tiny per-realm script, `(0, NAME.f)(NAME.a)`, evaluated with a budget and polled like a
//! timed script: the callback's own frames (and JS functions it calls) then run in that
//! budgeted loop and are stopped within a budget of the deadline. `NAME` is a reserved global
//! name that only the contextified global's traps answer, and only while a trampoline is
//! running (`lookup`). On a stop the evaluation is abandoned and the stop point's uncatchable
//! error returned: the engine is discarded by the run that owns it, as after any stop.
//!
//! Applies to callbacks called with `this` undefined and one argument (promise reactions and
//! `await` continuations' JS handlers); other jobs, realms with an ordinary global (the main
//! context) and native callbacks keep the direct call.
use std::{
    cell::RefCell,
    future::Future,
    pin::pin,
    task::{Context as TaskContext, Poll, Waker},
};

use boa_engine::{
    js_string, property::PropertyKey, Context, JsData, JsObject, JsResult, JsValue, Script, Source,
};
use boa_gc::{Finalize, Trace};

/// The reserved global name (unlikely to collide with a user's: it names nothing outside a
/// trampoline and is answered only while one runs). `lookup` spells it as a literal too.
const NAME: &str = "__boavm_job_trampoline_5c0e9a";

thread_local! {
    /// Payloads (`{ f, a }`) of the trampolines running on this thread, innermost last.
    static PAYLOADS: RefCell<Vec<JsObject>> = const { RefCell::new(Vec::new()) };
}

/// The compiled trampoline of a realm (in its `[[HostDefined]]`).
#[derive(Trace, Finalize, JsData)]
struct Compiled(Script);

/// What a contextified global's `has`/`get` trap answers for `key` while a trampoline runs
/// (`None`: not the reserved name, or none running). One thread-local read otherwise.
pub(crate) fn lookup(key: &PropertyKey) -> Option<JsValue> {
    let payload = PAYLOADS
        .try_with(|p| p.borrow().last().cloned())
        .ok()
        .flatten()?;
    match key {
        PropertyKey::String(s) if *s == js_string!("__boavm_job_trampoline_5c0e9a") => {
            Some(payload.into())
        }
        _ => None,
    }
}

/// Pops the payload it pushed, whatever way the trampoline ends.
struct Pushed;

impl Drop for Pushed {
    fn drop(&mut self) {
        let _ = PAYLOADS.try_with(|p| p.borrow_mut().pop());
    }
}

fn compiled(cx: &mut Context) -> JsResult<Script> {
    let realm = cx.realm().clone();
    if let Some(c) = realm.host_defined().get::<Compiled>() {
        return Ok(c.0.clone());
    }
    crate::workarounds::note_parse(cx, &realm);
    let src = format!("(0, {NAME}.f)({NAME}.a)");
    let script = Script::parse(Source::from_bytes(&src), Some(realm.clone()), cx)?;
    realm.host_defined_mut().insert(Compiled(script.clone()));
    Ok(script)
}

/// Calls a job's `callback` as `HostCallJobCallback` does, through the budgeted trampoline when
/// it applies (see the module docs).
pub(crate) fn call(
    callback: &JsObject,
    this: &JsValue,
    args: &[JsValue],
    cx: &mut Context,
) -> JsResult<JsValue> {
    let applies = crate::stop_points::any_armed()
        && this.is_undefined()
        && args.len() == 1
        && callback.is::<boa_engine::builtins::function::OrdinaryFunction>()
        && boa_engine::object::builtins::JsProxy::from_object(cx.global_object()).is_ok();
    if !applies {
        return callback.call(this, args, cx);
    }
    let script = compiled(cx)?;
    let payload = JsObject::with_null_proto();
    payload.set(js_string!("f"), callback.clone(), false, cx)?;
    payload.set(js_string!("a"), args[0].clone(), false, cx)?;
    PAYLOADS.with(|p| p.borrow_mut().push(payload));
    let _pushed = Pushed;
    let budget = if crate::memory::limit_of(cx).is_some() {
        crate::interrupt::MEMORY_BUDGET
    } else {
        crate::interrupt::BUDGET
    };
    let outcome = {
        let mut fut = pin!(script.evaluate_async_with_budget(cx, budget));
        let mut task = TaskContext::from_waker(Waker::noop());
        loop {
            match fut.as_mut().poll(&mut task) {
                Poll::Ready(r) => break Some(r),
                // The evaluation is abandoned with its frames on the engine: the run that owns
                // the engine reports the recorded stop and discards it.
                Poll::Pending if crate::stop_points::fired() => break None,
                Poll::Pending => {}
            }
        }
    };
    outcome.unwrap_or_else(|| {
        crate::stop_points::squeeze(cx);
        Err(crate::stop_points::stop_error())
    })
}
