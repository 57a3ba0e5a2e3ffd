//! `boavm FILE.js [args…]`: runs a CommonJS file with `require('node:vm')` on Boa.
mod host;
mod whatwg_url;

use std::path::PathBuf;

use boa_engine::{
    builtins::promise::PromiseState, js_string, Context, JsObject, JsResult, JsValue, Source,
};
use clap::Parser;
use vm_core::{Isolate, VmError};

// Counts live heap bytes: `vm.measureMemory`, `process.memoryUsage` and `--max-heap-mb`.
#[global_allocator]
static ALLOC: vm_core::memory::TrackingAllocator = vm_core::memory::TrackingAllocator::system();

const PRELUDE: &str = include_str!("../prelude/prelude.js");

/// Run JavaScript with Node's `node:vm` module, on the Boa engine.
#[derive(Parser, Debug)]
#[command(name = "boavm", version, about)]
struct Cli {
    /// Evaluate CODE as a script.
    #[arg(
        short = 'e',
        long = "eval",
        value_name = "CODE",
        conflicts_with = "print"
    )]
    eval: Option<String>,
    /// Evaluate CODE and print the result.
    #[arg(short = 'p', long = "print", value_name = "CODE")]
    print: Option<String>,
    /// Expose `gc()` as a global.
    #[arg(long = "expose-gc", alias = "expose_gc")]
    expose_gc: bool,
    /// Abort the process (core dump, SIGABRT) on an uncaught exception instead of exiting
    /// with code 1, as Node does with this flag.
    #[arg(
        long = "abort-on-uncaught-exception",
        alias = "abort_on_uncaught_exception"
    )]
    abort_on_uncaught_exception: bool,
    /// Limit the isolate's live heap to MB megabytes (MiB): a vm run that grows it further
    /// stops with `ERR_VM_MEMORY_LIMIT` (README "Memory limit").
    #[arg(long = "max-heap-mb", value_name = "MB", value_parser = clap::value_parser!(u32).range(1..=1_048_576))]
    max_heap_mb: Option<u32>,
    /// Accepted for compatibility with Node's test flags: vm modules are always available.
    #[arg(long = "experimental-vm-modules")]
    experimental_vm_modules: bool,
    /// Accepted for compatibility with Node's test flags: import attributes (`import x from
    /// 'y' with { type: 'json' }`) are always parsed.
    #[arg(long = "harmony-import-attributes")]
    harmony_import_attributes: bool,
    /// The script to run, then its arguments (`process.argv[2..]`).
    #[arg(
        value_name = "FILE",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    args: Vec<String>,
}

fn call(hooks: &JsObject, name: &str, args: &[JsValue], cx: &mut Context) -> JsResult<JsValue> {
    let f = hooks.get(js_string!(name), cx)?;
    let f = f.as_callable().ok_or_else(|| {
        boa_engine::JsNativeError::typ().with_message(format!("prelude hook {name} missing"))
    })?;
    f.call(&JsValue::undefined(), args, cx)
}

/// Reports an uncaught exception; returns whether a handler took it.
fn report_uncaught(hooks: &JsObject, err: boa_engine::JsError, cx: &mut Context) -> bool {
    // Boa's uncatchable recursion limit reaches the program's end as V8's RangeError would.
    let limit = vm_core::internal::range_error_for_limit(&err, cx);
    let value = match limit.map_or_else(|| err.into_opaque(cx), Ok) {
        Ok(v) => v,
        Err(engine) => {
            eprintln!("Uncaught {engine}");
            return false;
        }
    };
    match call(hooks, "uncaught", &[value], cx) {
        Ok(v) => v.to_boolean(),
        Err(e) => {
            eprintln!(
                "Uncaught exception in the uncaughtException handler: {}",
                vm_node::error_text(e, cx)
            );
            false
        }
    }
}

