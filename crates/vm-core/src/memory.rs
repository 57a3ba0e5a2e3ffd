//! The per-isolate memory limit: a tracking global allocator, and the checks that stop a run
//! whose isolate's heap grew past its limit.
//!
//! Limit: Boa 0.22 allocates infallibly (a failed allocation aborts the process) and has no
//! heap-limit or allocation hook, so the limit cannot refuse an allocation. It is enforced
//! where the host gets control: at every yield of a stoppable run (see `interrupt`), between
//! promise jobs, in every host-function call, and before the allocations the host can see
//! coming (`ArrayBuffer` sizes through `HostHooks::max_buffer_size`, the string builders in
//! `string_limits`). A stopped run's engine is discarded and a collection returns its memory.
//!
//! The count is per thread: an isolate never leaves the thread it was made on, so the live
//! heap of that thread is the isolate's (plus whatever else the embedder allocates there).
use std::{
    alloc::{GlobalAlloc, Layout, System},
    cell::Cell,
    sync::atomic::{AtomicBool, AtomicUsize, Ordering},
};

/// A global allocator that counts live heap bytes per thread and per process, which the
/// memory limit ([`crate::Isolate::set_memory_limit`]) and `measureMemory` read.
///
/// Install it in the binary that embeds vm-core:
///
/// ```ignore
/// #[global_allocator]
/// static ALLOC: vm_core::memory::TrackingAllocator = vm_core::memory::TrackingAllocator::system();
/// ```
///
/// It wraps any other allocator (`TrackingAllocator::new(MyAlloc)`); the cost is one
/// thread-local and one relaxed atomic update per allocation.
#[derive(Debug, Default)]
pub struct TrackingAllocator<A = System> {
    inner: A,
}

impl TrackingAllocator<System> {
    /// Tracks the system allocator.
    pub const fn system() -> Self {
        Self { inner: System }
    }
}

impl<A> TrackingAllocator<A> {
    /// Tracks `inner`.
    pub const fn new(inner: A) -> Self {
        Self { inner }
    }
}

static INSTALLED: AtomicBool = AtomicBool::new(false);
static PROCESS_LIVE: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    // Const-initialised and without a destructor: usable from inside the allocator at any
    // point of a thread's life, and never allocates.
    static THREAD_LIVE: Cell<isize> = const { Cell::new(0) };
    // The largest single allocation on this thread since the last check.
    static THREAD_LARGEST: Cell<usize> = const { Cell::new(0) };
}

/// What an allocation of `size` bytes costs the system allocator, roughly: glibc's malloc
/// rounds to 16-byte granules after an 8-byte header (32 bytes at least). Counting that, not
/// the requested size, keeps the resident memory of many small objects (the engine's heap)
/// close to the count.
#[inline]
fn charged(size: usize) -> usize {
    size.saturating_add(23).max(32) & !15
}

#[inline]
fn grew(bytes: usize) {
    if !INSTALLED.load(Ordering::Relaxed) {
        INSTALLED.store(true, Ordering::Relaxed);
    }
    PROCESS_LIVE.fetch_add(bytes, Ordering::Relaxed);
    let _ = THREAD_LIVE.try_with(|c| c.set(c.get().wrapping_add(bytes as isize)));
    let _ = THREAD_LARGEST.try_with(|c| {
        if bytes > c.get() {
            c.set(bytes);
        }
    });
}

#[inline]
fn shrank(bytes: usize) {
    PROCESS_LIVE.fetch_sub(bytes, Ordering::Relaxed);
    let _ = THREAD_LIVE.try_with(|c| c.set(c.get().wrapping_sub(bytes as isize)));
}

// SAFETY: every method forwards to `inner` with the caller's arguments unchanged, so the
// `GlobalAlloc` contract (layout validity, pointer provenance, no unwinding) is `inner`'s; the
// counters are side effects on an atomic and a const thread-local `Cell` (no allocation, no
// unwinding: `try_with` reports a destroyed slot instead of panicking) and touch no allocated
// memory.
unsafe impl<A: GlobalAlloc> GlobalAlloc for TrackingAllocator<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded with the caller's layout, which the caller guarantees is non-zero.
        let p = unsafe { self.inner.alloc(layout) };
        if !p.is_null() {
            grew(charged(layout.size()));
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `inner` (through this allocator) with `layout`.
        unsafe { self.inner.dealloc(ptr, layout) };
        shrank(charged(layout.size()));
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        let p = unsafe { self.inner.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(charged(layout.size()));
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees `ptr`/`layout` describe a live allocation of `inner`
        // and `new_size` is valid for `layout.align()`.
        let p = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            shrank(charged(layout.size()));
            grew(charged(new_size));
        }
        p
    }
}

/// Whether [`TrackingAllocator`] is the global allocator (it has seen an allocation).
pub fn tracking_installed() -> bool {
    if !INSTALLED.load(Ordering::Relaxed) {
        // One allocation through the global allocator marks it when it is ours.
        drop(std::hint::black_box(Box::new(0u64)));
    }
    INSTALLED.load(Ordering::Relaxed)
}

/// Live heap bytes of the whole process (0 without [`TrackingAllocator`]).
pub fn process_live_bytes() -> usize {
    PROCESS_LIVE.load(Ordering::Relaxed)
}

/// Live heap bytes allocated on this thread and not freed (0 without [`TrackingAllocator`]).
/// Memory freed on another thread than the one that allocated it is counted where it was
/// freed, so the figure is clamped at zero.
pub fn thread_live_bytes() -> usize {
    THREAD_LIVE
        .try_with(Cell::get)
        .map_or(0, |n| usize::try_from(n).unwrap_or(0))
}

