//! Bytes → a sequence of module operations through the Rust vm-modules API: create source
//! text / synthetic modules (main or another context, with `importModuleDynamically` hooks and
//! `initializeImportMeta` callbacks), link them (synchronous and asynchronous linkers, linkers
//! that fail or return modules of other contexts, step-by-step linking in fuzzed orders),
//! evaluate (with and without a timeout), namespace, setExport, status / error, drop modules
//! and contexts, garbage collection, promise jobs.
//!
//! Checked after every step: no panic; every refusal is one of Node's errors; a module's
//! `error` exists exactly when it is `errored`; at the end the isolate still runs code.
#![no_main]
use std::{rc::Rc, time::Duration};

use boavm_fuzz::{check, healthy, Bytes};
use libfuzzer_sys::fuzz_target;
use vm_core::{
    boa_engine::{js_string, JsObject, JsValue},
    ContextOptions, Isolate, Sandbox, VmContext, VmError,
};
use vm_modules::{
    ModuleError, ModuleStatus, Modules, SourceTextOptions, SyntheticOptions, VmModule,
};

const SOURCES: &[&str] = &[
    "export const a = 1;",
    "import { a } from 'x'; export const b = a + 1;",
    "throw new Error('boom');",
    "export let v = await Promise.resolve(3);",
    "import 'y'; import 'z'; export default 0;",
    "export const n = import.meta ? 1 : 0;",
    "export * from 'x'; export const c = 2;",
    "import * as ns from 'y'; export { ns };",
    "export { a as default } from 'x';",
    "export const p = import('x').then(n => n.a, e => e);",
    "await new Promise(() => {});",
    "import { s } from 's'; export const t = s;",
    "import x from 'x' with { type: 'json' }; export { x };",
    "export function f() { return f() } f();",
    "export {",
    "import { missing } from 'x';",
    "let a = 1; export { a }; a = await 2;",
    "export let l = 1; l++; throw l;",
];

/// Bodies that only end when a timeout stops them.
const LOOPS: &[&str] = &["for (;;) {}", "while (true) { try { throw 1 } catch {} }"];

fn allowed(e: &ModuleError) -> bool {
    // Every refusal of the status machine (Node's ERR_VM_MODULE_* errors), and these failures.
    match e {
        ModuleError::Vm(v) => matches!(
            v,
            VmError::Thrown(_)
                | VmError::Timeout(_)
                | VmError::Engine(_)
                | VmError::NestingLimit(_)
        ),
        _ => true,
    }
}

/// A linker's behaviour for one request, from a fuzzed byte.
fn resolve(choice: u8, pool: &[VmModule], referrer: &VmModule) -> Result<VmModule, ModuleError> {
    match choice % 8 {
        0 => Err(ModuleError::LinkFailure("linker refused".into())),
        1 => Ok(referrer.clone()),
        _ if pool.is_empty() => Err(ModuleError::LinkFailure("nothing to link".into())),
        c => Ok(pool[(choice as usize / 8 + c as usize) % pool.len()].clone()),
    }
}

