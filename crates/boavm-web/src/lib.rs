//! boavm in a browser: `require('node:vm')` with boavm's Node-like runtime (console,
//! `util.inspect`, timers, `process`, CommonJS and ES module entries) built for
//! wasm32-unknown-unknown, for the playground in `playground/`.
//!
//! The module's interface is hand-written (no wasm-bindgen): it imports four functions from
//! the module `boavm_host` ([`platform`]: `now`, `unix_ms`, `random`, `write`) and exports
//! `boavm_init` (once per instance, [`warm_up`]), `boavm_alloc`/`boavm_free` (a buffer for the
//! source), `boavm_start` (run a program's main file), `boavm_turn` (one event-loop turn; the
//! page schedules the next one) and `boavm_exit_code`. `playground/worker.js` is the JavaScript side.
//!
//! The same runtime runs natively ([`Program`]), which is how this crate's tests check it.
#![warn(missing_docs)]

use vm_core::{Script, VmContext};
mod host;
pub mod platform;

use boa_engine::{
    builtins::promise::PromiseState, js_string, Context, JsError, JsObject, JsResult, JsValue,
    Source,
};
use vm_core::Isolate;

// Counts live heap bytes (`vm.measureMemory`, `process.memoryUsage`), as the CLI does.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[global_allocator]
static ALLOC: vm_core::memory::TrackingAllocator = vm_core::memory::TrackingAllocator::system();

/// How the main file is run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A CommonJS script (`/playground/main.js`: `require`, `module`, `__filename`).
    CommonJs,
    /// An ES module (`/playground/main.mjs`: `import`, top-level `await`).
    Module,
}

/// What the page should do after a call.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Step {
    /// Call [`Program::turn`] again after this many milliseconds (0: at once).
    Wait(f64),
    /// The program ended with this exit code.
    Done(i32),
}

/// One run of a program: its isolate and the prelude's event-loop hooks.
pub struct Program {
    iso: Isolate,
    hooks: JsObject,
    done: Option<i32>,
}

fn call(hooks: &JsObject, name: &str, args: &[JsValue], cx: &mut Context) -> JsResult<JsValue> {
    let f = hooks.get(js_string!(name), cx)?;
    let f = f.as_callable().ok_or_else(|| {
        boa_engine::JsNativeError::typ().with_message(format!("prelude hook {name} missing"))
    })?;
    f.call(&JsValue::undefined(), args, cx)
}

/// Prepares the runtime once per instance, before the first program: installs the host clock
/// and lets vm-core measure its loop rate (the `timeout` backstop's calibration, taken once per
/// process on the first timed run) outside any program, so a program's first timed run is not
/// charged for it: in the dev-profile wasm it takes longer than a 100 ms timeout. Returns the
/// milliseconds it took.
pub fn warm_up() -> Result<f64, String> {
    platform::install_clock();
    let started = platform::now_ms();
    let iso = Isolate::new().map_err(|e| format!("boavm: {e}"))?;
    let ctx = VmContext::new(
        &iso,
        vm_core::Sandbox::Host(vm_core::HostMap::new()),
        vm_core::ContextOptions::default(),
    )
    .map_err(|e| format!("boavm: {e}"))?;
    let script = Script::compile(&iso, "0", vm_core::ScriptOptions::default())
        .map_err(|e| format!("boavm: {e}"))?;
    let options = vm_core::RunOptions {
        timeout: Some(std::time::Duration::from_secs(600)),
        ..Default::default()
    };
    script
        .run(&iso, &ctx, &options)
        .map_err(|e| format!("boavm: warm-up run failed: {e}"))?;
    Ok(platform::now_ms() - started)
}

impl Program {
    /// Starts a program whose main file is `source`: evaluates boavm's prelude in a fresh
    /// isolate and runs the file (synchronous part). Output goes to [`platform::write`].
    pub fn start(kind: Kind, source: &str) -> Result<Program, String> {
        platform::install_clock();
        let file = match kind {
            Kind::CommonJs => format!("{}/main.js", host::CWD),
            Kind::Module => format!("{}/main.mjs", host::CWD),
        };
        host::configure(
            vec![(file.clone(), source.to_owned())],
            vec!["/playground/boavm".to_owned(), file.clone()],
        );
        let iso = Isolate::new().map_err(|e| format!("boavm: {e}"))?;
        let main = iso.main_context();
        let hooks = main
            .enter(&iso, |cx| -> JsResult<JsObject> {
                let prelude = cx.eval(
                    Source::from_bytes(host::PRELUDE.as_bytes())
                        .with_path(std::path::Path::new("node:internal/boavm")),
                )?;
                let host = host::host_object(cx)?;
                let f = prelude.as_callable().ok_or_else(|| {
                    boa_engine::JsNativeError::typ().with_message("prelude is not a function")
                })?;
                let hooks = f.call(&JsValue::undefined(), &[host.into()], cx)?;
                hooks.as_object().ok_or_else(|| {
                    boa_engine::JsNativeError::typ()
                        .with_message("prelude returned no hooks")
                        .into()
                })
            })
            .map_err(|e| format!("boavm: {e}"))?
            .map_err(|e| format!("boavm: prelude failed: {e}"))?;
        let program = Program {
            iso,
            hooks,
            done: None,
        };
        let done = program.in_main(|p, cx| {
            let started = call(&p.hooks, "runMain", &[js_string!(file.as_str()).into()], cx);
            match started {
                Err(e) => p.failed(e, cx),
                Ok(_) => None,
            }
        });
        Ok(Program { done, ..program })
    }

