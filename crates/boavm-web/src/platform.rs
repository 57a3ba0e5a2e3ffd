//! What the runtime needs from its host: a monotonic clock, the wall clock, randomness and a
//! place for output.
//!
//! On wasm32-unknown-unknown these are four functions the page's worker imports into the module
//! (module name `boavm_host`, written by hand in `playground/worker.js`). Natively (the crate's
//! tests) they are std's clocks and an in-memory output buffer.

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod imports {
    #[link(wasm_import_module = "boavm_host")]
    extern "C" {
        /// `performance.now()`: monotonic milliseconds.
        pub(super) fn now() -> f64;
        /// `Date.now()`: milliseconds since the Unix epoch.
        pub(super) fn unix_ms() -> f64;
        /// Fills `len` bytes at `ptr` from `crypto.getRandomValues`.
        pub(super) fn random(ptr: *mut u8, len: usize);
        /// Output: `len` bytes of UTF-8 at `ptr`, to stdout (`fd` 1) or stderr (2).
        pub(super) fn write(fd: i32, ptr: *const u8, len: usize);
    }
}

/// Monotonic milliseconds from an arbitrary origin.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn now_ms() -> f64 {
    // SAFETY: an import without arguments that only returns a number.
    unsafe { imports::now() }
}

/// Milliseconds since the Unix epoch.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn unix_ms() -> f64 {
    // SAFETY: an import without arguments that only returns a number.
    unsafe { imports::unix_ms() }
}

/// Writes `text` to stdout (`fd` 1) or stderr (2).
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn write(fd: i32, text: &str) {
    // SAFETY: the host reads `text.len()` bytes at `text.as_ptr()` during the call only, and
    // the slice is valid (and unchanged) for that whole call.
    unsafe { imports::write(fd, text.as_ptr(), text.len()) }
}

/// getrandom's custom backend (selected for this target in `.cargo/config.toml`): the bytes
/// come from the host's `crypto.getRandomValues`.
///
/// # Safety
/// `dest` must be valid for writes of `len` bytes (getrandom's contract for this function).
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
#[no_mangle]
unsafe extern "Rust" fn __getrandom_v03_custom(
    dest: *mut u8,
    len: usize,
) -> Result<(), getrandom::Error> {
    // SAFETY: the caller guarantees `dest..dest+len` is writable; the host writes exactly that
    // range (in chunks of at most 64 KiB, getRandomValues' limit) and keeps no reference.
    unsafe { imports::random(dest, len) };
    Ok(())
}

/// Installs the host clock in vm-core (`Date.now()`, timers, `timeout`): before any isolate.
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub fn install_clock() {
    vm_core::set_host_clock(vm_core::HostClock {
        monotonic_millis: now_ms,
        unix_millis: unix_ms,
    });
}

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
mod native {
    use std::{cell::RefCell, sync::OnceLock, time::Instant};

    static ORIGIN: OnceLock<Instant> = OnceLock::new();

    thread_local! {
        pub(super) static OUTPUT: RefCell<Vec<(i32, String)>> = const { RefCell::new(Vec::new()) };
    }

    pub(super) fn now_ms() -> f64 {
        ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
    }
}

/// Monotonic milliseconds from an arbitrary origin.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn now_ms() -> f64 {
    native::now_ms()
}

/// Writes `text` to stdout (`fd` 1) or stderr (2): natively, into this thread's buffer
/// ([`take_output`]).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn write(fd: i32, text: &str) {
    native::OUTPUT.with(|o| o.borrow_mut().push((fd, text.to_owned())));
}

/// What was written on this thread since the last call, as (fd, text) pieces.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn take_output() -> Vec<(i32, String)> {
    native::OUTPUT.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

/// std's clock is vm-core's clock natively: nothing to install.
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub fn install_clock() {}
