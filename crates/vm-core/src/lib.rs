//! `vm-core`: Node's `node:vm` semantics on the [Boa](https://boajs.dev) engine.
//!
//! One [`Isolate`] owns the engine state of one thread: its main ("this") context, a shared
//! promise-job queue and clock, and any number of [`VmContext`]s created with
//! [`VmContext::new`]. Each vm context is a fresh realm whose global object forwards
//! to a *contextified* [`Sandbox`] (a JS object, or a Rust-side [`HostMap`]), exactly as
//! Node's contexts forward to the object passed to `vm.createContext`.
//!
//! [`Script`]s are compiled once and run in any context; [`compile_function`] is
//! `vm.compileFunction`.
//!
//! # One way in: [`Entry`]
//!
//! Every operation that may run JavaScript takes an [`Entry`]: `&isolate` at the embedder's top
//! level, or the `&mut Context` a host function received when called from JavaScript (the
//! running engine is borrowed further up the stack and can only be reached through it). Each
//! operation has that one form:
//!
//! | Node | vm-core |
//! |---|---|
//! | `vm.createContext(sandbox, options)` | [`VmContext::new`]`(on, sandbox, options)` |
//! | `new vm.Script(code, options)` | [`Script::compile`]`(on, code, options)` ([`Script::compile_with_cache`] with `cachedData`) |
//! | `script.runInContext(ctx, options)` | [`Script::run`]`(&script, on, &ctx, &options)` |
//! | `vm.runInContext(code, ctx, options)` | [`VmContext::evaluate`]`(&ctx, on, code, script_options, &run_options)` |
//! | `vm.compileFunction(code, params, options)` | [`compile_function`]`(on, code, params, options)` |
//! | a microtask checkpoint | [`run_jobs`]`(on)`, [`VmContext::run_jobs`] for `afterEvaluate` contexts |
//! | (Boa access in a context's realm) | [`VmContext::enter`]`(&ctx, on, \|cx\| ..)` |
//!
//! # Threading model
//!
//! Boa is single-threaded: its garbage collector is thread-local and its values are neither
//! `Send` nor `Sync`. An [`Isolate`] and everything it hands out ([`VmContext`], [`Script`],
//! `JsValue`s) therefore stay on the thread that created them (the types are `!Send`). Run one
//! isolate per thread for parallelism, as the test262 runner does.
//!
//! # Engines and realms
//!
//! Boa 0.22 never frees a realm while the `Context` that created it lives. To keep the memory of
//! dropped vm contexts bounded, every vm context gets its own Boa `Context` ("engine"); all
//! engines share one job queue and one clock, so promises and timers behave as in one isolate.
//! Code always runs on the engine that owns its target realm when that engine is free; see
//! `docs/architecture.md` (the concepts and this design, for embedders).
//!
//! # Example
//!
//! ```
//! use vm_core::{ContextOptions, HostMap, Isolate, RunOptions, Sandbox, Script, ScriptOptions, VmContext};
//! let isolate = Isolate::new().unwrap();
//! let globals = HostMap::new();
//! globals.insert("x", 2);
//! let ctx = VmContext::new(&isolate, Sandbox::Host(globals.clone()), ContextOptions::default()).unwrap();
//! let script = Script::compile(&isolate, "var y = x * 21; y", ScriptOptions::default()).unwrap();
//! let v = script.run(&isolate, &ctx, &RunOptions::default()).unwrap();
//! assert_eq!(v.as_number(), Some(42.0));
//! assert_eq!(globals.get("y").and_then(|v| v.as_number()), Some(42.0));
//! ```
#![warn(missing_docs)]

mod callback_methods;
mod callee_messages;
mod code_cache;
mod compile_function;
mod context;
mod dyn_import;
mod engine;
mod engine_pool;
mod entry;
mod error;
mod executor;
mod global_proxy;
mod health;
mod hooks;
#[doc(hidden)]
pub mod internal;
mod interrupt;
mod isolate;
mod job_trampoline;
mod jobs;
mod loader;
mod loading_errors;
pub mod locale;
pub mod memory;
mod native_stack;
mod options;
mod positions;
mod proxy_guard;
mod rss;
mod sandbox;
mod script;
mod source_depth;
mod source_text;
mod stack;
mod stop_points;
mod string_limits;
mod syntax_messages;
mod time;
mod workarounds;

pub use boa_engine;
pub use boa_gc;
pub use compile_function::{compile_function, CompileFunctionOptions};
pub use context::{VmContext, WeakVmContext};
pub use engine_pool::DEFAULT_IDLE_ENGINES;
pub use entry::Entry;
pub use error::{EngineLimit, VmError};
pub use interrupt::InterruptHandle;
pub use isolate::{Isolate, DEFAULT_MAX_SOURCE_BYTES};
pub use jobs::run_jobs;
pub use native_stack::{remaining_native_stack, with_native_stack};
pub use options::{CodeGeneration, ContextOptions, MicrotaskMode, RunOptions, ScriptOptions};
pub use rss::resident_set_bytes;
pub use sandbox::{HostMap, Sandbox};
pub use script::Script;
pub use stack::decorate_error_stack;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub use time::{set_host_clock, HostClock};
pub use vm_cache;

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
mod readme {}
