//! One module record as Node exposes it.
use std::cell::Cell;

use boa_engine::{JsObject, JsValue, Module};
use boa_gc::{Finalize, Gc, GcRefCell, Trace};
use rustc_hash::FxHashMap;
use vm_core::VmContext;

use crate::callbacks::{DynamicImportHook, SyntheticEvaluate};

/// Node's module status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleStatus {
    /// Created, not linked.
    Unlinked,
    /// Linker calls are pending.
    Linking,
    /// Linked: ready to evaluate.
    Linked,
    /// Evaluation started and has not settled.
    Evaluating,
    /// Evaluation completed.
    Evaluated,
    /// Linking or evaluation failed; [`VmModule::error`] holds why.
    Errored,
}

impl ModuleStatus {
    /// The status string Node reports (`module.status`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unlinked => "unlinked",
            Self::Linking => "linking",
            Self::Linked => "linked",
            Self::Evaluating => "evaluating",
            Self::Evaluated => "evaluated",
            Self::Errored => "errored",
        }
    }
}

#[derive(Trace, Finalize)]
pub(crate) enum Kind {
    SourceText {
        /// The source text (for code-cache checks).
        #[unsafe_ignore_trace]
        source: String,
        #[unsafe_ignore_trace]
        specifiers: Vec<String>,
        /// Import attributes by specifier.
        #[unsafe_ignore_trace]
        attributes: FxHashMap<String, Vec<(String, String)>>,
        #[unsafe_ignore_trace]
        has_top_level_await: bool,
    },
    Synthetic {
        #[unsafe_ignore_trace]
        export_names: Vec<String>,
        /// The wrapper's binding setter `(index, value)`, registered when the wrapper ran.
        setter: GcRefCell<Option<JsObject>>,
        /// Where the wrapper's `import.meta.register` stores the setter.
        slot: JsObject,
        evaluate: SyntheticEvaluate,
    },
}

/// A module's state. It lives on Boa's garbage-collected heap, so that module graphs —
/// including cyclic ones, and modules referenced from their own JS objects — are freed once
/// nothing outside the graph holds them (an `Rc` graph would leak every cycle).
#[derive(Trace, Finalize)]
pub(crate) struct ModuleInner {
    #[unsafe_ignore_trace]
    pub(crate) identifier: String,
    /// The context whose engine parsed the module: every later operation runs there.
    pub(crate) home: VmContext,
    pub(crate) context: VmContext,
    pub(crate) boa: Module,
    pub(crate) kind: Kind,
    #[unsafe_ignore_trace]
    pub(crate) status: Cell<ModuleStatus>,
    pub(crate) error: GcRefCell<Option<JsValue>>,
    /// What the linker returned for each specifier.
    pub(crate) resolved: GcRefCell<FxHashMap<String, VmModule>>,
    /// The promise of the first evaluation (later evaluations return it again).
    pub(crate) evaluation: GcRefCell<Option<boa_engine::object::builtins::JsPromise>>,
    /// The binding's JS object for this module (the `referencingModule` a linker receives).
    pub(crate) js_object: GcRefCell<Option<JsObject>>,
    /// Node's `initializeImportMeta(meta, module)` callback.
    pub(crate) import_meta: GcRefCell<Option<JsObject>>,
    /// The module's namespace object once something asked for it (created on the module's
    /// home engine). Created only on demand: Boa 0.22's namespace objects keep their module
    /// graph, realm included, alive for good (untraced module handles inside them).
    pub(crate) namespace: GcRefCell<Option<JsObject>>,
    /// The `importModuleDynamically` hook of `import()` calls in this module.
    pub(crate) dynamic_hook: Option<DynamicImportHook>,
}

/// A module (`vm.SourceTextModule` or `vm.SyntheticModule`). Cloning shares it.
#[derive(Clone, Trace, Finalize)]
pub struct VmModule {
    pub(crate) inner: Gc<ModuleInner>,
}

impl PartialEq for VmModule {
    fn eq(&self, other: &Self) -> bool {
        Gc::ptr_eq(&self.inner, &other.inner)
    }
}

impl std::fmt::Debug for VmModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VmModule")
            .field("identifier", &self.inner.identifier)
            .field("status", &self.status())
            .finish()
    }
}

impl VmModule {
    /// `module.identifier`.
    pub fn identifier(&self) -> &str {
        &self.inner.identifier
    }

