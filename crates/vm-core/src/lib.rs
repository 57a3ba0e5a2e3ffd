//! `vm-core`: Node's `node:vm` semantics on the [Boa](https://boajs.dev) engine.
//!
//! One [`Isolate`] owns the engine state of one thread: its main ("this") context, a shared
//! promise-job queue and clock, and any number of [`VmContext`]s created with
//! [`Isolate::create_context`]. Each vm context is a fresh realm whose global object forwards
//! to a *contextified* [`Sandbox`] (a JS object, or a Rust-side [`HostMap`]), exactly as
//! Node's contexts forward to the object passed to `vm.createContext`.
//!
//! [`Script`]s are compiled once and run in any context; [`Isolate::compile_function`] is
//! `vm.compileFunction`.
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
//! `DESIGN` notes in the README.
//!
//! # Example
//!
//! ```
//! use vm_core::{Isolate, Sandbox, ContextOptions, ScriptOptions, RunOptions, HostMap};
//! let isolate = Isolate::new().unwrap();
//! let globals = HostMap::new();
//! globals.insert("x", 2);
//! let ctx = isolate.create_context(Sandbox::Host(globals.clone()), ContextOptions::default()).unwrap();
//! let script = isolate.compile_script("var y = x * 21; y", ScriptOptions::default()).unwrap();
//! let v = isolate.run_script(&script, &ctx, &RunOptions::default()).unwrap();
//! assert_eq!(v.as_number(), Some(42.0));
//! assert_eq!(globals.get("y").and_then(|v| v.as_number()), Some(42.0));
//! ```
#![warn(missing_docs)]

mod callback_methods;
mod callee_messages;
pub mod code_cache;
mod compile_function;
mod context;
mod dyn_import;
mod engine;
mod engine_pool;
mod error;
mod executor;
mod global_proxy;
mod health;
mod hooks;
mod interrupt;
mod isolate;
mod job_trampoline;
mod loader;
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
mod stack;
mod stop_points;
mod string_limits;
mod syntax_messages;
mod time;
mod workarounds;

pub use boa_engine;
pub use boa_gc;
pub use compile_function::CompileFunctionOptions;
pub use context::{VmContext, WeakVmContext};
pub use engine_pool::DEFAULT_IDLE_ENGINES;
pub use error::VmError;
pub use interrupt::InterruptHandle;
pub use isolate::{Isolate, DEFAULT_MAX_SOURCE_BYTES};
pub use loader::{referrer_path, ModuleHost};
pub use native_stack::{remaining_native_stack, with_native_stack};
pub use options::{CodeGeneration, ContextOptions, MicrotaskMode, RunOptions, ScriptOptions};
pub use rss::resident_set_bytes;
pub use sandbox::{HostMap, Sandbox};
pub use script::Script;
pub use stack::{
    decorate_error_stack, parse_syntax_error_position, range_error_for_limit, uncaught_arrow,
    uncaught_callee_message,
};
pub use syntax_messages::v8_syntax_error;
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub use time::{set_host_clock, HostClock};
pub use vm_cache;