    /// Runs `f` in the main context (a failure to enter it ends the program with code 70).
    fn in_main(&self, f: impl FnOnce(&Self, &mut Context) -> Option<i32>) -> Option<i32> {
        let main = self.iso.main_context();
        match main.enter(&self.iso, |cx| f(self, cx)) {
            Ok(r) => r,
            Err(e) => {
                platform::write(2, &format!("boavm: {e}\n"));
                Some(70)
            }
        }
    }

    /// Reports an uncaught exception; returns the exit code when the program must end.
    fn failed(&self, err: JsError, cx: &mut Context) -> Option<i32> {
        if let Some(code) = host::exit_requested() {
            return Some(code);
        }
        if self.report_uncaught(err, cx) {
            None
        } else {
            Some(self.finish(Some(1), cx))
        }
    }

    /// Returns whether a `process.on('uncaughtException')` handler took the error.
    fn report_uncaught(&self, err: JsError, cx: &mut Context) -> bool {
        // Boa's uncatchable recursion limit reaches the program's end as V8's RangeError would.
        let limit = vm_core::internal::range_error_for_limit(&err, cx);
        let value = match limit.map_or_else(|| err.into_opaque(cx), Ok) {
            Ok(v) => v,
            Err(engine) => {
                platform::write(2, &format!("Uncaught {engine}\n"));
                return false;
            }
        };
        match call(&self.hooks, "uncaught", &[value], cx) {
            Ok(v) => v.to_boolean(),
            Err(e) => {
                let shown = vm_node::error_text(e, cx);
                platform::write(
                    2,
                    &format!("Uncaught exception in the uncaughtException handler: {shown}\n"),
                );
                false
            }
        }
    }

    /// The exit code (`process.exitCode`, the 'exit' event run once).
    fn finish(&self, forced: Option<i32>, cx: &mut Context) -> i32 {
        let args: Vec<JsValue> = forced.map(Into::into).into_iter().collect();
        match call(&self.hooks, "finish", &args, cx) {
            Ok(v) => v.as_number().map_or(forced.unwrap_or(0), |n| n as i32),
            Err(_) if host::exit_requested().is_some() => host::exit_requested().unwrap_or(1),
            Err(e) => {
                if self.report_uncaught(e, cx) {
                    0
                } else {
                    1
                }
            }
        }
    }

    /// Unhandled rejections: returns the exit code when one ends the program.
    fn check_rejections(&self, cx: &mut Context) -> Option<i32> {
        for p in self.iso.take_unhandled_rejections() {
            if let PromiseState::Rejected(reason) = p.state() {
                match call(&self.hooks, "unhandledRejection", &[reason, p.into()], cx) {
                    Ok(v) if v.to_boolean() => {}
                    Ok(_) => return Some(self.finish(Some(1), cx)),
                    Err(e) => {
                        if let Some(code) = self.failed(e, cx) {
                            return Some(code);
                        }
                    }
                }
            }
        }
        None
    }

    /// One turn of the event loop (promise jobs, due timers, immediates).
    pub fn turn(&mut self) -> Step {
        if let Some(code) = self.done {
            return Step::Done(code);
        }
        let main = self.iso.main_context();
        let step = main.enter(&self.iso, |cx| {
            let delay = match call(&self.hooks, "turn", &[], cx) {
                Ok(v) => v.as_number().unwrap_or(-1.0),
                Err(e) => {
                    if let Some(code) = self.failed(e, cx) {
                        return Step::Done(code);
                    }
                    0.0
                }
            };
            if let Some(code) = self.check_rejections(cx) {
                return Step::Done(code);
            }
            if delay < 0.0 {
                if self.iso.has_pending_jobs() {
                    return Step::Wait(0.0);
                }
                return Step::Done(self.finish(None, cx));
            }
            Step::Wait(delay)
        });
        let step = step.unwrap_or_else(|e| {
            platform::write(2, &format!("boavm: {e}\n"));
            Step::Done(70)
        });
        if let Step::Done(code) = step {
            self.done = Some(code);
        }
        step
    }