fn check_rejections(iso: &Isolate, hooks: &JsObject, cx: &mut Context) -> bool {
    for p in iso.take_unhandled_rejections() {
        if let PromiseState::Rejected(reason) = p.state() {
            let handled = call(hooks, "unhandledRejection", &[reason, p.into()], cx);
            match handled {
                Ok(v) if v.to_boolean() => {}
                Ok(_) => return false,
                Err(e) => {
                    if !report_uncaught(hooks, e, cx) {
                        return false;
                    }
                }
            }
        }
    }
    true
}

fn run(cli: &Cli, iso: &Isolate, cx: &mut Context) -> i32 {
    let prelude = match cx.eval(
        Source::from_bytes(PRELUDE.as_bytes())
            .with_path(std::path::Path::new("node:internal/boavm")),
    ) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("boavm: prelude failed: {e}");
            return 70;
        }
    };
    let host = match host::host_object(cx) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("boavm: host setup failed: {e}");
            return 70;
        }
    };
    let hooks = match prelude
        .as_callable()
        .map(|f| f.call(&JsValue::undefined(), &[host.into()], cx))
    {
        Some(Ok(h)) if h.is_object() => h.as_object().expect("checked"),
        Some(Err(e)) => {
            eprintln!("boavm: prelude failed: {e}");
            return 70;
        }
        _ => {
            eprintln!("boavm: prelude returned no hooks");
            return 70;
        }
    };
    let started = if let Some(code) = cli.eval.as_ref().or(cli.print.as_ref()) {
        call(
            &hooks,
            "runEval",
            &[js_string!(code.as_str()).into(), cli.print.is_some().into()],
            cx,
        )
    } else {
        let file = PathBuf::from(&cli.args[0]);
        let abs = std::env::current_dir()
            .map(|d| d.join(&file))
            .unwrap_or(file);
        call(
            &hooks,
            "runMain",
            &[js_string!(abs.display().to_string().as_str()).into()],
            cx,
        )
    };
    let abort = cli.abort_on_uncaught_exception;
    let fatal = |hooks: &JsObject, cx: &mut Context| -> i32 {
        if abort {
            host::flush();
            std::process::abort();
        }
        call(hooks, "finish", &[1.into()], cx)
            .ok()
            .and_then(|v| v.as_number())
            .map_or(1, |n| n as i32)
    };
    if let Err(e) = started {
        if !report_uncaught(&hooks, e, cx) {
            return fatal(&hooks, cx);
        }
    }
    loop {
        let delay = match call(&hooks, "turn", &[], cx) {
            Ok(v) => v.as_number().unwrap_or(-1.0),
            Err(e) => {
                if !report_uncaught(&hooks, e, cx) {
                    return fatal(&hooks, cx);
                }
                0.0
            }
        };
        if !check_rejections(iso, &hooks, cx) {
            return fatal(&hooks, cx);
        }
        if delay < 0.0 && !iso.has_pending_jobs() {
            break;
        }
        if delay > 0.0 {
            host::flush();
            std::thread::sleep(std::time::Duration::from_secs_f64(delay / 1000.0));
        }
    }
    match call(&hooks, "finish", &[], cx) {
        Ok(v) => v.as_number().map_or(0, |n| n as i32),
        Err(e) => {
            if report_uncaught(&hooks, e, cx) {
                0
            } else {
                1
            }
        }
    }
}

/// Native stack reserved for the thread the isolate runs on. Boa's parser and many builtins
/// recurse on the native stack (vm-core guards its entry points and bounds source nesting, but
/// deep data — `JSON.stringify` of 100k nested arrays, 1M-long prototype chains — recurses
/// inside a single builtin call); virtual memory is cheap, only touched pages become resident.
#[cfg(not(target_os = "wasi"))]
const ISOLATE_STACK: usize = 1 << 30;

fn main() {
    // Intl's default locale as Node picks it (LC_ALL/LC_MESSAGES/LANG); before any thread.
    vm_core::locale::use_node_default_locale();
    let cli = Cli::parse();
    #[cfg(target_os = "wasi")]
    std::process::exit(wasi_main(cli));
    #[cfg(not(target_os = "wasi"))]
    std::process::exit(threaded_main(cli));
}

