//! `vm.Script`: compile once, run in any context.
use std::{
    cell::{Cell, RefCell},
    path::Path,
    rc::{Rc, Weak},
};

use boa_engine::{
    ast::scope::Scope, interner::Interner, parser::Parser, Context, JsNativeError, JsValue, Source,
};

use crate::{
    context::{CompiledForm, ContextRecord, DeadList, VmContext},
    error::VmError,
    interrupt::{self, SigintGuard, Watch},
    isolate::{Isolate, IsolateInner},
    options::{MicrotaskMode, RunOptions, ScriptOptions},
    stack, workarounds, Entry,
};

/// A compiled script (`new vm.Script(code, options)`), runnable in any context of its isolate
/// and in the main context. Cloning shares it.
///
/// Boa binds compiled code to one realm, so the script keeps one compiled form per context it
/// ran in (parsed and compiled on that context's first run, reused afterwards).
#[derive(Clone)]
pub struct Script {
    inner: Rc<ScriptInner>,
}

/// Where a script was compiled: the compiled form itself is held by the context's record
/// (it holds the realm, and a script must not keep contexts alive).
struct CompiledIn {
    dead: Rc<DeadList>,
    iso: Weak<IsolateInner>,
    context: usize,
}

pub(crate) struct ScriptInner {
    /// Key of the compiled forms in context records.
    id: u64,
    code: String,
    options: ScriptOptions,
    /// The internal path positions are reported under (see `positions`).
    path: String,
    /// Top-level `let`/`const`/`class` names, for V8's redeclaration error on a second run.
    lexical_names: Vec<String>,
    compiled_in: RefCell<Vec<CompiledIn>>,
}

impl Drop for ScriptInner {
    fn drop(&mut self) {
        // Possibly inside a collection (a binding's handle being swept): only note which
        // compiled forms can go; each isolate drops them at its next safe point.
        for c in self.compiled_in.take() {
            c.dead.push_forms([(c.context, self.id)]);
        }
    }
}

static NEXT_SCRIPT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl std::fmt::Debug for Script {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Script")
            .field("filename", &self.inner.options.filename)
            .field("contexts", &self.compiled_contexts())
            .finish()
    }
}

/// A parse failure found at construction, before any realm is involved.
pub(crate) struct SyntaxFailure {
    pub(crate) message: String,
    pub(crate) position: Option<(usize, usize)>,
}

impl Script {
    /// Parses `code` (without a realm) to report syntax errors at construction, as V8 does.
    pub(crate) fn check(
        code: &str,
        options: ScriptOptions,
        path: String,
    ) -> Result<Self, SyntaxFailure> {
        crate::native_stack::guarded(|| Self::check_unguarded(code, options, path))
    }

    fn check_unguarded(
        code: &str,
        options: ScriptOptions,
        path: String,
    ) -> Result<Self, SyntaxFailure> {
        let mut interner = Interner::default();
        let scope = Scope::new_global();
        let parsed =
            Parser::new(Source::from_bytes(code.as_bytes())).parse_script(&scope, &mut interner);
        let ast = parsed.map_err(|e| {
            let (message, position) = crate::syntax_messages::v8_syntax_error(&e.to_string(), code);
            SyntaxFailure { message, position }
        })?;
        let lexical_names = boa_engine::ast::operations::lexically_declared_names(&ast)
            .into_iter()
            .map(|sym| interner.resolve_expect(sym).to_string())
            .collect();
        Ok(Self::trusted(code, options, path, lexical_names))
    }

    /// A script whose source is known to parse (accepted `cachedData`, or just checked): the
    /// realm-free syntax check is skipped.
    pub(crate) fn trusted(
        code: &str,
        options: ScriptOptions,
        path: String,
        lexical_names: Vec<String>,
    ) -> Self {
        Self {
            inner: Rc::new(ScriptInner {
                id: NEXT_SCRIPT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
                code: code.to_owned(),
                options,
                path,
                lexical_names,
                compiled_in: RefCell::default(),
            }),
        }
    }

