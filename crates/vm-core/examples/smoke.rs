//! Runs a few snippets in a contextified sandbox and prints what they return.
use vm_core::{
    boa_engine::{js_string, JsObject, JsValue},
    ContextOptions, HostMap, Isolate, RunOptions, Sandbox, ScriptOptions,
};
use vm_core::{Script, VmContext};

fn show(iso: &Isolate, v: Result<JsValue, vm_core::VmError>) -> String {
    let main = iso.main_context();
    match v {
        Ok(v) => main.enter(iso, |_| v.display().to_string()).unwrap(),
        Err(vm_core::VmError::Thrown(v)) => main
            .enter(iso, |cx| {
                let o = v.as_object();
                match o {
                    Some(o) => format!(
                        "THROWN {}",
                        o.get(js_string!("stack"), cx).unwrap().display()
                    ),
                    None => format!("THROWN {}", v.display()),
                }
            })
            .unwrap(),
        Err(e) => format!("ERR {e}"),
    }
}

fn main() {
    let iso = Isolate::new().unwrap();
    let sandbox = JsObject::with_null_proto();
    let ctx = VmContext::new(
        &iso,
        Sandbox::Object(sandbox.clone()),
        ContextOptions::default(),
    )
    .unwrap();
    let run = |src: &str| {
        let r = ctx.evaluate(&iso, src, ScriptOptions::default(), &RunOptions::default());
        println!("{src:60} => {}", show(&iso, r));
    };
    run("var x = 1; function f(){}; y = 2; let z = 3; const w = 4; class C{}; x");
    run("Object.keys(globalThis)");
    run("JSON.stringify(Object.getOwnPropertyDescriptor(globalThis,'x'))");
    run("typeof Array + ' ' + typeof x + ' ' + ('y' in globalThis) + ' ' + typeof z");
    run("delete globalThis.y; typeof y");
    run("this === globalThis");
    run("'use strict'; undeclared = 1");
    run("Array = 5; Array");
    run("Object.getOwnPropertyNames(globalThis).length");
    run("function g(){ throw new Error('boom') }\ng()");
    run("eval('1+1')");
    run("var a = ;");
    let s = Script::compile(&iso, "let q = 1; q", ScriptOptions::default()).unwrap();
    println!(
        "run1 {}",
        show(&iso, s.run(&iso, &ctx, &RunOptions::default()))
    );
    println!(
        "run2 {}",
        show(&iso, s.run(&iso, &ctx, &RunOptions::default()))
    );
    let keys = iso
        .main_context()
        .enter(&iso, |cx| {
            sandbox
                .own_property_keys(cx)
                .unwrap()
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
        })
        .unwrap();
    println!("sandbox keys {keys:?}");
    let arr = ctx
        .evaluate(&iso, "[]", ScriptOptions::default(), &RunOptions::default())
        .unwrap();
    let main_arr = iso
        .main_context()
        .evaluate(
            &iso,
            "(a) => a instanceof Array",
            ScriptOptions::default(),
            &RunOptions::default(),
        )
        .unwrap();
    let r = iso
        .main_context()
        .enter(&iso, |cx| {
            main_arr
                .as_object()
                .unwrap()
                .call(&JsValue::undefined(), &[arr], cx)
                .unwrap()
                .display()
                .to_string()
        })
        .unwrap();
    println!("[] instanceof Array outside: {r}");
    let hm = HostMap::new();
    hm.insert("n", 20);
    let hctx = VmContext::new(&iso, Sandbox::Host(hm.clone()), ContextOptions::default()).unwrap();
    let r = hctx.evaluate(
        &iso,
        "var m = n + 1; k = 'x'; m",
        ScriptOptions::default(),
        &RunOptions::default(),
    );
    println!("host => {} keys {:?}", show(&iso, r), hm.keys());
    let opts = ScriptOptions {
        filename: "off.js".into(),
        line_offset: 10,
        column_offset: 5,
        host_tag: 0,
    };
    let r = ctx.evaluate(
        &iso,
        "(function h(){ throw new TypeError('t') })()",
        opts,
        &RunOptions::default(),
    );
    println!("{}", show(&iso, r));
    let f = vm_core::compile_function(
        &iso,
        "return a + b + (typeof c)",
        &["a".into(), "b".into()],
        Default::default(),
    )
    .unwrap();
    let r = iso
        .main_context()
        .enter(&iso, |cx| {
            f.call(&JsValue::undefined(), &[1.into(), 2.into()], cx)
                .unwrap()
                .display()
                .to_string()
        })
        .unwrap();
    println!("compileFunction {r}");
}
