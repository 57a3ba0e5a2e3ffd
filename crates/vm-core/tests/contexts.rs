//! Context semantics, each compared with what `node` prints for the same snippet (the expected
//! value in each assertion is Node 20's output; the snippet is in the test).
mod support;
use vm_core::Script;
use vm_core::{
    boa_engine::{js_string, JsObject, JsValue},
    CodeGeneration, ContextOptions, HostMap, Isolate, RunOptions, Sandbox, ScriptOptions,
    VmContext, VmError,
};

fn setup() -> (Isolate, JsObject, VmContext) {
    let iso = Isolate::new().unwrap();
    let (sandbox, ctx) = support::sandboxed_context(&iso);
    (iso, sandbox, ctx)
}

/// Runs `src` in `ctx` and renders the completion value as a string in the main realm.
fn run(iso: &Isolate, ctx: &VmContext, src: &str) -> String {
    let r = ctx.evaluate(iso, src, ScriptOptions::default(), &RunOptions::default());
    render(iso, r)
}

/// Asserts that `src` run in `ctx` renders as `want` (node's output).
#[track_caller]
fn expect(iso: &Isolate, ctx: &VmContext, src: &str, want: &str) {
    assert_eq!(run(iso, ctx, src), want, "{src}");
}

fn render(iso: &Isolate, r: Result<JsValue, VmError>) -> String {
    let main = iso.main_context();
    main.enter(iso, |cx| match r {
        Ok(v) => v
            .to_string(cx)
            .map(|s| s.to_std_string_escaped())
            .unwrap_or_else(|_| "<?>".into()),
        Err(VmError::Thrown(v)) => {
            let name = v
                .as_object()
                .and_then(|o| o.get(js_string!("name"), cx).ok())
                .map(|n| n.display().to_string())
                .unwrap_or_default();
            format!("throws {}", name.trim_matches('"'))
        }
        Err(e) => format!("error {e}"),
    })
    .unwrap()
}

fn sandbox_keys(iso: &Isolate, sandbox: &JsObject) -> Vec<String> {
    iso.main_context()
        .enter(iso, |cx| {
            sandbox
                .own_property_keys(cx)
                .unwrap()
                .iter()
                .map(ToString::to_string)
                .collect()
        })
        .unwrap()
}

#[test]
fn declarations_land_on_the_sandbox_but_lexical_ones_do_not() {
    // node: vm.runInContext('var x = 1; function f(){}; y = 2; let z = 3; const w = 4; class C{}', ctx); Object.keys(ctx) → [ 'f', 'x', 'y' ]
    let (iso, sandbox, ctx) = setup();
    run(
        &iso,
        &ctx,
        "var x = 1; function f(){}; y = 2; let z = 3; const w = 4; class C{}",
    );
    let mut keys = sandbox_keys(&iso, &sandbox);
    keys.sort();
    assert_eq!(keys, ["f", "x", "y"]);
    // node: the lexical bindings are still visible to later scripts → "3 4 function"
    assert_eq!(run(&iso, &ctx, "`${z} ${w} ${typeof C}`"), "3 4 function");
}

#[test]
fn var_declarations_are_configurable_on_the_sandbox() {
    // node: Object.getOwnPropertyDescriptor(ctx, 'x').configurable → true
    let (iso, sandbox, ctx) = setup();
    run(&iso, &ctx, "var x = 1");
    let configurable = iso
        .main_context()
        .enter(&iso, |cx| {
            let d =
                vm_core::boa_engine::builtins::object::OrdinaryObject::get_own_property_descriptor(
                    &JsValue::undefined(),
                    &[sandbox.clone().into(), js_string!("x").into()],
                    cx,
                )
                .unwrap();
            d.as_object()
                .unwrap()
                .get(js_string!("configurable"), cx)
                .unwrap()
                .to_boolean()
        })
        .unwrap();
    assert!(configurable);
}

#[test]
fn reads_fall_through_sandbox_then_builtins() {
    let (iso, _sandbox, ctx) = setup();
    // node: vm.runInContext('typeof Array + typeof Math.max', vm.createContext({})) → 'functionfunction'
    expect(
        &iso,
        &ctx,
        "typeof Array + typeof Math.max",
        "functionfunction",
    );
    // node: writing a builtin name writes the sandbox: 'Array = 5; Array' → 5
    assert_eq!(run(&iso, &ctx, "Array = 5; Array"), "5");
}

