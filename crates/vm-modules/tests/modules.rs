//! Module behaviour, compared with Node 20 (`node --experimental-vm-modules`) on the same code.
use std::rc::Rc;

use vm_core::{
    boa_engine::{js_string, JsObject, JsValue},
    ContextOptions, Isolate, Sandbox, VmContext,
};
use vm_modules::{
    ModuleError, ModuleStatus, Modules, SourceTextOptions, SyntheticOptions, VmModule,
};

fn setup() -> (Isolate, Rc<Modules>) {
    let iso = Isolate::new().unwrap();
    let modules = Modules::install(&iso);
    (iso, modules)
}

fn src(iso: &Isolate, m: &Modules, code: &str) -> VmModule {
    m.source_text(iso, code, SourceTextOptions::default())
        .unwrap()
}

fn ns_get(iso: &Isolate, m: &Modules, module: &VmModule, name: &str) -> String {
    let ns = m.namespace(iso, module).unwrap();
    iso.main_context()
        .enter(iso, |cx| {
            ns.get(vm_core::boa_engine::JsString::from(name), cx)
                .unwrap()
                .display()
                .to_string()
        })
        .unwrap()
}

#[test]
fn link_evaluate_and_status_transitions() {
    let (iso, m) = setup();
    let dep = src(&iso, &m, "export let n = 1; export function inc() { n++ }");
    let root = src(
        &iso,
        &m,
        "import { n, inc } from './dep'; inc(); export const seen = n;",
    );
    // node: [ './dep' ], status 'unlinked', identifiers vm:module(0)/(1)
    assert_eq!(root.dependency_specifiers(), ["./dep"]);
    assert_eq!(root.status(), ModuleStatus::Unlinked);
    assert_eq!(dep.identifier(), "vm:module(0)");
    assert_eq!(root.identifier(), "vm:module(1)");
    // node: evaluate before link → ERR_VM_MODULE_STATUS
    let e = m.evaluate(&iso, &root, &Default::default()).unwrap_err();
    assert!(matches!(
        e,
        ModuleError::Status(vm_modules::StatusError::NotLinked)
    ));
    assert_eq!(
        e.to_string(),
        "Module status must be one of linked, evaluated, or errored"
    );
    // node: namespace before link → ERR_VM_MODULE_STATUS "must not be unlinked or linking"
    assert_eq!(
        m.namespace(&iso, &root).unwrap_err().to_string(),
        "Module status must not be unlinked or linking"
    );
    m.link(&iso, &root, &mut |spec, _| {
        assert_eq!(spec, "./dep");
        Ok(dep.clone())
    })
    .unwrap();
    assert_eq!(
        (root.status(), dep.status()),
        (ModuleStatus::Linked, ModuleStatus::Linked)
    );
    // node: linking twice → ERR_VM_MODULE_ALREADY_LINKED
    let again = m
        .link(&iso, &root, &mut |_, _| Ok(dep.clone()))
        .unwrap_err();
    assert!(matches!(again, ModuleError::AlreadyLinked));
    m.evaluate(&iso, &root, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(m.status(&root), ModuleStatus::Evaluated);
    assert_eq!(m.status(&dep), ModuleStatus::Evaluated);
    assert_eq!(ns_get(&iso, &m, &root, "seen"), "2");
    assert_eq!(ns_get(&iso, &m, &dep, "n"), "2");
}

#[test]
fn evaluation_errors_are_kept_and_rethrown() {
    let (iso, m) = setup();
    let bad = src(&iso, &m, "throw new Error('boom')");
    m.link(&iso, &bad, &mut |_, _| unreachable!()).unwrap();
    let p1 = m.evaluate(&iso, &bad, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(m.status(&bad), ModuleStatus::Errored);
    let err = bad.error().unwrap();
    let p2 = m.evaluate(&iso, &bad, &Default::default()).unwrap();
    // node: a second evaluate rejects with the same error object
    use vm_core::boa_engine::builtins::promise::PromiseState;
    match (p1.state(), p2.state()) {
        (PromiseState::Rejected(a), PromiseState::Rejected(b)) => {
            assert_eq!(a.as_object(), err.as_object());
            assert_eq!(b.as_object(), err.as_object());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn cycles_and_top_level_await() {
    let (iso, m) = setup();
    let a = src(
        &iso,
        &m,
        "import { b } from 'b'; export const a = 'a'; export const fromB = () => b;",
    );
    let b = src(
        &iso,
        &m,
        "import { a } from 'a'; export const b = 'b'; export const fromA = () => a;",
    );
    let (a2, b2) = (a.clone(), b.clone());
    m.link(&iso, &a, &mut |spec, _| {
        Ok(if spec == "a" { a2.clone() } else { b2.clone() })
    })
    .unwrap();
    m.evaluate(&iso, &a, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(ns_get(&iso, &m, &b, "b"), "\"b\"");
    let tla = src(&iso, &m, "export let v = 1; v = await Promise.resolve(42);");
    assert!(tla.has_top_level_await());
    assert!(!a.has_top_level_await());
    m.link(&iso, &tla, &mut |_, _| unreachable!()).unwrap();
    m.evaluate(&iso, &tla, &Default::default()).unwrap();
    // node: 'evaluated' while the top-level await is pending (V8's evaluating-async)
    assert_eq!(m.status(&tla), ModuleStatus::Evaluated);
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(m.status(&tla), ModuleStatus::Evaluated);
    assert_eq!(ns_get(&iso, &m, &tla, "v"), "42");
}

#[test]
fn synthetic_exports_can_be_set_after_link_and_after_evaluation() {
    let (iso, m) = setup();
    let syn = m
        .synthetic(
            &iso,
            vec!["x".into(), "default".into()],
            vm_modules::SyntheticEvaluate::new(|_module, _cx| Ok(JsValue::undefined())),
            SyntheticOptions::default(),
        )
        .unwrap();
    let main = iso.main_context();
    // node ≥ 22 (test-vm-module-synthetic.js): linked on creation, exports read undefined and
    // can be set at once, no link() required
    assert_eq!(syn.status(), ModuleStatus::Linked);
    assert_eq!(ns_get(&iso, &m, &syn, "x"), "undefined");
    main.enter(&iso, |cx| m.set_export(cx, &syn, "x", 1.into()))
        .unwrap()
        .unwrap();
    assert_eq!(ns_get(&iso, &m, &syn, "x"), "1");
    let user = src(
        &iso,
        &m,
        "import x, { x as named } from 'syn'; export const read = () => [x, named];",
    );
    let s2 = syn.clone();
    m.link(&iso, &user, &mut |_, _| Ok(s2.clone())).unwrap();
    main.enter(&iso, |cx| m.set_export(cx, &syn, "x", 5.into()))
        .unwrap()
        .unwrap();
    assert_eq!(ns_get(&iso, &m, &syn, "x"), "5");
    m.evaluate(&iso, &user, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    main.enter(&iso, |cx| {
        m.set_export(cx, &syn, "x", 6.into()).unwrap();
        m.set_export(cx, &syn, "default", js_string!("d").into())
            .unwrap();
    })
    .unwrap();
    // the new values are seen through every namespace and import binding
    assert_eq!(ns_get(&iso, &m, &syn, "x"), "6");
    let read = m.namespace(&iso, &user).unwrap();
    let got = main
        .enter(&iso, |cx| {
            let f = read.get(js_string!("read"), cx).unwrap();
            let arr = f
                .as_callable()
                .unwrap()
                .call(&JsValue::undefined(), &[], cx)
                .unwrap();
            arr.to_string(cx).unwrap().to_std_string_escaped()
        })
        .unwrap();
    assert_eq!(got, "d,6");
    // node: unknown export → ReferenceError "Export 'nope' is not defined in module"
    let e = main
        .enter(&iso, |cx| m.set_export(cx, &syn, "nope", 1.into()))
        .unwrap()
        .unwrap_err();
    assert!(matches!(e, ModuleError::NoExport(_)));
    assert_eq!(e.to_string(), "Export 'nope' is not defined in module");
}

#[test]
fn modules_belong_to_their_context_and_must_link_within_it() {
    let (iso, m) = setup();
    let ctx: VmContext = VmContext::new(
        &iso,
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )
    .unwrap();
    let inner = m
        .source_text(
            &iso,
            "export const isArray = [] instanceof Array; globalThis.touched = 1;",
            SourceTextOptions {
                context: Some(ctx.clone()),
                ..Default::default()
            },
        )
        .unwrap();
    // node: identifiers count per context
    assert_eq!(inner.identifier(), "vm:module(0)");
    let outer = src(&iso, &m, "import 'x'");
    let e = m
        .link(&iso, &outer, &mut |_, _| Ok(inner.clone()))
        .unwrap_err();
    assert!(matches!(e, ModuleError::DifferentContext));
    assert_eq!(outer.status(), ModuleStatus::Unlinked);
    m.link(&iso, &inner, &mut |_, _| unreachable!()).unwrap();
    m.evaluate(&iso, &inner, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(ns_get(&iso, &m, &inner, "isArray"), "true");
}

#[test]
fn syntax_errors_at_construction() {
    let (iso, m) = setup();
    let e = m
        .source_text(&iso, "export let = ;", SourceTextOptions::default())
        .unwrap_err();
    assert!(matches!(e, ModuleError::Vm(vm_core::VmError::Thrown(_))));
}

#[test]
fn synthetic_from_inside_a_running_engine() {
    let (iso, m) = setup();
    let main = iso.main_context();
    let r = main
        .enter(&iso, |cx| {
            m.synthetic(
                &mut *cx,
                vec!["x".into()],
                vm_modules::SyntheticEvaluate::new(|_m, _cx| Ok(JsValue::undefined())),
                SyntheticOptions::default(),
            )
            .map(|_| ())
            .map_err(|e| format!("{e:?}"))
        })
        .unwrap();
    assert!(r.is_ok(), "{r:?}");
}

#[test]
fn evaluate_with_timeout_stops_a_looping_body_and_the_context_keeps_working() {
    let (iso, m) = setup();
    let ctx = VmContext::new(
        &iso,
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )
    .unwrap();
    let opts = || SourceTextOptions {
        context: Some(ctx.clone()),
        ..Default::default()
    };
    let dep = m.source_text(&iso, "export const k = 5;", opts()).unwrap();
    m.link(&iso, &dep, &mut |_, _| unreachable!()).unwrap();
    let spin = m.source_text(&iso, "for (;;) {}", opts()).unwrap();
    m.link(&iso, &spin, &mut |_, _| unreachable!()).unwrap();
    let start = std::time::Instant::now();
    let r = m.evaluate(
        &iso,
        &spin,
        &vm_modules::EvaluateOptions {
            timeout: Some(std::time::Duration::from_millis(50)),
            ..Default::default()
        },
    );
    // node: ERR_SCRIPT_EXECUTION_TIMEOUT; boavm's backstop stops it after the timeout
    assert!(
        matches!(r, Err(ModuleError::Vm(vm_core::VmError::Timeout(_)))),
        "{r:?}"
    );
    assert!(start.elapsed() >= std::time::Duration::from_millis(50));
    assert_eq!(spin.status(), ModuleStatus::Errored);
    // the context's engine was replaced: modules parsed before still link and evaluate
    let user = m
        .source_text(
            &iso,
            "import { k } from 'dep'; export const twice = k * 2;",
            opts(),
        )
        .unwrap();
    let d2 = dep.clone();
    m.link(&iso, &user, &mut |_, _| Ok(d2.clone())).unwrap();
    m.evaluate(&iso, &user, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(ns_get(&iso, &m, &user, "twice"), "10");
}

#[test]
fn modules_created_while_another_engine_runs_stay_on_that_engine() {
    // node: creating a main-context module from a function called inside a context works,
    // and it links and evaluates later from the main context
    let (iso, m) = setup();
    let ctx = VmContext::new(
        &iso,
        Sandbox::Object(JsObject::with_null_proto()),
        ContextOptions::default(),
    )
    .unwrap();
    let made = std::cell::RefCell::new(None);
    // Occupy the main engine (as the boavm CLI does) and run code on the context's engine.
    iso.main_context()
        .enter(&iso, |main_cx| {
            ctx.enter(&mut *main_cx, |ctx_cx| {
                *made.borrow_mut() = Some(
                    m.source_text(
                        &mut *ctx_cx,
                        "export default 7;",
                        SourceTextOptions::default(),
                    )
                    .unwrap(),
                );
            })
            .unwrap();
        })
        .unwrap();
    let module = made.into_inner().unwrap();
    assert_eq!(module.context(), &iso.main_context());
    m.link(&iso, &module, &mut |_, _| unreachable!()).unwrap();
    m.evaluate(&iso, &module, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(ns_get(&iso, &m, &module, "default"), "7");
}

#[test]
fn async_linkers_can_await_js_promises() {
    let (iso, m) = setup();
    let dep = src(&iso, &m, "export const v = 'from a promise';");
    let root = src(&iso, &m, "export { v } from 'dep';");
    // The linker's module arrives through a JS promise settled by promise jobs.
    let promise = iso
        .main_context()
        .evaluate(
            &iso,
            "Promise.resolve().then(() => 'dep')",
            Default::default(),
            &Default::default(),
        )
        .unwrap();
    let promise =
        vm_core::boa_engine::object::builtins::JsPromise::from_object(promise.as_object().unwrap())
            .unwrap();
    let fut = iso
        .main_context()
        .enter(&iso, |cx| promise.into_js_future(cx).unwrap())
        .unwrap();
    let fut = std::cell::RefCell::new(Some(fut));
    let dep2 = dep.clone();
    m.link_async(&root, &mut |spec, _| {
        assert_eq!(spec, "dep");
        let f = fut.borrow_mut().take().unwrap();
        let d = dep2.clone();
        Box::pin(async move {
            let name = f
                .await
                .map_err(|_| ModuleError::LinkFailure("rejected".into()))?;
            assert_eq!(name.as_string().unwrap().to_std_string_escaped(), "dep");
            Ok(d)
        })
    })
    .unwrap();
    assert_eq!(root.status(), ModuleStatus::Linked);
    m.evaluate(&iso, &root, &Default::default()).unwrap();
    vm_core::run_jobs(&iso).unwrap();
    assert_eq!(ns_get(&iso, &m, &root, "v"), "\"from a promise\"");
}
