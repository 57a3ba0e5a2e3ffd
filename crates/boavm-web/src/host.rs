//! The `host` object boavm's prelude (`crates/boavm/prelude/prelude.js`) runs on, for a
//! browser: the same contract as the CLI's `crates/boavm/src/host.rs`, with an in-memory file
//! system (the playground's files), output to the page and the page's clock. What a browser
//! cannot do (signals, a real process exit) fails loudly or ends the program.
use std::cell::{Cell, RefCell};
use vm_core::Script;

use boa_engine::{
    builtins::promise::PromiseState,
    js_string,
    object::{builtins::JsArray, builtins::JsPromise, FunctionObjectBuilder, ObjectInitializer},
    Context, JsError, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
};
use vm_core::{CompileFunctionOptions, Isolate, ScriptOptions};

use crate::platform;

mod js {
    include!(concat!(env!("OUT_DIR"), "/runtime_js.rs"));
}
pub(crate) use js::PRELUDE;

/// The directory the program's files live in (`process.cwd()`).
pub(crate) const CWD: &str = "/playground";
/// `process.execPath`.
const EXEC_PATH: &str = "/playground/boavm";

/// Per-program host state.
struct State {
    /// The in-memory file system: absolute path → source.
    files: Vec<(String, String)>,
    argv: Vec<String>,
    /// `now()` origin (monotonic ms) of the program.
    start: f64,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
    /// The code `process.exit(code)` asked for.
    static EXIT: Cell<Option<i32>> = const { Cell::new(None) };
}

/// Sets up the host state of a new program.
pub(crate) fn configure(files: Vec<(String, String)>, argv: Vec<String>) {
    EXIT.with(|e| e.set(None));
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            files,
            argv,
            start: platform::now_ms(),
        });
    });
}

/// The exit code `process.exit` set, if it was called.
pub(crate) fn exit_requested() -> Option<i32> {
    EXIT.with(Cell::get)
}

fn with_state<R>(f: impl FnOnce(&State) -> R) -> R {
    STATE.with(|s| f(s.borrow().as_ref().expect("host configured before use")))
}

fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

fn str_arg(args: &[JsValue], i: usize, cx: &mut Context) -> JsResult<String> {
    Ok(arg(args, i).to_string(cx)?.to_std_string_escaped())
}

fn js_str(s: &str) -> JsValue {
    JsString::from(s).into()
}

fn isolate(cx: &Context) -> JsResult<Isolate> {
    Isolate::from_engine(cx)
        .map(|(i, _)| i)
        .ok_or_else(|| JsNativeError::error().with_message("no isolate").into())
}

fn vm_err(e: vm_core::VmError) -> JsError {
    match e {
        vm_core::VmError::Thrown(v) => JsError::from_opaque(v),
        other => JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    }
}

/// `a/./b/../c` → `a/c` for absolute `/`-separated paths.
fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

fn dirname(path: &str) -> String {
    match path.rfind('/') {
        Some(0) => "/".to_owned(),
        Some(i) => path[..i].to_owned(),
        None => ".".to_owned(),
    }
}

fn file_exists(path: &str) -> bool {
    with_state(|s| s.files.iter().any(|(p, _)| p == path))
}

/// Node's CommonJS resolution over the in-memory files: exact, `.js`, `.json`, `/index.js`,
/// `/index.json`.
fn resolve(dir: &str, id: &str) -> Option<String> {
    let base = if id.starts_with('/') {
        normalize(id)
    } else {
        normalize(&format!("{dir}/{id}"))
    };
    [
        base.clone(),
        format!("{base}.js"),
        format!("{base}.json"),
        format!("{base}/index.js"),
        format!("{base}/index.json"),
    ]
    .into_iter()
    .find(|p| file_exists(p))
}

/// The error `process.exit` ends the program with: Boa's uncatchable runtime-limit error, so
/// no `try/catch` or `finally` in the program runs on (the CLI's exit ends the process).
fn exit_error() -> JsError {
    boa_engine::error::EngineError::RuntimeLimit(
        boa_engine::error::RuntimeLimitError::LoopIteration,
    )
    .into()
}