fn run(data: &[u8]) {
    let mut b = Bytes::new(data);
    let iso = Isolate::new().expect("isolate");
    let m = Modules::install(&iso);
    let main = iso.main_context();
    let mut contexts: Vec<VmContext> = vec![main.clone()];
    let mut pool: Vec<VmModule> = Vec::new();
    let looping = Rc::new(std::cell::Cell::new(false));
    let mut steps = 0;
    while !b.done() && steps < 48 {
        steps += 1;
        let op = b.below(20);
        let pick_ctx =
            |b: &mut Bytes, contexts: &[VmContext]| contexts[b.below(contexts.len())].clone();
        let result: Result<(), ModuleError> = match op {
            0..=2 => {
                let ctx = pick_ctx(&mut b, &contexts);
                let src = if b.below(12) == 0 {
                    looping.set(true);
                    b.pick(LOOPS)
                } else {
                    b.pick(SOURCES)
                };
                let hook: Option<vm_modules::DynamicImportHook> = match b.below(3) {
                    0 => None,
                    1 => {
                        // import() resolves to a module of the pool (or fails)
                        let weak: Vec<VmModule> = pool.clone();
                        let mm = Rc::downgrade(&m);
                        let looping = looping.clone();
                        Some(vm_modules::DynamicImportHook::new(move |spec: &str, _: &[(String, String)], cx: &mut vm_core::boa_engine::Context| {
                            let target = weak.get(spec.len() % weak.len().max(1)).cloned();
                            if looping.get() {
                                // import() would evaluate a graph that may never end
                                return Ok(JsValue::undefined());
                            }
                            match (target, mm.upgrade()) {
                                (Some(t), Some(mm)) => mm
                                    .namespace(&mut *cx, &t)
                                    .map(JsValue::from)
                                    .map_err(|e| {
                                        vm_core::boa_engine::JsNativeError::error()
                                            .with_message(e.to_string())
                                            .into()
                                    }),
                                _ => Ok(JsValue::undefined()),
                            }
                        }))
                    }
                    _ => Some(vm_modules::DynamicImportHook::new(
                        |_: &str, _: &[(String, String)], _: &mut vm_core::boa_engine::Context| {
                            Err(vm_core::boa_engine::JsNativeError::typ()
                                .with_message("no import()")
                                .into())
                        },
                    )),
                };
                m.source_text(
                    &iso,
                    src,
                    SourceTextOptions {
                        context: Some(ctx),
                        import_module_dynamically: hook,
                        line_offset: i32::from(b.byte() as i8),
                        ..Default::default()
                    },
                )
                .map(|x| pool.push(x))
            }
            3 => {
                let ctx = pick_ctx(&mut b, &contexts);
                let export_lists: [&[&str]; 4] =
                    [&["s"], &[], &["s", "default", "then"], &["s", "s"]];
                let names: &[&str] = *b.pick(&export_lists);
                let fail = b.below(4) == 0;
                m.synthetic(
                    &iso,
                    names.iter().map(|s| s.to_string()).collect(),
                    vm_modules::SyntheticEvaluate::new(move |_, _| {
                        if fail {
                            Err(vm_core::boa_engine::JsNativeError::error()
                                .with_message("synthetic failure")
                                .into())
                        } else {
                            Ok(JsValue::undefined())
                        }
                    }),
                    SyntheticOptions {
                        context: Some(ctx),
                        ..Default::default()
                    },
                )
                .map(|x| pool.push(x))
            }
            4 => {
                let sandbox = JsObject::with_null_proto();
                let options = ContextOptions {
                    microtask_mode: if b.below(3) == 0 {
                        vm_core::MicrotaskMode::AfterEvaluate
                    } else {
                        vm_core::MicrotaskMode::Default
                    },
                    ..Default::default()
                };
                VmContext::new(&iso, Sandbox::Object(sandbox), options)
                    .map(|c| contexts.push(c))
                    .map_err(ModuleError::Vm)
            }
            _ if pool.is_empty() => Ok(()),
            5 | 6 => {
                // link with a synchronous linker
                let target = pool[b.below(pool.len())].clone();
                let choices: Vec<u8> = (0..8).map(|_| b.byte()).collect();
                let snapshot = pool.clone();
                let mut i = 0;
                m.link(&iso, &target, &mut |_, referrer| {
                    i += 1;
                    resolve(choices[i % choices.len()], &snapshot, referrer)
                })
            }
            7 => {
                // link with an asynchronous linker (futures resolved after promise jobs)
                let target = pool[b.below(pool.len())].clone();
                let choices: Vec<u8> = (0..8).map(|_| b.byte()).collect();
                let snapshot = pool.clone();
                let main = main.clone();
                let iso2 = iso.clone();
                let mut i = 0;
                m.link_async(&target, &mut |_, referrer| {
                    i += 1;
                    let c = choices[i % choices.len()];
                    let r = resolve(c, &snapshot, referrer);
                    if c % 3 == 0 {
                        // wait on a JS promise first
                        let fut = main
                            .enter(&iso2, |cx| {
                                vm_core::boa_engine::object::builtins::JsPromise::resolve(
                                    JsValue::undefined(),
                                    cx,
                                )
                                .and_then(|p| p.into_js_future(cx))
                            })
                            .ok()
                            .and_then(Result::ok);
                        Box::pin(async move {
                            if let Some(f) = fut {
                                let _ = f.await;
                            }
                            r
                        })
                    } else {
                        Box::pin(async move { r })
                    }
                })
            }
            8 => {
                // step-by-step linking in a fuzzed order (Node's linkRequests + instantiate)
                let target = pool[b.below(pool.len())].clone();
                match m.begin_linking(&target) {
                    Err(e) => Err(e),
                    Ok(()) => {
                        let specs = target.dependency_specifiers().to_vec();
                        let mut r = Ok(());
                        for s in specs.iter().rev() {
                            if b.below(5) == 0 {
                                continue; // leave a request unresolved
                            }
                            let dep = pool[b.below(pool.len())].clone();
                            if let Err(e) = m.set_resolved(&target, s, &dep) {
                                r = Err(e);
                                break;
                            }
                        }
                        match r {
                            Ok(()) => m.instantiate(&iso, &target),
                            Err(e) => {
                                m.abort_linking(&target, None);
                                Err(e)
                            }
                        }
                    }
                }
            }
            9 | 10 => {
                let target = pool[b.below(pool.len())].clone();
                let timeout = if looping.get() || b.below(3) == 0 {
                    Some(Duration::from_millis(1 + b.below(10) as u64))
                } else {
                    None
                };
                m.evaluate(
                    &iso,
                    &target,
                    &vm_modules::EvaluateOptions {
                        timeout,
                        ..Default::default()
                    },
                )
                .map(|_| ())
            }
            11 => m.namespace(&iso, &pool[b.below(pool.len())]).map(|_| ()),
            12 => {
                let target = pool[b.below(pool.len())].clone();
                let name = *b.pick(&["s", "default", "then", "nope"]);
                main.enter(&iso, |cx| m.set_export(cx, &target, name, 1.into()))
                    .map_err(ModuleError::Vm)
                    .and_then(|r| r)
            }
            13 => {
                let target = pool[b.below(pool.len())].clone();
                let cb = match b.below(3) {
                    0 => None,
                    _ => main
                        .enter(&iso, |cx| {
                            cx.eval(vm_core::boa_engine::Source::from_bytes(
                                "(meta, m) => { meta.url = 'u'; if (Math.random() < 0) throw 1 }",
                            ))
                            .ok()
                            .and_then(|v| v.as_object())
                        })
                        .ok()
                        .flatten(),
                };
                m.set_initialize_import_meta(&target, cb);
                Ok(())
            }
            14 | 15 => {
                // drop a module (the graph keeps what it still references)
                let i = b.below(pool.len());
                pool.swap_remove(i);
                Ok(())
            }
            16 => {
                if contexts.len() > 1 {
                    let i = 1 + b.below(contexts.len() - 1);
                    contexts.swap_remove(i);
                }
                iso.collect_garbage();
                Ok(())
            }
            17 => {
                let target = pool[b.below(pool.len())].clone();
                let _ = (
                    target.status(),
                    target.error(),
                    target.identifier().len(),
                    target.has_async_graph(),
                    target.dependency_specifiers().len(),
                    target.request_attributes("x"),
                    target.js_object(),
                );
                Ok(())
            }
            18 => {
                // a module's JS object (what the binding attaches), then a lookup through import()
                let target = pool[b.below(pool.len())].clone();
                let obj = JsObject::with_null_proto();
                target.set_js_object(Some(obj));
                Ok(())
            }
            _ => vm_core::run_jobs(&iso).map_err(ModuleError::Vm),
        };
        match &result {
            Err(ModuleError::Vm(VmError::Broken(msg))) => panic!("isolate broken: {msg}"),
            Err(e) => assert!(allowed(e), "step {steps} op {op}: unexpected error {e:?}"),
            Ok(()) => {}
        }
        for x in &pool {
            let s = x.status();
            assert_eq!(
                s == ModuleStatus::Errored,
                x.error().is_some(),
                "step {steps} op {op}: {x:?}"
            );
        }
    }
    if !looping.get() {
        check(vm_core::run_jobs(&iso));
    }
    let _ = iso.take_unhandled_rejections();
    drop(pool);
    drop(contexts);
    iso.collect_garbage();
    let probe = main.enter(&iso, |cx| {
        cx.global_object()
            .set(js_string!("probe"), 1, false, cx)
            .is_ok()
    });
    assert!(matches!(probe, Ok(true)), "{probe:?}");
    healthy(&iso);
}

fuzz_target!(|data: &[u8]| run(data));
