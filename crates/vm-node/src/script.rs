//! The native side of `vm.Script` and `vm.compileFunction`: a compiled [`Script`] behind a
//! handle whose (frozen) prototype has `run`, `createCachedData` and `cacheRejected`, as
//! Node's `ContextifyScript` sits under `vm.Script`.
use boa_engine::{
    object::builtins::JsUint8Array, Context, JsArgs, JsData, JsObject, JsResult, JsValue,
};
use boa_gc::{Finalize, Trace};
use vm_core::{CompileFunctionOptions, RunOptions, Script, ScriptOptions, VmError};

use crate::{
    args::{self, with_handle, Options},
    native::{binding, context_of, isolate, target_context, to_js, Native},
};

#[derive(Trace, Finalize, JsData)]
struct ScriptHandle {
    #[unsafe_ignore_trace]
    script: Script,
    /// The script's `importModuleDynamically` hook, alive as long as the script.
    hook: Option<vm_modules::HookHandle>,
    /// `cachedDataRejected` when `cachedData` was given.
    #[unsafe_ignore_trace]
    cache_rejected: Option<bool>,
}

/// What both compilers read: the code, the options object at `options_at`, and the
/// `importModuleDynamically` hook registered from it.
struct CompileRequest {
    code: String,
    opts: Options,
    hook: Option<vm_modules::HookHandle>,
}

impl CompileRequest {
    fn read(args: &[JsValue], options_at: usize, b: &JsObject, cx: &mut Context) -> JsResult<Self> {
        let code = args::string(args, 0, cx)?;
        let opts = Options::at(args, options_at);
        let hook = match opts.function("importModuleDynamically", cx)? {
            Some(f) => Some(crate::modules::register_hook(b, f, cx)?),
            None => None,
        };
        Ok(Self { code, opts, hook })
    }

    /// The positions and the hook's tag.
    fn script_options(&self, cx: &mut Context) -> JsResult<ScriptOptions> {
        Ok(ScriptOptions {
            filename: self.opts.string("filename", cx)?.unwrap_or_default(),
            line_offset: self.opts.i32("lineOffset", cx)?,
            column_offset: self.opts.i32("columnOffset", cx)?,
            host_tag: self.hook.as_ref().map_or(0, vm_modules::HookHandle::tag),
        })
    }
}

pub(crate) fn to_uint8array(bytes: Vec<u8>, cx: &mut Context) -> JsResult<JsValue> {
    Ok(JsUint8Array::from_iter(bytes, cx)?.into())
}

/// `compileScript(code, { filename, lineOffset, columnOffset, parsingContext,
/// importModuleDynamically, cachedData })` → a script handle.
fn compile_script(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let request = CompileRequest::read(args, 1, b, cx)?;
    let options = request.script_options(cx)?;
    let parsing = request.opts.object("parsingContext", cx)?;
    let parsing = context_of(b, parsing, cx)?;
    let cached = request.opts.bytes("cachedData", cx)?;
    let CompileRequest { code, hook, .. } = request;
    let compile = |cx: &mut Context| -> Result<(Script, Option<bool>), VmError> {
        match &cached {
            Some(bytes) => Script::compile_with_cache(&mut *cx, &code, options, bytes)
                .map(|(s, rejected)| (s, Some(rejected))),
            None => Script::compile(&mut *cx, &code, options).map(|s| (s, None)),
        }
    };
    let (script, cache_rejected) = match parsing {
        // A syntax error is a SyntaxError of the context the code was meant for.
        Some(ctx) => ctx.enter(&mut *cx, compile).map_err(|e| to_js(e, cx))?,
        None => compile(cx),
    }
    .map_err(|e| to_js(e, cx))?;
    let handle = ScriptHandle {
        script,
        hook,
        cache_rejected,
    };
    Ok(binding(b)?.script_handle(handle)?.into())
}

