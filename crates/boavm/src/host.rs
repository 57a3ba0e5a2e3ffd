//! Native functions behind the prelude's `host` object.
use std::{
    cell::RefCell,
    io::Write,
    path::{Path, PathBuf},
    time::Instant,
};
use vm_core::Script;

use boa_engine::{
    js_string,
    object::{builtins::JsArray, FunctionObjectBuilder, ObjectInitializer},
    Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
};
use vm_core::{CompileFunctionOptions, Isolate, ScriptOptions};

mod builtins {
    include!(concat!(env!("OUT_DIR"), "/builtins.rs"));
}

/// What the command line configured.
pub struct Config {
    pub argv: Vec<String>,
    pub exec_argv: Vec<String>,
    pub expose_gc: bool,
}

struct State {
    config: Config,
    start: Instant,
    stdout: std::io::BufWriter<std::io::Stdout>,
}

thread_local! {
    static STATE: RefCell<Option<State>> = const { RefCell::new(None) };
}

pub fn configure(config: Config) {
    STATE.with(|s| {
        *s.borrow_mut() = Some(State {
            config,
            start: Instant::now(),
            stdout: std::io::BufWriter::new(std::io::stdout()),
        });
    });
}

fn with_state<R>(f: impl FnOnce(&mut State) -> R) -> R {
    STATE.with(|s| f(s.borrow_mut().as_mut().expect("host configured before use")))
}

pub fn flush() {
    with_state(|s| {
        let _ = s.stdout.flush();
    });
}

pub(crate) fn arg(args: &[JsValue], i: usize) -> JsValue {
    args.get(i).cloned().unwrap_or_default()
}

pub(crate) fn str_arg(args: &[JsValue], i: usize, cx: &mut Context) -> JsResult<String> {
    Ok(arg(args, i).to_string(cx)?.to_std_string_escaped())
}

fn js_str(s: &str) -> JsValue {
    JsString::from(s).into()
}

fn strings(list: &[String], cx: &mut Context) -> JsValue {
    JsArray::from_iter(list.iter().map(|s| js_str(s)), cx).into()
}

fn isolate(cx: &Context) -> JsResult<Isolate> {
    Isolate::from_engine(cx)
        .map(|(i, _)| i)
        .ok_or_else(|| JsNativeError::error().with_message("no isolate").into())
}

fn vm_err(e: vm_core::VmError) -> boa_engine::JsError {
    match e {
        vm_core::VmError::Thrown(v) => boa_engine::JsError::from_opaque(v),
        other => JsNativeError::error()
            .with_message(other.to_string())
            .into(),
    }
}

fn io_error(
    e: &std::io::Error,
    syscall: &str,
    path: &str,
    cx: &mut Context,
) -> boa_engine::JsError {
    let code = match e.kind() {
        std::io::ErrorKind::NotFound => "ENOENT",
        std::io::ErrorKind::PermissionDenied => "EACCES",
        _ => "EIO",
    };
    let err = JsNativeError::error()
        .with_message(format!("{code}: {e}, {syscall} '{path}'"))
        .into_opaque(cx);
    // Defined, not assigned: an accessor for `code` on a prototype must not intercept it.
    let _ = err.create_data_property_or_throw(js_string!("code"), js_str(code), cx);
    boa_engine::JsError::from_opaque(err.into())
}

