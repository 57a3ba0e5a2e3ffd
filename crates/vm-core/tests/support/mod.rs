//! What the integration tests share: a context over a fresh sandbox, evaluating with default
//! options, reading a thrown error's stack, calling a main-context function.
#![allow(dead_code)] // each test binary uses a part

use vm_core::{
    boa_engine::{js_string, JsObject, JsString, JsValue},
    ContextOptions, Isolate, RunOptions, Sandbox, Script, ScriptOptions, VmContext, VmError,
};

/// A context over a new empty (prototype-less) sandbox object, with default options.
pub fn object_context(iso: &Isolate) -> VmContext {
    object_context_with(iso, ContextOptions::default())
}

/// A context over a new empty (prototype-less) sandbox object, with `options`.
pub fn object_context_with(iso: &Isolate, options: ContextOptions) -> VmContext {
    let sandbox = Sandbox::Object(JsObject::with_null_proto());
    VmContext::new(iso, sandbox, options).unwrap()
}

/// A context over a new empty sandbox object, with the sandbox.
pub fn sandboxed_context(iso: &Isolate) -> (JsObject, VmContext) {
    let sandbox = JsObject::with_null_proto();
    let options = ContextOptions::default();
    let ctx = VmContext::new(iso, Sandbox::Object(sandbox.clone()), options).unwrap();
    (sandbox, ctx)
}

/// Defines the data property `obj[key] = value` with `[writable, enumerable, configurable]`
/// (from the main context).
pub fn define(iso: &Isolate, obj: &JsObject, key: &str, value: JsValue, attributes: [bool; 3]) {
    let [writable, enumerable, configurable] = attributes;
    let desc = vm_core::boa_engine::property::PropertyDescriptor::builder()
        .value(value)
        .writable(writable)
        .enumerable(enumerable)
        .configurable(configurable);
    iso.main_context()
        .enter(iso, |cx| {
            obj.define_property_or_throw(JsString::from(key), desc, cx)
                .unwrap();
        })
        .unwrap();
}

/// Asserts that `text` starts with `prefix`, showing `text` otherwise.
#[track_caller]
pub fn assert_prefix(text: &str, prefix: &str) {
    assert!(
        text.starts_with(prefix),
        "expected a prefix {prefix:?} of:\n{text}"
    );
}

/// Script options naming the source `filename`.
pub fn named(filename: &str) -> ScriptOptions {
    ScriptOptions {
        filename: filename.into(),
        ..Default::default()
    }
}

/// `src` compiled with default options.
pub fn compile(iso: &Isolate, src: &str) -> Script {
    Script::compile(iso, src, ScriptOptions::default()).unwrap()
}

/// `src` evaluated in `ctx` with default script and run options.
pub fn eval(iso: &Isolate, ctx: &VmContext, src: &str) -> JsValue {
    eval_with(iso, ctx, src, &RunOptions::default()).unwrap()
}

/// `src` evaluated in `ctx` with default script options and `run`.
pub fn eval_with(
    iso: &Isolate,
    ctx: &VmContext,
    src: &str,
    run: &RunOptions,
) -> Result<JsValue, VmError> {
    ctx.evaluate(iso, src, ScriptOptions::default(), run)
}

/// The `stack` of the error a failed run threw.
pub fn thrown_stack(iso: &Isolate, r: Result<JsValue, VmError>) -> String {
    error_stack(iso, &r.unwrap_err())
}

/// The `stack` of `src` run in `ctx` with `script` and `run` options, which must throw.
pub fn stack_of_run(
    iso: &Isolate,
    ctx: &VmContext,
    src: &str,
    script: ScriptOptions,
    run: &RunOptions,
) -> String {
    thrown_stack(iso, ctx.evaluate(iso, src, script, run))
}

/// The `stack` of the error `err` holds.
pub fn error_stack(iso: &Isolate, err: &VmError) -> String {
    let thrown = err.thrown().unwrap();
    iso.main_context()
        .enter(iso, |cx| {
            let stack = thrown.as_object().unwrap().get(js_string!("stack"), cx);
            stack
                .unwrap()
                .to_string(cx)
                .unwrap()
                .to_std_string_escaped()
        })
        .unwrap()
}

/// The main-context function `f_src` called with `args`, its result displayed.
pub fn call_in_main(iso: &Isolate, f_src: &str, args: &[JsValue]) -> String {
    let main = iso.main_context();
    let f = eval(iso, &main, f_src);
    main.enter(iso, |cx| {
        let f = f.as_object().unwrap();
        let r = f.call(&JsValue::undefined(), args, cx).unwrap();
        r.display().to_string()
    })
    .unwrap()
}