    /// `module.status`. As in Node (V8), a module whose body ran up to a top-level `await`
    /// reports `evaluated` while its promise is pending, and `errored` once it rejects;
    /// `evaluating` is only seen from inside the synchronous part of the evaluation.
    pub fn status(&self) -> ModuleStatus {
        if self.inner.status.get() == ModuleStatus::Evaluated {
            let rejected = match self.inner.evaluation.borrow().as_ref().map(|p| p.state()) {
                Some(boa_engine::builtins::promise::PromiseState::Rejected(e)) => Some(e),
                _ => None,
            };
            if let Some(e) = rejected {
                self.fail(e);
            }
        }
        self.inner.status.get()
    }

    /// `module.error`: the linking/evaluation error, only when errored.
    pub fn error(&self) -> Option<JsValue> {
        self.inner.error.borrow().clone()
    }

    /// The context the module belongs to.
    pub fn context(&self) -> &VmContext {
        &self.inner.context
    }

    /// `module.dependencySpecifiers` (empty for synthetic modules).
    pub fn dependency_specifiers(&self) -> &[String] {
        match &self.inner.kind {
            Kind::SourceText { specifiers, .. } => specifiers,
            Kind::Synthetic { .. } => &[],
        }
    }

    /// The import attributes of `specifier`'s request (`with { type: 'json' }`).
    pub fn request_attributes(&self, specifier: &str) -> Vec<(String, String)> {
        match &self.inner.kind {
            Kind::SourceText { attributes, .. } => {
                attributes.get(specifier).cloned().unwrap_or_default()
            }
            Kind::Synthetic { .. } => Vec::new(),
        }
    }

    /// `module.hasTopLevelAwait()` (false for synthetic modules).
    pub fn has_top_level_await(&self) -> bool {
        matches!(
            &self.inner.kind,
            Kind::SourceText {
                has_top_level_await: true,
                ..
            }
        )
    }

    /// Whether evaluating this module or any module it (transitively) imports is asynchronous
    /// (Node 24+'s `hasAsyncGraph()`; cycles are fine).
    pub fn has_async_graph(&self) -> bool {
        self.graph().iter().any(VmModule::has_top_level_await)
    }

    /// The source text of a source text module.
    pub fn source(&self) -> Option<&str> {
        match &self.inner.kind {
            Kind::SourceText { source, .. } => Some(source),
            Kind::Synthetic { .. } => None,
        }
    }

    /// Whether this is a synthetic module.
    pub fn is_synthetic(&self) -> bool {
        matches!(&self.inner.kind, Kind::Synthetic { .. })
    }

    /// The export names of a synthetic module.
    pub fn export_names(&self) -> &[String] {
        match &self.inner.kind {
            Kind::Synthetic { export_names, .. } => export_names,
            Kind::SourceText { .. } => &[],
        }
    }

    /// The underlying Boa module record.
    pub fn boa_module(&self) -> &Module {
        &self.inner.boa
    }

    /// Associates the binding's JS object with this module.
    pub fn set_js_object(&self, obj: Option<JsObject>) {
        *self.inner.js_object.borrow_mut() = obj;
    }

    /// The binding's JS object for this module, if any.
    pub fn js_object(&self) -> Option<JsObject> {
        self.inner.js_object.borrow().clone()
    }

    /// The module this one's linker returned for `specifier`.
    pub fn resolved(&self, specifier: &str) -> Option<VmModule> {
        self.inner.resolved.borrow().get(specifier).cloned()
    }

    pub(crate) fn set_status(&self, s: ModuleStatus) {
        self.inner.status.set(s);
    }

    pub(crate) fn fail(&self, error: JsValue) {
        *self.inner.error.borrow_mut() = Some(error);
        self.inner.status.set(ModuleStatus::Errored);
    }

    /// Every module reachable through resolved requests, dependencies first (post-order).
    pub(crate) fn graph(&self) -> Vec<VmModule> {
        let mut out = Vec::new();
        let mut seen = rustc_hash::FxHashSet::default();
        fn walk(m: &VmModule, seen: &mut rustc_hash::FxHashSet<usize>, out: &mut Vec<VmModule>) {
            if !seen.insert(m.addr()) {
                return;
            }
            let deps: Vec<VmModule> = m
                .dependency_specifiers()
                .iter()
                .filter_map(|s| m.resolved(s))
                .collect();
            for d in &deps {
                walk(d, seen, out);
            }
            out.push(m.clone());
        }
        walk(self, &mut seen, &mut out);
        out
    }

    /// The address of the shared state (identity for visited sets).
    pub(crate) fn addr(&self) -> usize {
        std::ptr::from_ref::<ModuleInner>(&self.inner) as usize
    }

    pub(crate) fn export_index(&self, name: &str) -> Option<usize> {
        self.export_names().iter().position(|n| n == name)
    }
}