/// WASI (wasm32-wasip1) has no threads: the isolate runs on the main thread, whose stack is
/// fixed at link time (build.rs: `WASI_STACK` bytes). A native overflow there is a wasm trap
/// (the host reports it and exits non-zero), not memory corruption: the stack sits first in
/// linear memory.
#[cfg(target_os = "wasi")]
fn wasi_main(cli: Cli) -> i32 {
    // wasi-libc starts in `/`; the runner (wasi/run.mjs) passes the host's working directory as
    // PWD and preopens it at the same path, so relative script and module paths resolve as
    // natively.
    if let Ok(pwd) = std::env::var("PWD") {
        if let Err(e) = std::env::set_current_dir(&pwd) {
            eprintln!("boavm: cannot enter the working directory {pwd}: {e}");
            return 70;
        }
    }
    real_main(cli)
}

#[cfg(not(target_os = "wasi"))]
fn threaded_main(cli: Cli) -> i32 {
    let runner = std::thread::Builder::new()
        .name("boavm".into())
        .stack_size(ISOLATE_STACK)
        .spawn(move || real_main(cli));
    match runner.map(std::thread::JoinHandle::join) {
        Ok(Ok(code)) => code,
        // A panic escaped the isolate thread (already reported by the panic hook).
        Ok(Err(_)) => 70,
        Err(e) => {
            eprintln!("boavm: cannot start the isolate thread: {e}");
            70
        }
    }
}

fn real_main(cli: Cli) -> i32 {
    if cli.eval.is_none() && cli.print.is_none() && cli.args.is_empty() {
        eprintln!("boavm: no script given (try `boavm --help`)");
        std::process::exit(9);
    }
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "boavm".into());
    let mut argv = vec![exe];
    if cli.eval.is_some() || cli.print.is_some() {
        argv.extend(cli.args.iter().cloned());
    } else {
        let file = PathBuf::from(&cli.args[0]);
        let abs = std::env::current_dir()
            .map(|d| d.join(&file))
            .unwrap_or(file);
        argv.push(abs.display().to_string());
        argv.extend(cli.args[1..].iter().cloned());
    }
    let mut exec_argv = Vec::new();
    if cli.expose_gc {
        exec_argv.push("--expose-gc".to_owned());
    }
    if cli.abort_on_uncaught_exception {
        exec_argv.push("--abort-on-uncaught-exception".to_owned());
    }
    if cli.experimental_vm_modules {
        exec_argv.push("--experimental-vm-modules".to_owned());
    }
    if cli.harmony_import_attributes {
        exec_argv.push("--harmony-import-attributes".to_owned());
    }
    host::configure(host::Config {
        argv,
        exec_argv,
        expose_gc: cli.expose_gc,
    });
    let iso = match Isolate::new() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("boavm: {e}");
            return 70;
        }
    };
    if let Some(mb) = cli.max_heap_mb {
        let limit = (mb as usize) << 20;
        if let Err(e) = iso.set_memory_limit(Some(limit)) {
            eprintln!("boavm: {e}");
            return 9;
        }
        // One isolate in this process: its resident set may stand for it too (glibc's free
        // lists are not in the count; see `memory::set_process_rss_ceiling`): 1.125× the
        // limit, and at least half the limit above what the process holds already (small
        // limits, where the binary's own resident memory is a large share).
        let base = vm_core::resident_set_bytes().unwrap_or(0);
        let ceiling = (limit + limit / 8).max(base + limit / 2);
        vm_core::memory::set_process_rss_ceiling(Some(ceiling));
    }
    let main_ctx = iso.main_context();
    let code = main_ctx.enter(&iso, |cx| run(&cli, &iso, cx));
    host::flush();
    match code {
        Ok(c) => c,
        Err(VmError::Thrown(_)) | Err(_) => 70,
    }
}