type HostFn = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

fn host_functions() -> Vec<(&'static str, HostFn)> {
    vec![
        ("builtinSource", |_, a, cx| {
            let name = str_arg(a, 0, cx)?;
            if name == "internal/primordials" {
                return Ok(js_str(vm_node::sources::PRIMORDIALS_JS));
            }
            Ok(js::BUILTINS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(JsValue::undefined(), |(_, src)| js_str(src)))
        }),
        ("compileInternal", |_, a, cx| {
            let src = str_arg(a, 0, cx)?;
            let name = str_arg(a, 1, cx)?;
            isolate(cx)?;
            let params = ["exports", "require", "module"].map(str::to_owned);
            let options = CompileFunctionOptions {
                script: ScriptOptions {
                    filename: name,
                    ..Default::default()
                },
                ..Default::default()
            };
            vm_core::compile_function(&mut *cx, &src, &params, options)
                .map(Into::into)
                .map_err(vm_err)
        }),
        ("runScript", |_, a, cx| {
            let code = str_arg(a, 0, cx)?;
            let filename = str_arg(a, 1, cx)?;
            let iso = isolate(cx)?;
            let options = ScriptOptions {
                filename,
                ..Default::default()
            };
            let script = Script::compile(&mut *cx, &code, options).map_err(vm_err)?;
            let main = iso.main_context();
            script
                .run(&mut *cx, &main, &vm_core::RunOptions::default())
                .map_err(vm_err)
        }),
        ("installVm", |_, a, cx| {
            let heap = vm_core::memory::tracking_installed()
                .then_some(vm_core::memory::process_live_bytes as vm_node::HeapCounter);
            let vm = vm_node::install(cx, arg(a, 0), heap, arg(a, 1).as_object())?;
            Ok(vm.into())
        }),
        ("write", |_, a, cx| {
            let fd = arg(a, 0).to_i32(cx)?;
            let text = str_arg(a, 1, cx)?;
            platform::write(if fd == 2 { 2 } else { 1 }, &text);
            Ok(JsValue::undefined())
        }),
        ("now", |_, _, _| {
            Ok((platform::now_ms() - with_state(|s| s.start)).into())
        }),
        ("hrtimeNs", |_, _, _| {
            Ok(((platform::now_ms() - with_state(|s| s.start)) * 1e6)
                .floor()
                .into())
        }),
        ("argv", |_, _, cx| {
            let argv = with_state(|s| s.argv.clone());
            Ok(JsArray::from_iter(argv.iter().map(|s| js_str(s)), cx).into())
        }),
        ("execArgv", |_, _, cx| Ok(JsArray::new(cx)?.into())),
        ("execPath", |_, _, _| Ok(js_str(EXEC_PATH))),
        // A browser has no environment variables.
        ("env", |_, _, cx| {
            Ok(ObjectInitializer::new(cx).build().into())
        }),
        ("platform", |_, _, _| Ok(js_str("browser"))),
        ("arch", |_, _, _| Ok(js_str("wasm32"))),
        ("pid", |_, _, _| Ok(1.into())),
        ("version", |_, _, _| Ok(js_str(env!("CARGO_PKG_VERSION")))),
        ("cwd", |_, _, _| Ok(js_str(CWD))),
        ("exit", |_, a, cx| {
            let code = arg(a, 0).to_i32(cx)?;
            EXIT.with(|e| e.set(Some(code)));
            Err(exit_error())
        }),
        ("kill", |_, a, cx| {
            let name = str_arg(a, 0, cx)?;
            Err(JsNativeError::typ()
                .with_message(format!("cannot raise {name} in a browser (no signals)"))
                .into())
        }),
        ("resolve", |_, a, cx| {
            let dir = str_arg(a, 0, cx)?;
            let id = str_arg(a, 1, cx)?;
            Ok(resolve(&dir, &id).map_or(JsValue::undefined(), |p| js_str(&p)))
        }),
        ("dirname", |_, a, cx| {
            Ok(js_str(&dirname(&str_arg(a, 0, cx)?)))
        }),
        ("uncaughtDetails", vm_node::uncaught_details_native),
        ("readFile", |_, a, cx| {
            let path = str_arg(a, 0, cx)?;
            let found = with_state(|s| {
                s.files
                    .iter()
                    .find(|(p, _)| *p == path)
                    .map(|(_, src)| src.clone())
            });
            match found {
                Some(src) => Ok(js_str(&src)),
                None => {
                    let err = JsNativeError::error()
                        .with_message(format!("ENOENT: no such file or directory, open '{path}'"))
                        .into_opaque(cx);
                    err.create_data_property_or_throw(js_string!("code"), js_str("ENOENT"), cx)?;
                    Err(JsError::from_opaque(err.into()))
                }
            }
        }),
        ("runMicrotasks", |_, _, cx| {
            isolate(cx)?;
            vm_core::run_jobs(&mut *cx).map_err(vm_err)?;
            Ok(JsValue::undefined())
        }),
        ("promiseState", |_, a, cx| {
            let Some(p) = arg(a, 0)
                .as_object()
                .and_then(|o| JsPromise::from_object(o).ok())
            else {
                return Ok(JsValue::undefined());
            };
            let (state, value) = match p.state() {
                PromiseState::Pending => ("pending", JsValue::undefined()),
                PromiseState::Fulfilled(v) => ("fulfilled", v),
                PromiseState::Rejected(v) => ("rejected", v),
            };
            let obj = JsObject::with_null_proto();
            obj.create_data_property_or_throw(js_string!("state"), js_str(state), cx)?;
            obj.create_data_property_or_throw(js_string!("value"), value, cx)?;
            Ok(obj.into())
        }),
        ("heapBytes", |_, _, _| {
            Ok((vm_core::memory::process_live_bytes() as f64).into())
        }),
        // No resident set size in a browser.
        ("rss", |_, _, _| Ok(0.into())),
        ("exposeGc", |_, _, _| Ok(false.into())),
        ("gc", |_, _, cx| {
            isolate(cx)?.collect_garbage();
            Ok(JsValue::undefined())
        }),
    ]
}

