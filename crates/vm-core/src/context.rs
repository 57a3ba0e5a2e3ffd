//! A vm context: one realm, its engine, and the sandbox its global forwards to.
use std::{
    cell::RefCell,
    rc::{Rc, Weak},
};

use boa_engine::{realm::Realm, Context, JsObject};
use boa_gc::Gc;

use crate::{
    global_proxy::GlobalState,
    isolate::IsolateInner,
    options::{CodeGeneration, MicrotaskMode},
    sandbox::Sandbox,
};

/// Everything the isolate knows about one context.
pub(crate) struct ContextRecord {
    pub(crate) id: usize,
    /// The engine that created the realm (or its replacement after a stopped run).
    pub(crate) engine: RefCell<Context>,
    /// The engine holds an abandoned evaluation: replace it before its next use.
    pub(crate) poisoned: std::cell::Cell<bool>,
    pub(crate) realm: Realm,
    /// The realm's global object (a Proxy for vm contexts).
    pub(crate) global: JsObject,
    pub(crate) state: Option<Gc<GlobalState>>,
    pub(crate) sandbox: Option<Sandbox>,
    pub(crate) name: String,
    pub(crate) origin: Option<String>,
    pub(crate) code_generation: CodeGeneration,
    pub(crate) microtask_mode: MicrotaskMode,
}

/// A handle to a vm context (`vm.createContext`). Cloning shares the context; the context and
/// its engine are freed when the last handle (and every script compiled for it) is dropped.
#[derive(Clone)]
pub struct VmContext {
    pub(crate) rec: Rc<ContextRecord>,
    pub(crate) iso: Weak<IsolateInner>,
}

impl std::fmt::Debug for VmContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VmContext")
            .field("id", &self.rec.id)
            .field("name", &self.rec.name)
            .finish()
    }
}

impl PartialEq for VmContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.rec, &other.rec)
    }
}

impl VmContext {
    /// A number identifying the context within its isolate (the main context is 0).
    pub fn id(&self) -> usize {
        self.rec.id
    }

    /// Whether this is the isolate's main ("this") context.
    pub fn is_main(&self) -> bool {
        self.rec.id == 0
    }

    /// The context's `name` (Node's default is `VM Context i`).
    pub fn name(&self) -> &str {
        &self.rec.name
    }

    /// The context's `origin`, if one was given.
    pub fn origin(&self) -> Option<&str> {
        self.rec.origin.as_deref()
    }

    /// `codeGeneration` as given at creation.
    pub fn code_generation(&self) -> CodeGeneration {
        self.rec.code_generation
    }

    /// `microtaskMode` as given at creation.
    pub fn microtask_mode(&self) -> MicrotaskMode {
        self.rec.microtask_mode
    }

    /// The realm's global object as code inside sees it (`globalThis`). For a vm context this
    /// is the forwarding proxy, never the sandbox, as in Node.
    pub fn global_object(&self) -> JsObject {
        self.rec.global.clone()
    }

    /// The sandbox this context was contextified around (`None` for the main context).
    pub fn sandbox(&self) -> Option<&Sandbox> {
        self.rec.sandbox.as_ref()
    }

    /// The sandbox object, also for contexts that hold it weakly (`None` once collected, and
    /// for host-map sandboxes and the main context).
    pub fn sandbox_object(&self, cx: &mut Context) -> Option<JsObject> {
        match &self.rec.sandbox {
            Some(crate::sandbox::Sandbox::Object(o)) => Some(o.clone()),
            Some(crate::sandbox::Sandbox::Host(_) | crate::sandbox::Sandbox::None) => None,
            None => self.rec.state.as_ref()?.sandbox_object(cx),
        }
    }

    /// The isolate this context belongs to, while it lives.
    pub fn isolate(&self) -> Option<crate::Isolate> {
        self.iso.upgrade().map(|inner| crate::Isolate { inner })
    }

    /// Whether this context's engine is free (not running further up the stack).
    pub fn engine_is_free(&self) -> bool {
        self.rec.engine.try_borrow_mut().is_ok()
    }

    /// The Boa realm of this context.
    pub fn realm(&self) -> &Realm {
        &self.rec.realm
    }
}