    /// The exit code once the program ended.
    pub fn exit_code(&self) -> Option<i32> {
        self.done
    }
}

/// The exports `playground/worker.js` calls (wasm32-unknown-unknown only).
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod exports {
    use std::cell::RefCell;

    use super::{platform, Kind, Program, Step};

    thread_local! {
        static PROGRAM: RefCell<Option<Program>> = const { RefCell::new(None) };
    }

    fn encode(step: Step) -> f64 {
        match step {
            Step::Wait(ms) => ms.max(0.0),
            Step::Done(_) => -1.0,
        }
    }

    /// Prepares the instance (see [`super::warm_up`]) once, before the first `boavm_start`:
    /// returns the milliseconds it took, or -1 (with the reason on stderr) if it failed.
    #[no_mangle]
    pub extern "C" fn boavm_init() -> f64 {
        match super::warm_up() {
            Ok(ms) => ms,
            Err(e) => {
                platform::write(2, &format!("{e}\n"));
                -1.0
            }
        }
    }

    /// A buffer of `len` bytes for the page to write a source into (freed with `boavm_free`).
    #[no_mangle]
    pub extern "C" fn boavm_alloc(len: usize) -> *mut u8 {
        let mut v = Vec::<u8>::with_capacity(len.max(1));
        let p = v.as_mut_ptr();
        std::mem::forget(v);
        p
    }

    /// Frees a buffer from `boavm_alloc`.
    ///
    /// # Safety
    /// `ptr` and `len` must be exactly what one `boavm_alloc(len)` call returned and was given,
    /// and the buffer must not be used afterwards.
    #[no_mangle]
    pub unsafe extern "C" fn boavm_free(ptr: *mut u8, len: usize) {
        // SAFETY: per the contract, `ptr` came from a `Vec<u8>` of capacity `len.max(1)`
        // that was forgotten; rebuilding it with length 0 and dropping it frees it once.
        drop(unsafe { Vec::from_raw_parts(ptr, 0, len.max(1)) });
    }

    /// Starts a program: `kind` 0 = CommonJS main file, 1 = ES module; the source is `len`
    /// bytes of UTF-8 at `ptr`. Returns the milliseconds until `boavm_turn` should run
    /// (0: at once), or -1 when the program already ended (`boavm_exit_code`).
    ///
    /// # Safety
    /// `ptr..ptr+len` must be readable (a `boavm_alloc` buffer the page filled).
    #[no_mangle]
    pub unsafe extern "C" fn boavm_start(kind: u32, ptr: *const u8, len: usize) -> f64 {
        // SAFETY: the caller guarantees the range is readable for the duration of the call;
        // the bytes are copied before anything else runs.
        let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
        let source = String::from_utf8_lossy(bytes).into_owned();
        let kind = match kind {
            0 => Kind::CommonJs,
            1 => Kind::Module,
            other => {
                platform::write(2, &format!("boavm: unknown program kind {other}\n"));
                return -1.0;
            }
        };
        // The previous program (and its isolate) goes first: one isolate per thread.
        PROGRAM.with(|p| p.borrow_mut().take());
        match Program::start(kind, &source) {
            Ok(program) => {
                let step = match program.exit_code() {
                    Some(code) => Step::Done(code),
                    None => Step::Wait(0.0),
                };
                PROGRAM.with(|p| *p.borrow_mut() = Some(program));
                encode(step)
            }
            Err(e) => {
                platform::write(2, &format!("{e}\n"));
                -1.0
            }
        }
    }

    /// One event-loop turn of the running program: milliseconds until the next turn, or -1
    /// once it ended.
    #[no_mangle]
    pub extern "C" fn boavm_turn() -> f64 {
        // Taken out while it runs: the program's code never reaches this cell.
        let Some(mut program) = PROGRAM.with(|p| p.borrow_mut().take()) else {
            return -1.0;
        };
        let step = program.turn();
        PROGRAM.with(|p| *p.borrow_mut() = Some(program));
        encode(step)
    }

    /// The exit code of the program that ended (-1 while it runs or if none started).
    #[no_mangle]
    pub extern "C" fn boavm_exit_code() -> i32 {
        PROGRAM.with(|p| {
            p.borrow()
                .as_ref()
                .and_then(Program::exit_code)
                .unwrap_or(-1)
        })
    }
}