    /// `script.createCachedData()`: bytes a later compile of the same source and options can
    /// pass as `cachedData` (see `code_cache`).
    pub fn create_cached_data(&self) -> Vec<u8> {
        vm_cache::encode(
            crate::code_cache::ENGINE_IDENTITY,
            vm_cache::Kind::Script,
            &self.inner.code,
            crate::code_cache::options_hash(&self.inner.options),
            &crate::code_cache::encode_payload(&self.inner.lexical_names),
        )
    }

    /// The source code as given.
    pub fn source(&self) -> &str {
        &self.inner.code
    }

    /// The options the script was compiled with.
    pub fn options(&self) -> &ScriptOptions {
        &self.inner.options
    }

    /// Number of live contexts holding a compiled form of this script.
    pub fn compiled_contexts(&self) -> usize {
        self.inner
            .compiled_in
            .borrow()
            .iter()
            .filter(|c| {
                c.iso
                    .upgrade()
                    .and_then(|iso| iso.record(c.context))
                    .is_some_and(|rec| rec.compiled.borrow().contains_key(&self.inner.id))
            })
            .count()
    }

    /// Parses and compiles for `rec` (on `cx`, which is in `rec`'s realm) unless done before;
    /// returns the compiled script and how often it ran there.
    fn compiled_for(
        &self,
        iso: &IsolateInner,
        rec: &ContextRecord,
        cx: &mut Context,
    ) -> Result<(boa_engine::Script, u32), VmError> {
        if let Some(c) = rec.compiled.borrow().get(&self.inner.id) {
            let runs = c.runs.get();
            c.runs.set(runs.saturating_add(1));
            return Ok((c.script.clone(), runs));
        }
        let path = Path::new(&self.inner.path);
        let source = Source::from_bytes(self.inner.code.as_bytes()).with_path(path);
        workarounds::note_parse(cx, &rec.realm);
        let script = boa_engine::Script::parse(source, Some(rec.realm.clone()), cx)
            .and_then(|s| s.codeblock(cx).map(|_| s))
            .map_err(|e| self.syntax_error_in_realm(e, cx))?;
        rec.compiled.borrow_mut().insert(
            self.inner.id,
            CompiledForm {
                script: script.clone(),
                runs: Cell::new(1),
            },
        );
        let mut compiled_in = self.inner.compiled_in.borrow_mut();
        // Entries for contexts that are gone: forget them before adding more.
        if compiled_in.len() >= 8 && compiled_in.len().is_power_of_two() {
            compiled_in.retain(|c| {
                c.iso
                    .upgrade()
                    .is_some_and(|i| i.record(c.context).is_some())
            });
        }
        compiled_in.push(CompiledIn {
            dead: iso.dead.clone(),
            iso: iso.self_weak.clone(),
            context: rec.id,
        });
        Ok((script, 0))
    }

    /// V8's `o.f is not a function` for a failed call of this script (`callee_messages`).
    fn name_the_callee(&self, err: &JsValue, cx: &mut Context) {
        let Some(obj) = err.as_object() else { return };
        let text = |k: &str, cx: &mut Context| {
            obj.get(boa_engine::JsString::from(k), cx)
                .ok()
                .and_then(|v| v.as_string().map(|s| s.to_std_string_escaped()))
        };
        let (Some(message), Some(stack)) = (text("message", cx), text("stack", cx)) else {
            return;
        };
        let options = &self.inner.options;
        if let Some(m) = crate::callee_messages::v8_callee_message(
            &message,
            &stack,
            &options.filename,
            &self.inner.code,
            i64::from(options.line_offset),
            i64::from(options.column_offset),
        ) {
            let _ = obj.set(
                boa_engine::js_string!("message"),
                boa_engine::JsString::from(m),
                false,
                cx,
            );
        }
    }

    fn syntax_error_in_realm(&self, e: boa_engine::JsError, cx: &mut Context) -> VmError {
        if let Some(native) = e.as_native() {
            if let Some(m) =
                workarounds::normalise_syntax_message(native.message(), &self.inner.lexical_names)
            {
                return workarounds::convert_error(
                    JsNativeError::syntax().with_message(m).into(),
                    cx,
                );
            }
        }
        workarounds::convert_error(e, cx)
    }