/// `handle.run(context, { displayErrors, timeout, breakOnSigint })`: runs in `context` (a
/// contextified object; the main context when `undefined`). The context is positional so that
/// a run with default options can pass one shared options object.
fn run(this: &JsValue, args: &[JsValue], b: &JsObject, cx: &mut Context) -> JsResult<JsValue> {
    let (script, hook) = with_handle(this, |h: &ScriptHandle| (h.script.clone(), h.hook.clone()))?;
    let context = args.get_or_undefined(0).as_object();
    let opts = Options::at(args, 1);
    let iso = isolate(cx)?;
    binding(b)?.reap();
    let ctx = target_context(b, context, &iso, cx)?;
    if let Some(hook) = &hook {
        crate::modules::modules(b, cx)?.pin_hook(&ctx, hook);
    }
    let options = RunOptions {
        display_errors: opts.bool("displayErrors", cx)?,
        timeout: opts.millis("timeout", cx)?,
        break_on_sigint: opts.bool("breakOnSigint", cx)?,
    };
    match script.run(&mut *cx, &ctx, &options) {
        Ok(v) => Ok(v),
        // Node creates the timeout/interrupt error in the context the script ran in.
        Err(e) if e.is_stop() => Err(ctx.enter(&mut *cx, |cx| to_js(e, cx)).unwrap_or_else(|e| {
            boa_engine::JsNativeError::error()
                .with_message(e.to_string())
                .into()
        })),
        Err(e) => Err(to_js(e, cx)),
    }
}

/// `handle.createCachedData()` → the bytes of a code cache for the script.
fn create_cached_data(
    this: &JsValue,
    _: &[JsValue],
    _: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let bytes = with_handle(this, |h: &ScriptHandle| h.script.create_cached_data())?;
    to_uint8array(bytes, cx)
}

/// `handle.cacheRejected()` → whether the given `cachedData` was refused (`undefined` when
/// none was given).
fn cache_rejected(
    this: &JsValue,
    _: &[JsValue],
    _: &JsObject,
    _: &mut Context,
) -> JsResult<JsValue> {
    let rejected = with_handle(this, |h: &ScriptHandle| h.cache_rejected)?;
    Ok(rejected.map_or(JsValue::undefined(), JsValue::from))
}

/// `compileFunction(code, params, { filename, lineOffset, columnOffset, parsingContext,
/// contextExtensions, importModuleDynamically })` → the function.
fn compile_function(
    _: &JsValue,
    args: &[JsValue],
    b: &JsObject,
    cx: &mut Context,
) -> JsResult<JsValue> {
    let params = args::strings(args, 1, "params", cx)?;
    let request = CompileRequest::read(args, 2, b, cx)?;
    let opts = &request.opts;
    let iso = isolate(cx)?;
    let parsing_context = opts.object("parsingContext", cx)?;
    let parsing_context = context_of(b, parsing_context, cx)?;
    let mut context_extensions = Vec::new();
    if let Some(list) = opts.object("contextExtensions", cx)? {
        let list = boa_engine::object::builtins::JsArray::from_object(list)?;
        for i in 0..list.length(cx)? {
            if let Some(o) = list.get(i, cx)?.as_object() {
                context_extensions.push(o);
            }
        }
    }
    let hook_ctx = parsing_context
        .clone()
        .unwrap_or_else(|| iso.main_context());
    let options = CompileFunctionOptions {
        script: request.script_options(cx)?,
        parsing_context,
        context_extensions,
    };
    let function = vm_core::compile_function(&mut *cx, &request.code, &params, options)
        .map_err(|e| to_js(e, cx))?;
    if let Some(hook) = request.hook {
        // The hook lives as long as the function's context (the function, and closures it
        // creates, may call import() later).
        crate::modules::modules(b, cx)?.pin_hook(&hook_ctx, &hook);
    }
    Ok(function.into())
}

/// The script functions of the native object, by name.
pub(crate) fn functions() -> [(&'static str, Native); 2] {
    [
        ("compileScript", compile_script),
        ("compileFunction", compile_function),
    ]
}

/// The methods of a script handle, by name.
pub(crate) fn methods() -> [(&'static str, Native); 3] {
    [
        ("run", run),
        ("createCachedData", create_cached_data),
        ("cacheRejected", cache_rejected),
    ]
}