#[test]
fn typeof_in_delete_keys_and_define_reflect_the_sandbox() {
    let (iso, sandbox, ctx) = setup();
    iso.main_context()
        .enter(&iso, |cx| {
            sandbox.set(js_string!("a"), 1, false, cx).unwrap();
        })
        .unwrap();
    // node (sandbox {a:1}): "typeof a, 'a' in globalThis, Object.keys(globalThis)" → 'number true a'
    assert_eq!(
        run(
            &iso,
            &ctx,
            "`${typeof a} ${'a' in globalThis} ${Object.keys(globalThis)}`"
        ),
        "number true a"
    );
    // node: 'delete globalThis.a; typeof a' → 'undefined' and the sandbox loses it
    expect(&iso, &ctx, "delete globalThis.a; typeof a", "undefined");
    assert!(sandbox_keys(&iso, &sandbox).is_empty());
    // node: Object.defineProperty(globalThis, 'k', {value: 7, enumerable: true}) lands on the sandbox
    run(
        &iso,
        &ctx,
        "Object.defineProperty(globalThis, 'k', {value: 7, enumerable: true})",
    );
    assert_eq!(sandbox_keys(&iso, &sandbox), ["k"]);
    // node: 'Object.getOwnPropertyDescriptor(globalThis, "k").writable' → false
    assert_eq!(
        run(
            &iso,
            &ctx,
            "Object.getOwnPropertyDescriptor(globalThis, 'k').writable"
        ),
        "false"
    );
    // node: 'Object.getOwnPropertyNames(globalThis).includes("Array")' → true
    assert_eq!(
        run(
            &iso,
            &ctx,
            "Object.getOwnPropertyNames(globalThis).includes('Array')"
        ),
        "true"
    );
}

#[test]
fn sandbox_accessors_run() {
    let (iso, _sandbox, ctx) = setup();
    // node: sandbox with get/set pair around a hidden field: 'v = 5; v' → 10 (setter doubles)
    let src = "Object.defineProperty(this, 'v', { get() { return this._v; }, set(x) { this._v = x * 2; }, configurable: true }); v = 5; v";
    assert_eq!(run(&iso, &ctx, src), "10");
}

#[test]
fn non_writable_sandbox_property_is_kept() {
    let (iso, sandbox, ctx) = setup();
    // A read-only, configurable `ro: 1`.
    support::define(&iso, &sandbox, "ro", 1.into(), [false, true, true]);
    // node: 'ro = 2; ro' → 1 (sloppy: silently ignored)
    assert_eq!(run(&iso, &ctx, "ro = 2; ro"), "1");
}

#[test]
fn strict_undeclared_assignment_throws_reference_error() {
    let (iso, _sandbox, ctx) = setup();
    // node: "'use strict'; undeclared = 1" → ReferenceError
    expect(
        &iso,
        &ctx,
        "'use strict'; undeclared = 1",
        "throws ReferenceError",
    );
    // node: sloppy → lands on the sandbox: 'undeclared2 = 1; typeof undeclared2' → 'number'
    expect(&iso, &ctx, "undeclared2 = 1; typeof undeclared2", "number");
}

#[test]
fn this_is_global_this_and_not_the_sandbox() {
    let (iso, sandbox, ctx) = setup();
    // node: vm.runInContext('this === globalThis', ctx) → true
    assert_eq!(run(&iso, &ctx, "this === globalThis"), "true");
    // node: vm.runInContext('this', ctx) === ctx → false
    let global = support::eval(&iso, &ctx, "this");
    assert_ne!(global.as_object().unwrap(), sandbox);
    assert_eq!(global.as_object().unwrap(), ctx.global_object());
}

#[test]
fn builtins_belong_to_the_new_realm() {
    let (iso, _sandbox, ctx) = setup();
    let arr = support::eval(&iso, &ctx, "[]");
    // node: vm.runInNewContext('[]') instanceof Array → false; Array.isArray → true
    let check = "(a) => [a instanceof Array, Array.isArray(a)].join()";
    let r = support::call_in_main(&iso, check, &[arr]);
    assert_eq!(r, "\"false,true\"");
}