    /// Runs on `cx`, which `Isolate::enter` positioned in `rec`'s realm. With a `watch`, the
    /// evaluation is stoppable (the caller then discards `cx` on a stop).
    pub(crate) fn run_on(
        &self,
        iso: &IsolateInner,
        rec: &ContextRecord,
        cx: &mut Context,
        options: &RunOptions,
        watch: Option<&Watch<'_>>,
    ) -> Result<JsValue, VmError> {
        let (script, runs) = self.compiled_for(iso, rec, cx)?;
        if runs > 0 {
            if let Some(message) = workarounds::redeclaration_message(&self.inner.lexical_names) {
                let err = workarounds::convert_error(
                    JsNativeError::syntax().with_message(message).into(),
                    cx,
                );
                return Err(err);
            }
        }
        let saved = watch.map(|w| interrupt::set_backstop(cx, w));
        // Callback methods the budget reaches, for the time of a stoppable run.
        let swapped = watch.and_then(|_| crate::callback_methods::swap_in(cx));
        let evaluated = match watch {
            Some(w) => interrupt::evaluate_watched(&script, cx, w),
            None => Ok(script.evaluate(cx)),
        };
        let result = match evaluated {
            Err(stop) => {
                iso.drop_context_jobs(rec);
                Err(stop.into())
            }
            Ok(done) => {
                let done = done.map_err(|e| self.thrown(e, options, cx));
                drain_after_evaluate(iso, rec, watch, cx).and(done)
            }
        };
        if let Some(realm) = swapped {
            crate::callback_methods::swap_out(&realm, cx);
        }
        if let Some(saved) = saved {
            if result.is_ok() || !matches!(&result, Err(e) if e.is_stop()) {
                cx.set_runtime_limits(saved);
            }
        }
        result
    }

    /// What a script's evaluation error becomes at the vm boundary: engine-made errors get
    /// V8's wording, and with `displayErrors` the stack gets the arrow.
    fn thrown(&self, e: boa_engine::JsError, options: &RunOptions, cx: &mut Context) -> VmError {
        // Only errors the engine raised get V8's wording; a script's own `throw` keeps its
        // message whatever it says.
        let engine_made = e.as_native().is_some();
        let err = workarounds::convert_error(e, cx);
        if let (true, VmError::Thrown(v)) = (engine_made, &err) {
            workarounds::normalise_engine_message(v, cx);
            self.name_the_callee(v, cx);
        }
        if let (true, VmError::Thrown(v)) = (options.display_errors, &err) {
            // Decoration failing (a throwing `name` getter...) must not replace the error.
            let _ = stack::decorate_error_stack(
                v,
                &self.inner.options.filename,
                &self.inner.code,
                None,
                i64::from(self.inner.options.line_offset),
                i64::from(self.inner.options.column_offset),
                cx,
            );
        }
        err
    }
}

/// In an `afterEvaluate` context, the context's own microtasks run after the script, inside the
/// same timeout (and backstop).
fn drain_after_evaluate(
    iso: &IsolateInner,
    rec: &ContextRecord,
    watch: Option<&Watch<'_>>,
    cx: &mut Context,
) -> Result<(), VmError> {
    if rec.microtask_mode != MicrotaskMode::AfterEvaluate {
        return Ok(());
    }
    iso.drain_jobs_watched(Some(cx), Some(rec.id), watch)
        .inspect_err(|e| {
            if e.is_stop() {
                iso.drop_context_jobs(rec);
            }
        })
}

/// Keeps a run's deadline on the isolate's stack while it runs.
pub(crate) struct DeadlineGuard<'a>(&'a IsolateInner);

impl<'a> DeadlineGuard<'a> {
    pub(crate) fn push(
        iso: &'a IsolateInner,
        d: (crate::time::Instant, std::time::Duration),
    ) -> Self {
        iso.deadlines.borrow_mut().push(d);
        Self(iso)
    }
}

impl Drop for DeadlineGuard<'_> {
    fn drop(&mut self) {
        self.0.deadlines.borrow_mut().pop();
    }
}