/// Resolves `id` relative to `dir` like Node's CommonJS loader: exact file, `.js`, `.json`,
/// then `dir/index.js`.
fn resolve(dir: &Path, id: &str) -> Option<PathBuf> {
    let base = dir.join(id);
    let candidates = [
        base.clone(),
        PathBuf::from(format!("{}.js", base.display())),
        PathBuf::from(format!("{}.json", base.display())),
        base.join("index.js"),
        base.join("index.json"),
    ];
    candidates
        .into_iter()
        .find(|p| p.is_file())
        .map(|p| normalize(&p))
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

pub(crate) type HostFn = fn(&JsValue, &[JsValue], &mut Context) -> JsResult<JsValue>;

fn host_functions() -> Vec<(&'static str, HostFn)> {
    vec![
        ("builtinSource", |_, a, cx| {
            let name = str_arg(a, 0, cx)?;
            // One primordials source for vm-node's bundle and this runtime's.
            if name == "internal/primordials" {
                return Ok(js_str(vm_node::sources::PRIMORDIALS_JS));
            }
            Ok(builtins::BUILTINS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(JsValue::undefined(), |(_, src)| js_str(src)))
        }),
        ("compileInternal", |_, a, cx| {
            let src = str_arg(a, 0, cx)?;
            let name = str_arg(a, 1, cx)?;
            isolate(cx)?;
            let params = [
                "exports".to_owned(),
                "require".to_owned(),
                "module".to_owned(),
            ];
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
            let vm = vm_node::install(
                cx,
                arg(a, 0),
                Some(vm_core::memory::process_live_bytes),
                arg(a, 1).as_object(),
            )?;
            Ok(vm.into())
        }),
        ("write", |_, a, cx| {
            let fd = arg(a, 0).to_i32(cx)?;
            let text = str_arg(a, 1, cx)?;
            with_state(|s| {
                if fd == 1 {
                    // Written through at once, as Node writes to files and pipes: nothing is
                    // lost when the process ends abnormally (abort, signal, stack overflow).
                    let _ = s.stdout.write_all(text.as_bytes());
                    let _ = s.stdout.flush();
                } else {
                    let _ = s.stdout.flush();
                    let _ = std::io::stderr().write_all(text.as_bytes());
                }
            });
            Ok(JsValue::undefined())
        }),
        ("now", |_, _, _| {
            Ok(with_state(|s| s.start.elapsed().as_secs_f64() * 1000.0).into())
        }),
        ("hrtimeNs", |_, _, _| {
            Ok(with_state(|s| s.start.elapsed().as_nanos() as f64).into())
        }),
        ("argv", |_, _, cx| {
            let v = with_state(|s| s.config.argv.clone());
            Ok(strings(&v, cx))
        }),
        ("execArgv", |_, _, cx| {
            let v = with_state(|s| s.config.exec_argv.clone());
            Ok(strings(&v, cx))
        }),
        ("execPath", |_, _, _| {
            Ok(js_str(
                &std::env::current_exe()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ))
        }),
        ("env", |_, _, cx| {
            let obj = ObjectInitializer::new(cx).build();
            // As the user set it (vm-core's locale setup rewrites LANGUAGE for Boa's Intl).
            for (k, v) in vm_core::locale::user_env_vars() {
                obj.create_data_property_or_throw(JsString::from(k.as_str()), js_str(&v), cx)?;
            }
            Ok(obj.into())
        }),
        ("platform", |_, _, _| Ok(js_str(std::env::consts::OS))),
        ("arch", |_, _, _| {
            Ok(js_str(match std::env::consts::ARCH {
                "x86_64" => "x64",
                "aarch64" => "arm64",
                other => other,
            }))
        }),
        ("pid", |_, _, _| Ok(process_id().into())),
        ("version", |_, _, _| Ok(js_str(env!("CARGO_PKG_VERSION")))),
        ("cwd", |_, _, _| {
            Ok(js_str(
                &std::env::current_dir()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ))
        }),
        ("exit", |_, a, cx| {
            let code = arg(a, 0).to_i32(cx)?;
            flush();
            std::process::exit(code);
        }),
        ("kill", |_, a, cx| {
            // `process.kill(process.pid, name)`: raises a signal in this process only.
            let name = str_arg(a, 0, cx)?;
            raise_signal(&name).map_err(|m| JsNativeError::typ().with_message(m))?;
            Ok(JsValue::undefined())
        }),
        ("resolve", |_, a, cx| {
            let dir = str_arg(a, 0, cx)?;
            let id = str_arg(a, 1, cx)?;
            Ok(resolve(Path::new(&dir), &id)
                .map_or(JsValue::undefined(), |p| js_str(&p.display().to_string())))
        }),
        ("dirname", |_, a, cx| {
            let p = str_arg(a, 0, cx)?;
            Ok(js_str(
                &Path::new(&p)
                    .parent()
                    .map(|d| d.display().to_string())
                    .unwrap_or_else(|| ".".into()),
            ))
        }),
        ("uncaughtDetails", vm_node::uncaught_details_native),
        ("readFile", |_, a, cx| {
            let p = str_arg(a, 0, cx)?;
            match std::fs::read_to_string(&p) {
                Ok(s) => Ok(js_str(&s)),
                Err(e) => Err(io_error(&e, "open", &p, cx)),
            }
        }),
        ("runMicrotasks", |_, _, cx| {
            isolate(cx)?;
            vm_core::run_jobs(&mut *cx).map_err(vm_err)?;
            Ok(JsValue::undefined())
        }),
        ("promiseState", |_, a, cx| {
            use boa_engine::builtins::promise::PromiseState;
            let Some(p) = arg(a, 0)
                .as_object()
                .and_then(|o| boa_engine::object::builtins::JsPromise::from_object(o).ok())
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
        ("rss", |_, _, _| Ok((rss_bytes() as f64).into())),
        ("exposeGc", |_, _, _| {
            Ok(with_state(|s| s.config.expose_gc).into())
        }),
        ("gc", |_, _, cx| {
            // Parks idle engines first, so unreachable vm contexts are freed too.
            match vm_core::Isolate::from_engine(cx) {
                Some((iso, _)) => iso.collect_garbage(),
                None => boa_gc::force_collect(),
            }
            Ok(JsValue::undefined())
        }),
    ]
}

/// Resident set size (0 where unavailable).
pub fn rss_bytes() -> usize {
    vm_core::resident_set_bytes().unwrap_or(0)
}

/// The `host` object handed to the prelude.
pub fn host_object(cx: &mut Context) -> JsResult<JsObject> {
    let realm = cx.realm().clone();
    let obj = JsObject::with_null_proto();
    for (name, f) in host_functions()
        .into_iter()
        .chain(crate::whatwg_url::natives())
    {
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

/// `process.pid`. WASI has no process ids (`std::process::id` panics there): a fixed 1.
fn process_id() -> u32 {
    #[cfg(target_os = "wasi")]
    {
        1
    }
    #[cfg(not(target_os = "wasi"))]
    {
        std::process::id()
    }
}

/// Raises the signal called `name` (`SIGINT`, ...) in this process.
#[cfg(unix)]
fn raise_signal(name: &str) -> Result<(), String> {
    use signal_hook::consts as c;
    let sig = match name {
        "SIGINT" => c::SIGINT,
        "SIGTERM" => c::SIGTERM,
        "SIGHUP" => c::SIGHUP,
        "SIGQUIT" => c::SIGQUIT,
        "SIGUSR1" => c::SIGUSR1,
        "SIGUSR2" => c::SIGUSR2,
        _ => return Err(format!("Unknown signal: {name}")),
    };
    signal_hook::low_level::raise(sig).map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn raise_signal(name: &str) -> Result<(), String> {
    Err(format!("cannot raise {name} on this platform"))
}