/// The `host` object handed to the prelude.
pub(crate) fn host_object(cx: &mut Context) -> JsResult<JsObject> {
    let realm = cx.realm().clone();
    let obj = JsObject::with_null_proto();
    for (name, f) in host_functions() {
        // Every host call is a stop point for a timed run whose deadline has passed.
        let checked = NativeFunction::from_copy_closure(move |this, args, cx| {
            Isolate::stop_point(cx)?;
            f(this, args, cx)
        });
        let func = FunctionObjectBuilder::new(&realm, checked)
            .name(JsString::from(name))
            .build();
        obj.set(JsString::from(name), func, false, cx)?;
    }
    Ok(obj)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(normalize("/playground/./a/../b.js"), "/playground/b.js");
        assert_eq!(normalize("/../x"), "/x");
        assert_eq!(dirname("/playground/main.js"), "/playground");
        assert_eq!(dirname("/main.js"), "/");
    }

    #[test]
    fn resolution() {
        configure(
            vec![
                ("/playground/main.js".into(), String::new()),
                ("/playground/lib/index.js".into(), String::new()),
                ("/playground/data.json".into(), String::new()),
            ],
            Vec::new(),
        );
        assert_eq!(
            resolve(CWD, "./lib").as_deref(),
            Some("/playground/lib/index.js")
        );
        assert_eq!(
            resolve(CWD, "./data").as_deref(),
            Some("/playground/data.json")
        );
        assert_eq!(
            resolve("/playground/lib", "../main").as_deref(),
            Some("/playground/main.js")
        );
        assert_eq!(resolve(CWD, "./missing"), None);
    }
}
