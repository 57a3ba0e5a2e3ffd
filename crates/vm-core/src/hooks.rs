//! Host hooks shared by every engine of an isolate: the global-object handoff for new realms,
//! `codeGeneration.strings`, and unhandled-rejection tracking.
use std::cell::RefCell;

use boa_engine::{
    builtins::promise::OperationType,
    context::{intrinsics::Intrinsics, HostHooks},
    object::builtins::JsPromise,
    realm::Realm,
    Context, JsData, JsNativeError, JsObject, JsResult, JsString,
};
use boa_gc::{Finalize, Trace};

/// Per-realm facts the hooks need, stored in the realm's `[[HostDefined]]`.
#[derive(Debug, Trace, Finalize, JsData)]
pub(crate) struct RealmInfo {
    /// The id of the vm context that owns the realm.
    #[unsafe_ignore_trace]
    pub(crate) context_id: usize,
    /// `codeGeneration.strings`.
    #[unsafe_ignore_trace]
    pub(crate) strings: bool,
    /// `microtaskMode: 'afterEvaluate'`: the realm's jobs run after each evaluation in it, not
    /// from the shared queue.
    #[unsafe_ignore_trace]
    pub(crate) own_queue: bool,
    /// The highest parser id any engine used for code of this realm (see
    /// `workarounds::note_parse`).
    #[unsafe_ignore_trace]
    pub(crate) max_parser_id: std::cell::Cell<u32>,
}

impl RealmInfo {
    pub(crate) fn new(context_id: usize, strings: bool, own_queue: bool) -> Self {
        Self {
            context_id,
            strings,
            own_queue,
            max_parser_id: std::cell::Cell::new(0),
        }
    }
}

/// Whether `realm` keeps its jobs for after its own evaluations.
pub(crate) fn realm_own_queue(realm: &Realm) -> bool {
    realm
        .host_defined()
        .get::<RealmInfo>()
        .is_some_and(|i| i.own_queue)
}

/// The id of the vm context owning `realm`, if it is one of ours.
pub(crate) fn realm_context_id(realm: &Realm) -> Option<usize> {
    realm
        .host_defined()
        .get::<RealmInfo>()
        .map(|i| i.context_id)
}

#[derive(Default)]
pub(crate) struct Hooks {
    /// The global object the next realm must use (set just before `Context::build`).
    pending_global: RefCell<Option<JsObject>>,
    /// Rejected promises without a handler, in rejection order.
    unhandled: RefCell<Vec<JsPromise>>,
    /// The isolate's memory limit in bytes (see `memory`).
    pub(crate) memory_limit: std::cell::Cell<Option<usize>>,
}

impl Hooks {
    pub(crate) fn set_pending_global(&self, global: Option<JsObject>) {
        *self.pending_global.borrow_mut() = global;
    }

    pub(crate) fn take_unhandled(&self) -> Vec<JsPromise> {
        std::mem::take(&mut *self.unhandled.borrow_mut())
    }
}

impl HostHooks for Hooks {
    fn create_global_object(&self, intrinsics: &Intrinsics) -> JsObject {
        self.pending_global
            .borrow_mut()
            .take()
            .unwrap_or_else(|| JsObject::with_object_proto(intrinsics))
    }

    fn ensure_can_compile_strings(
        &self,
        realm: Realm,
        parameters: &[JsString],
        body: &JsString,
        _direct: bool,
        context: &mut Context,
    ) -> JsResult<()> {
        // `eval` and `Function` are stop points of a timed run.
        crate::stop_points::check(context)?;
        crate::workarounds::note_parse(context, &realm);
        // Boa parses `eval`/`Function` code right after this, on the stack left here.
        crate::source_depth::check_dynamic(parameters, body)?;
        let allowed = realm
            .host_defined()
            .get::<RealmInfo>()
            .is_none_or(|i| i.strings);
        if allowed {
            Ok(())
        } else {
            Err(JsNativeError::eval()
                .with_message("Code generation from strings disallowed for this context")
                .into())
        }
    }

    /// Under a memory limit an `ArrayBuffer` may take at most the isolate's headroom (Boa
    /// allocates buffers fallibly, so this is refused before anything is allocated).
    fn max_buffer_size(&self, _context: &mut Context) -> u64 {
        const BOA_DEFAULT: u64 = 1_610_612_736;
        match self.memory_limit.get() {
            Some(limit) => BOA_DEFAULT.min(crate::memory::headroom(limit) as u64),
            None => BOA_DEFAULT,
        }
    }

    fn call_job_callback(
        &self,
        job: &boa_engine::job::JobCallback,
        this: &boa_engine::JsValue,
        args: &[boa_engine::JsValue],
        context: &mut Context,
    ) -> JsResult<boa_engine::JsValue> {
        // Every promise job is a stop point of a timed run.
        crate::stop_points::check(context)?;
        crate::job_trampoline::call(job.callback(), this, args, context)
    }

    fn promise_rejection_tracker(
        &self,
        promise: &JsObject<boa_engine::builtins::promise::Promise>,
        operation: OperationType,
        _context: &mut Context,
    ) {
        let promise = JsPromise::from_object(promise.clone().upcast())
            .expect("the tracker is only called with promises");
        let mut list = self.unhandled.borrow_mut();
        match operation {
            OperationType::Reject => list.push(promise),
            OperationType::Handle => {
                list.retain(|p| JsObject::from(p.clone()) != JsObject::from(promise.clone()))
            }
        }
    }
}