/// The stop conditions of a run, or `None` when it takes Boa's plain (unstoppable) path.
fn watch_for<'a>(
    iso: &'a IsolateInner,
    options: &RunOptions,
    callback: Option<&'a dyn Fn() -> bool>,
) -> Result<(Option<Watch<'a>>, Option<SigintGuard>), VmError> {
    let enclosing = iso
        .deadlines
        .borrow()
        .iter()
        .min_by_key(|(at, _)| *at)
        .copied();
    let memory_limit = iso.shared.hooks.memory_limit.get();
    let stoppable = options.timeout.is_some()
        || options.break_on_sigint
        || iso.interruptible.get()
        || enclosing.is_some()
        || memory_limit.is_some();
    if !stoppable {
        return Ok((None, None));
    }
    // wasm32-unknown-unknown has no time source unless the embedder installed one
    // (`set_host_clock`); WASI and native targets have one.
    if !crate::time::has_clock() && (options.timeout.is_some() || enclosing.is_some()) {
        return Err(VmError::InvalidOption {
            name: "timeout",
            reason: "wasm32-unknown-unknown has no clock to measure a timeout (the embedder installs one with vm_core::set_host_clock)".into(),
        });
    }
    if options.timeout.is_some_and(|t| t.is_zero()) {
        return Err(VmError::InvalidOption {
            name: "timeout",
            reason: "must be a positive duration".into(),
        });
    }
    let guard = if options.break_on_sigint {
        Some(SigintGuard::install()?)
    } else {
        None
    };
    let own = options
        .timeout
        .map(|d| (crate::time::Instant::now() + d, d));
    let deadline = match (own, enclosing) {
        (Some(o), Some(e)) => Some(if e.0 < o.0 { e } else { o }),
        (o, e) => o.or(e),
    };
    let watch = Watch::new(
        deadline,
        guard.as_ref().map(|g| g.flag.clone()),
        &iso.interrupt,
        callback,
        memory_limit,
    );
    Ok((Some(watch), guard))
}