/// Bytes the isolate on this thread may still allocate under `limit`.
pub(crate) fn headroom(limit: usize) -> usize {
    limit.saturating_sub(thread_live_bytes())
}

/// Whether this thread's live heap is over `limit`, or would be after one more allocation as
/// large as the largest made since the last check: a structure that doubles (`s += s`) is
/// thereby stopped before the doubling that would cross the limit, not after it. Resets the
/// largest-allocation mark.
///
/// With a resident-set ceiling ([`set_process_rss_ceiling`]) the process's resident set is
/// sampled too (one check in `RSS_SAMPLE`): over the ceiling is over the limit.
pub(crate) fn over(limit: usize) -> bool {
    let largest = THREAD_LARGEST.try_with(|c| c.replace(0)).unwrap_or(0);
    let live = thread_live_bytes();
    live.saturating_add(largest) > limit || rss_over_ceiling()
}

/// The resident-set ceiling (bytes; 0: none), see [`set_process_rss_ceiling`].
static RSS_CEILING: AtomicUsize = AtomicUsize::new(0);

/// Checks of the memory limit between two reads of the resident set (a read costs a few µs;
/// checks come every few µs of a run under a limit).
const RSS_SAMPLE: u32 = 4096;

thread_local! {
    static RSS_CHECKS: Cell<u32> = const { Cell::new(0) };
}

/// Also stops runs under a memory limit when the whole process's resident set exceeds
/// `ceiling` bytes (`None`: no ceiling, the default).
///
/// Limit: the count is of live allocations, and the allocator's free memory (glibc keeps freed
/// chunks in its arenas, fragmented) is not in it, so a pattern that allocates and frees many
/// mid-sized blocks can hold a resident set well above the count (measured: +28% under a
/// 256 MB limit for `JSON.parse(JSON.stringify(..))` clones). The resident set is per process,
/// so the ceiling suits a process with one isolate (the `boavm` CLI sets it to 1.125× its
/// `--max-heap-mb`); Linux only (elsewhere it never fires).
pub fn set_process_rss_ceiling(ceiling: Option<usize>) {
    RSS_CEILING.store(ceiling.unwrap_or(0), Ordering::Relaxed);
}

fn rss_over_ceiling() -> bool {
    let ceiling = RSS_CEILING.load(Ordering::Relaxed);
    if ceiling == 0 {
        return false;
    }
    crate::stop_points::one_in(&RSS_CHECKS, RSS_SAMPLE, false)
        && crate::rss::resident_set_bytes().is_some_and(|rss| rss > ceiling)
}

thread_local! {
    // Bytes attributed to the runs nested inside the innermost open `Attribution`.
    static NESTED: Cell<isize> = const { Cell::new(0) };
}

/// Attributes the heap growth of a run to the context it runs in (for `measureMemory`): what
/// this thread allocated and did not free between `enter` and drop, minus what nested runs
/// (other contexts entered meanwhile) took. Memory freed later by a collection during another
/// context's run is subtracted there, so a figure is an estimate and may drift.
pub(crate) struct Attribution<'a> {
    to: &'a Cell<isize>,
    start: usize,
    nested_before: isize,
}

impl<'a> Attribution<'a> {
    pub(crate) fn enter(to: &'a Cell<isize>) -> Self {
        Self {
            to,
            start: thread_live_bytes(),
            nested_before: NESTED.try_with(Cell::get).unwrap_or(0),
        }
    }
}

impl Drop for Attribution<'_> {
    fn drop(&mut self) {
        let total = thread_live_bytes() as isize - self.start as isize;
        let nested_now = NESTED.try_with(Cell::get).unwrap_or(0);
        let own = total - (nested_now - self.nested_before);
        self.to.set(self.to.get().saturating_add(own));
        let _ = NESTED.try_with(|c| c.set(self.nested_before + total));
    }
}

/// The memory limit of the isolate running `cx`.
pub(crate) fn limit_of(cx: &boa_engine::Context) -> Option<usize> {
    let tag = cx.get_data::<crate::engine::EngineTag>()?;
    tag.isolate.upgrade()?.shared.hooks.memory_limit.get()
}

/// Whether a builtin about to allocate about `bytes` in one call (no check can run inside it)
/// fits in the headroom of `cx`'s isolate.
pub(crate) fn admits(cx: &boa_engine::Context, bytes: u64) -> bool {
    limit_of(cx).is_none_or(|limit| bytes <= headroom(limit) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charges_malloc_granules() {
        assert_eq!(charged(1), 32);
        assert_eq!(charged(24), 32);
        assert_eq!(charged(25), 48);
        assert_eq!(charged(1 << 20), (1 << 20) + 16);
        assert_eq!(charged(usize::MAX), usize::MAX & !15);
    }

    #[test]
    fn over_counts_one_more_allocation_like_the_largest_and_forgets_it() {
        // The test binary does not install the tracking allocator: drive the counters by hand.
        let base = thread_live_bytes();
        grew(1000);
        assert!(!over(base + 2000 + 1));
        grew(1000);
        assert!(over(base + 2000 + 999), "live 2000 + largest 1000 > limit");
        assert!(
            !over(base + 2000 + 999),
            "the mark was reset by the last check"
        );
        shrank(2000);
        assert_eq!(thread_live_bytes(), base);
        assert_eq!(headroom(base + 10), 10);
    }
}