#[test]
fn host_map_sandbox_reads_and_writes() {
    let iso = Isolate::new().unwrap();
    let map = HostMap::new();
    map.insert("n", 20);
    let ctx = VmContext::new(&iso, Sandbox::Host(map.clone()), ContextOptions::default()).unwrap();
    expect(
        &iso,
        &ctx,
        "var m = n + 1; k = 'x'; let hidden = 1; m",
        "21",
    );
    assert_eq!(map.keys(), ["n", "m", "k"]);
    map.insert("n", 1);
    assert_eq!(run(&iso, &ctx, "n + m"), "22");
    map.remove("m");
    assert_eq!(run(&iso, &ctx, "typeof k + typeof hidden"), "stringnumber");
    // a host map holds plain data properties only
    assert_eq!(
        run(
            &iso,
            &ctx,
            "Object.defineProperty(globalThis, 'g', { get() {} })"
        ),
        "throws TypeError"
    );
}

#[test]
fn code_generation_strings_false_refuses_eval_and_function() {
    let iso = Isolate::new().unwrap();
    let options = ContextOptions {
        code_generation: CodeGeneration {
            strings: false,
            wasm: true,
        },
        ..Default::default()
    };
    let ctx = VmContext::new(&iso, Sandbox::Object(JsObject::with_null_proto()), options).unwrap();
    // node: codeGeneration {strings:false} → EvalError for each
    for src in [
        "eval('1')",
        "new Function('return 1')",
        "Object.getPrototypeOf(function*(){}).constructor('yield 1')",
        "Object.getPrototypeOf(async function(){}).constructor('return 1')",
    ] {
        assert_eq!(run(&iso, &ctx, src), "throws EvalError", "{src}");
    }
    // the main context is unaffected
    assert_eq!(run(&iso, &iso.main_context(), "eval('1 + 1')"), "2");
}

#[test]
fn rerunning_a_script_with_let_throws_like_v8() {
    let (iso, _sandbox, ctx) = setup();
    let s = Script::compile(&iso, "let q = 1; q", ScriptOptions::default()).unwrap();
    assert_eq!(render(&iso, s.run(&iso, &ctx, &RunOptions::default())), "1");
    // node: SyntaxError "Identifier 'q' has already been declared"
    let second = s.run(&iso, &ctx, &RunOptions::default());
    assert_eq!(render(&iso, second), "throws SyntaxError");
    // a script without lexical declarations re-runs fine, reusing its compiled form
    let v = support::compile(&iso, "var c = (typeof c === 'number' ? c : 0) + 1; c");
    for expect in ["1", "2", "3"] {
        assert_eq!(
            render(&iso, v.run(&iso, &ctx, &RunOptions::default())),
            expect
        );
    }
    assert_eq!(v.compiled_contexts(), 1);
}

#[test]
fn one_script_runs_in_many_contexts_and_the_main_one() {
    let iso = Isolate::new().unwrap();
    let s = support::compile(
        &iso,
        "var hits = (typeof hits === 'number' ? hits : 0) + 1; hits",
    );
    let a = support::object_context(&iso);
    let b = support::object_context(&iso);
    for (ctx, expect) in [(&a, "1"), (&a, "2"), (&b, "1"), (&iso.main_context(), "1")] {
        assert_eq!(
            render(&iso, s.run(&iso, ctx, &RunOptions::default())),
            expect
        );
    }
}

#[test]
fn syntax_errors_come_at_compile_time_with_position() {
    let iso = Isolate::new().unwrap();
    let opts = support::named("foo.js");
    let err = Script::compile(&iso, "var a = ;", opts).unwrap_err();
    let stack = support::error_stack(&iso, &err);
    // node: 'foo.js:1\nvar a = ;\n        ^\n\nSyntaxError: Unexpected token...'
    support::assert_prefix(&stack, "foo.js:1\nvar a = ;\n        ^\n\nSyntaxError: ");
}