impl Script {
    /// `new vm.Script(code, options)`. Parses once, without a realm; a syntax error is a thrown
    /// `SyntaxError` (of the main realm from the isolate, of the running realm from a host
    /// function), its stack decorated with the arrow message as Node does.
    ///
    /// # Errors
    /// [`VmError::Thrown`] with the `SyntaxError`; [`VmError::SourceTooLarge`] /
    /// [`VmError::SourceTooDeep`] for sources the engine would not survive;
    /// [`VmError::ForeignEngine`] for a `Context` of no isolate.
    pub fn compile<'a>(
        on: impl Entry<'a>,
        code: &str,
        options: ScriptOptions,
    ) -> Result<Script, VmError> {
        let (iso, current) = crate::entry::resolve(on)?;
        Self::compile_in(&iso, current, None, code, options)
    }

    /// `new vm.Script(code, { cachedData })`: `cached` is checked (vm-cache) and, when it
    /// matches this exact source, options and engine build, the syntax check is skipped.
    /// Returns the script and whether the cache was rejected (Node's `cachedDataRejected`).
    ///
    /// # Errors
    /// As [`Script::compile`] (a rejected cache is not an error).
    pub fn compile_with_cache<'a>(
        on: impl Entry<'a>,
        code: &str,
        options: ScriptOptions,
        cached: &[u8],
    ) -> Result<(Script, bool), VmError> {
        let (iso, current) = crate::entry::resolve(on)?;
        iso.check_source_size(code)?;
        let accepted = vm_cache::decode(
            cached,
            crate::code_cache::ENGINE_IDENTITY,
            vm_cache::Kind::Script,
            code,
            crate::code_cache::options_hash(&options),
        )
        .ok()
        .and_then(crate::code_cache::decode_payload);
        match accepted {
            Some(names) => {
                let path = iso.script_path(&options);
                Ok((Script::trusted(code, options, path, names), false))
            }
            None => Ok((Self::compile_in(&iso, current, None, code, options)?, true)),
        }
    }

    /// Compiles `code`; a syntax error is raised in `realm`'s realm, or without one in the
    /// running realm of `current` (the main realm at the top level).
    pub(crate) fn compile_in(
        iso: &Isolate,
        current: Option<&mut Context>,
        realm: Option<&VmContext>,
        code: &str,
        options: ScriptOptions,
    ) -> Result<Script, VmError> {
        iso.check_source_length(code)?;
        if let Some(s) = iso.inner.compile_cache.borrow_mut().get(code, &options) {
            // Its nesting was checked when it was compiled.
            return Ok(s);
        }
        crate::source_depth::check(code)?;
        match Script::check(code, options.clone(), iso.script_path(&options)) {
            Ok(s) => {
                iso.inner.compile_cache.borrow_mut().insert(&s);
                Ok(s)
            }
            Err(f) => match (realm, current) {
                (None, Some(cx)) => Err(syntax_failure_to_error(f, code, &options, cx)),
                (realm, current) => {
                    let rec = realm.map_or_else(|| iso.inner.main.clone(), |c| c.rec.clone());
                    iso.inner.enter(current, &rec, |cx| {
                        Err(syntax_failure_to_error(f, code, &options, cx))
                    })
                }
            },
        }
    }

    /// `script.runInContext(ctx, options)` (with the main context: `runInThisContext`).
    ///
    /// # Errors
    /// [`VmError::Thrown`] with what the script threw; [`VmError::Timeout`],
    /// [`VmError::Sigint`], [`VmError::Interrupted`] or [`VmError::MemoryLimit`] when the run
    /// was stopped; [`VmError::EngineBusy`] when `on` is the isolate and the context's engine
    /// runs further up the stack; [`VmError::InvalidOption`] for a zero timeout.
    pub fn run<'a>(
        &self,
        on: impl Entry<'a>,
        ctx: &VmContext,
        options: &RunOptions,
    ) -> Result<JsValue, VmError> {
        let iso = Isolate {
            inner: ctx.inner()?,
        };
        self.run_impl(&iso, crate::entry::current(on), ctx, options)
    }

    pub(crate) fn run_impl(
        &self,
        iso: &Isolate,
        current: Option<&mut Context>,
        ctx: &VmContext,
        options: &RunOptions,
    ) -> Result<JsValue, VmError> {
        let iso = &*iso.inner;
        iso.warm(&ctx.rec)?;
        let callback = iso.interrupt_callback.borrow().clone();
        let (watch, _sigint) = watch_for(iso, options, callback.as_deref())?;
        let _deadline = watch
            .as_ref()
            .and_then(|w| w.deadline)
            .map(|d| DeadlineGuard::push(iso, d));
        let result = match &watch {
            Some(w) => iso.enter_stoppable(&ctx.rec, |cx| {
                self.run_on(iso, &ctx.rec, cx, options, Some(w))
            }),
            None => iso.enter(current, &ctx.rec, |cx| {
                self.run_on(iso, &ctx.rec, cx, options, None)
            }),
        };
        if let Err(VmError::MemoryLimit { .. }) = &result {
            // The stopped engine is gone; the context's queued jobs would keep what the run
            // built alive (and build more): they go too, and a collection returns the memory.
            iso.shared.executor.discard_context_jobs(ctx.rec.id);
            boa_gc::force_collect();
        }
        result
    }
}

impl Isolate {
    /// Empties the in-process compile cache.
    pub fn clear_compile_cache(&self) {
        self.inner.compile_cache.borrow_mut().clear();
    }

    pub(crate) fn script_path(&self, options: &ScriptOptions) -> String {
        self.inner
            .shared
            .positions
            .path_for(crate::positions::Shift {
                filename: options.filename.clone(),
                line_delta: i64::from(options.line_offset),
                first_line: 1,
                column_delta: i64::from(options.column_offset),
                tag: options.host_tag,
            })
    }
}

/// Builds the `SyntaxError` for a parse failure in `cx`'s current realm, decorated with the
/// arrow message.
pub(crate) fn syntax_failure_to_error(
    f: SyntaxFailure,
    code: &str,
    options: &ScriptOptions,
    cx: &mut Context,
) -> VmError {
    let message = f.message;
    let err = workarounds::convert_error(JsNativeError::syntax().with_message(message).into(), cx);
    if let (VmError::Thrown(v), Some((line, col))) = (&err, f.position) {
        let line_offset = i64::from(options.line_offset);
        let reported_line = usize::try_from(line as i64 + line_offset).unwrap_or(0);
        let reported_col = if line == 1 {
            usize::try_from(col as i64 + i64::from(options.column_offset)).unwrap_or(0)
        } else {
            col
        };
        let _ = stack::decorate_error_stack(
            v,
            &options.filename,
            code,
            Some((reported_line, reported_col)),
            line_offset,
            i64::from(options.column_offset),
            cx,
        );
    }
    err
}
