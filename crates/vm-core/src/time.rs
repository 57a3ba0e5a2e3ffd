//! The clock vm-core measures deadlines with.
//!
//! Everywhere std has a clock (native, WASI) this is `std::time::Instant`. On
//! wasm32-unknown-unknown, std's `Instant::now` panics (no time source without a host), so there
//! [`Instant`] reads the clock the embedder installs with [`set_host_clock`] (a browser's
//! `performance.now()` / `Date.now()`). Without one, time advances by one microsecond per
//! reading (monotonic, but not time) and runs with a `timeout` are refused.

#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) use std::time::Instant;

/// Whether deadlines can be measured (a real clock exists).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) fn has_clock() -> bool {
    true
}

/// Milliseconds since the Unix epoch (`Date.now()`).
#[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
pub(crate) fn unix_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub(crate) use host::{has_clock, unix_millis, Instant};
#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
pub use host::{set_host_clock, HostClock};

#[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
mod host {
    use std::{cell::Cell, ops::Add, time::Duration};

    /// A clock provided by the embedder on wasm32-unknown-unknown (see [`set_host_clock`]).
    #[derive(Clone, Copy, Debug)]
    pub struct HostClock {
        /// Monotonic milliseconds from any fixed origin (a browser's `performance.now()`).
        pub monotonic_millis: fn() -> f64,
        /// Milliseconds since the Unix epoch (`Date.now()`).
        pub unix_millis: fn() -> f64,
    }

    thread_local! {
        static CLOCK: Cell<Option<HostClock>> = const { Cell::new(None) };
        /// Readings without a host clock: one microsecond each.
        static TICKS: Cell<u64> = const { Cell::new(0) };
    }

    /// Installs the host's clock for this thread: `Date.now()`, timers and `timeout` use it
    /// from now on. Only on wasm32-unknown-unknown (every other target has std's clock).
    pub fn set_host_clock(clock: HostClock) {
        CLOCK.with(|c| c.set(Some(clock)));
    }

    pub(crate) fn has_clock() -> bool {
        CLOCK.with(Cell::get).is_some()
    }

    pub(crate) fn unix_millis() -> i64 {
        // `as` saturates (and maps NaN to 0): a broken host clock cannot panic here.
        CLOCK
            .with(Cell::get)
            .map_or(0, |c| (c.unix_millis)() as i64)
    }

    /// A point on the host's monotonic clock (nanoseconds from its origin).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub(crate) struct Instant(u64);

    impl Instant {
        pub(crate) fn now() -> Self {
            match CLOCK.with(Cell::get) {
                Some(c) => {
                    let ms = (c.monotonic_millis)();
                    // Saturating float-to-int conversion; hosts report non-negative values.
                    Instant((ms * 1e6) as u64)
                }
                None => TICKS.with(|t| {
                    let v = t.get() + 1_000;
                    t.set(v);
                    Instant(v)
                }),
            }
        }

        pub(crate) fn elapsed(&self) -> Duration {
            Duration::from_nanos(Self::now().0.saturating_sub(self.0))
        }
    }

    impl Add<Duration> for Instant {
        type Output = Instant;
        fn add(self, d: Duration) -> Instant {
            Instant(
                self.0
                    .saturating_add(u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)),
            )
        }
    }
}