#[test]
fn offsets_and_filename_show_in_stacks() {
    let (iso, _sandbox, ctx) = setup();
    let opts = ScriptOptions {
        line_offset: 10,
        column_offset: 5,
        ..support::named("off.js")
    };
    let quiet = RunOptions {
        display_errors: false,
        ..Default::default()
    };
    let src = "(function h(){ throw new TypeError('t') })()";
    let stack = support::stack_of_run(&iso, &ctx, src, opts, &quiet);
    // node: 'TypeError: t\n    at h (off.js:11:...' — V8 shape, offsets applied, no arrow with displayErrors false
    support::assert_prefix(&stack, "TypeError: t\n    at h (off.js:11:27)");
    let neg = ScriptOptions {
        line_offset: -1,
        ..support::named("neg.js")
    };
    let r = ctx.evaluate(
        &iso,
        "\n\nnew Error('x').stack",
        neg,
        &RunOptions::default(),
    );
    assert!(render(&iso, r).contains("neg.js:2:"));
}

#[test]
fn display_errors_decorates_once() {
    let (iso, _sandbox, ctx) = setup();
    let opts = support::named("b.js");
    let src = "function g(){ throw new Error('boom') }\ng()";
    let stack = support::stack_of_run(&iso, &ctx, src, opts, &RunOptions::default());
    // node: 'b.js:1\nfunction g(){ throw new Error("boom") }\n<caret>\n\nError: boom\n    at g (b.js:1:21)\n    at b.js:2:...'
    support::assert_prefix(&stack, "b.js:1\nfunction g(){ throw new Error('boom') }\n");
    assert!(
        stack.contains("\n\nError: boom\n    at g (b.js:1:21)\n    at b.js:2:"),
        "{stack}"
    );
}

#[test]
fn thrown_values_come_back_unchanged() {
    let (iso, _sandbox, ctx) = setup();
    let r = ctx.evaluate(
        &iso,
        "globalThis.o = { tag: 1 }; throw o",
        ScriptOptions::default(),
        &RunOptions::default(),
    );
    let thrown = r.unwrap_err().thrown().cloned().unwrap();
    let o = support::eval(&iso, &ctx, "o");
    assert_eq!(thrown.as_object().unwrap(), o.as_object().unwrap());
    let r = ctx.evaluate(
        &iso,
        "throw 42",
        ScriptOptions::default(),
        &RunOptions::default(),
    );
    assert_eq!(
        r.unwrap_err().thrown().and_then(JsValue::as_number),
        Some(42.0)
    );
}

#[test]
fn compile_function_params_extensions_and_parsing_context() {
    let (iso, _sandbox, ctx) = setup();
    let ext = JsObject::with_null_proto();
    let f = vm_core::compile_function(
        &iso,
        "return a + b + (typeof later)",
        &["a".into(), "b".into()],
        vm_core::CompileFunctionOptions {
            parsing_context: Some(ctx.clone()),
            context_extensions: vec![ext.clone()],
            ..Default::default()
        },
    )
    .unwrap();
    let main = iso.main_context();
    let r = main
        .enter(&iso, |cx| {
            ext.set(js_string!("later"), 1, false, cx).unwrap();
            f.call(&JsValue::undefined(), &[1.into(), 2.into()], cx)
                .unwrap()
                .display()
                .to_string()
        })
        .unwrap();
    // node: the extension object is live: '3number'
    assert_eq!(r, "\"3number\"");
    // node: vm.compileFunction('return a', ['a']).toString() → 'function (a) {\nreturn a\n}'
    let g = vm_core::compile_function(&iso, "return a", &["a".into()], Default::default()).unwrap();
    let src = main
        .enter(&iso, |cx| {
            JsValue::from(g)
                .to_string(cx)
                .unwrap()
                .to_std_string_escaped()
        })
        .unwrap();
    assert_eq!(src, "function (a) {\nreturn a\n}");
    // a body that tries to escape the wrapper is a SyntaxError, not code
    let bad = vm_core::compile_function(
        &iso,
        "}); globalThis.pwned = 1; (function(){",
        &[],
        Default::default(),
    );
    assert_eq!(render(&iso, bad.map(Into::into)), "throws SyntaxError");
    assert_eq!(run(&iso, &main, "typeof pwned"), "undefined");
}

#[test]
fn errors_in_a_context_are_that_realms_errors() {
    let (iso, _sandbox, ctx) = setup();
    let e = ctx
        .evaluate(
            &iso,
            "null.x",
            ScriptOptions::default(),
            &RunOptions::default(),
        )
        .unwrap_err();
    let is_ctx_type_error = support::eval(&iso, &ctx, "(e) => e instanceof TypeError");
    let is_main_type_error = iso
        .main_context()
        .evaluate(
            &iso,
            "(e) => e instanceof TypeError",
            ScriptOptions::default(),
            &RunOptions::default(),
        )
        .unwrap();
    let main = iso.main_context();
    let (a, b) = main
        .enter(&iso, |cx| {
            let v = e.thrown().unwrap().clone();
            let a = is_ctx_type_error
                .as_object()
                .unwrap()
                .call(&JsValue::undefined(), std::slice::from_ref(&v), cx)
                .unwrap()
                .to_boolean();
            let b = is_main_type_error
                .as_object()
                .unwrap()
                .call(&JsValue::undefined(), &[v], cx)
                .unwrap()
                .to_boolean();
            (a, b)
        })
        .unwrap();
    // node: vm.runInContext('null.x') throws the context's TypeError: (e instanceof TypeError) false outside
    assert!(a && !b);
}

#[test]
fn promises_resolve_across_contexts_through_the_shared_queue() {
    let (iso, _sandbox, ctx) = setup();
    run(
        &iso,
        &ctx,
        "var done = 0; Promise.resolve(41).then(v => { done = v + 1 })",
    );
    assert_eq!(run(&iso, &ctx, "done"), "0");
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(run(&iso, &ctx, "done"), "42");
}

#[test]
fn context_options_are_kept() {
    let iso = Isolate::new().unwrap();
    let ctx = VmContext::new(
        &iso,
        Sandbox::Host(HostMap::new()),
        ContextOptions {
            name: Some("mine".into()),
            origin: Some("https://x.test".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ctx.name(), "mine");
    assert_eq!(ctx.origin(), Some("https://x.test"));
    assert!(vm_core::MicrotaskMode::parse(Some("bogus")).is_err());
    assert_eq!(
        vm_core::MicrotaskMode::parse(Some("afterEvaluate")).unwrap(),
        vm_core::MicrotaskMode::AfterEvaluate
    );
}

#[test]
fn polluted_object_prototype_does_not_break_declarations() {
    // node 20: `Object.prototype.get = function(){}; var x = 1` runs (prints 2); the second
    // script aborts node itself ("FATAL ERROR: v8::NamedPropertyDescriptorCallback Invalid
    // property descriptor"). Here both run: the trap's descriptor objects have no prototype.
    let (iso, sandbox, ctx) = setup();
    assert_eq!(
        run(
            &iso,
            &ctx,
            "Object.prototype.get = function(){}; Object.prototype.value = 5; var x = 1; x + 1"
        ),
        "2"
    );
    assert_eq!(
        run(
            &iso,
            &ctx,
            "function f() {} var y = 2; [typeof f, y, Object.getOwnPropertyDescriptor(globalThis, 'y').value]"
        ),
        "function,2,2"
    );
    let mut keys = sandbox_keys(&iso, &sandbox);
    keys.sort();
    assert_eq!(keys, ["f", "x", "y"]);
}

#[test]
fn global_writes_keep_the_sandbox_property_attributes() {
    // node: a sandbox property written from inside keeps its attributes; a frozen one is not
    // written (sloppy: silently), a getter-only one is not replaced.
    let (iso, sandbox, ctx) = setup();
    run(
        &iso,
        &ctx,
        "var n = 1; n = 2; n += 3; globalThis.m = 1; m = 4",
    );
    expect(
        &iso,
        &ctx,
        "[n, m, Object.keys(globalThis).includes('n')]",
        "5,4,true",
    );
    // A read-only, configurable `ro: 1`, not enumerable.
    support::define(&iso, &sandbox, "ro", 1.into(), [false, false, true]);
    assert_eq!(run(&iso, &ctx, "ro = 9; ro"), "1");
    // node: "TypeError: Cannot assign to read only property 'ro' of object '#<Object>'"
    assert!(run(&iso, &ctx, "'use strict'; ro = 9").starts_with("throws TypeError"));
}
