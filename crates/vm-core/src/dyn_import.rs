//! `import()` whose `importModuleDynamically` hook settles later — on a timer, after I/O, or
//! never — as in Node: the `import()` promise stays pending meanwhile and the program goes on.
//!
//! Boa runs `import()` as an async job whose future borrows the `Context` it is polled with,
//! so the future cannot outlive the job call that polls it on a borrowed engine. Dynamic import
//! jobs are therefore polled on an engine owned here ("the import engine", one per isolate,
//! made on first use, entering each job's realm): their futures borrow it for as long as they
//! wait, are polled again after every job the isolate runs, and are dropped with the isolate.
//! Module loading for `link()` (static imports) keeps running synchronously on the engine that
//! loads the graph (see `internal::load_module_graph`).
use std::{
    cell::{Cell, RefCell},
    future::Future,
    pin::Pin,
    rc::{Rc, Weak},
    task::Poll,
};

use boa_engine::{job::NativeAsyncJob, realm::Realm, Context, JsResult, JsValue};

use crate::{engine::EngineTag, error::VmError, isolate::IsolateInner, Isolate};

type JobFuture = Pin<Box<dyn Future<Output = JsResult<JsValue>>>>;

/// The import engine of one isolate and the dynamic imports waiting on it.
struct Parked {
    /// `Box::into_raw` of the engine; freed in `Drop` after every future borrowing it.
    engine: *mut Context,
    /// `Box::into_raw` of the cell the futures borrow; freed in `Drop` after them.
    cell: *mut RefCell<&'static mut Context>,
    waiting: RefCell<Vec<(JobFuture, Option<Realm>)>>,
    /// Set while a future is being polled: the engine is in use.
    busy: Cell<bool>,
}

impl Parked {
    fn cell(&self) -> &'static RefCell<&'static mut Context> {
        // SAFETY: `cell` comes from `Box::into_raw` in `new` and is freed only in `drop`, after
        // every future holding this reference has been dropped (they live in `waiting`, or on
        // the stack of `poll_one` while `self` is alive); the reference never escapes a future.
        unsafe { &*self.cell }
    }

    fn new(engine: Context) -> Self {
        let engine = Box::into_raw(Box::new(engine));
        // SAFETY: `engine` is a fresh, valid, uniquely owned allocation; the only access to it
        // from now on is through this `&mut`, kept in the cell, until `drop` frees both.
        let cell = Box::into_raw(Box::new(RefCell::new(unsafe { &mut *engine })));
        Self {
            engine,
            cell,
            waiting: RefCell::default(),
            busy: Cell::new(false),
        }
    }

    /// Polls `fut` once on the import engine, in `realm`.
    fn poll_one(&self, fut: &mut JobFuture, realm: Option<&Realm>) -> Poll<JsResult<JsValue>> {
        self.busy.set(true);
        if let Some(r) = realm {
            if let Ok(mut cx) = self.cell().try_borrow_mut() {
                cx.enter_realm(r.clone());
            }
        }
        let mut task = std::task::Context::from_waker(std::task::Waker::noop());
        let r = crate::native_stack::guarded(|| {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                fut.as_mut().poll(&mut task)
            }))
        });
        self.busy.set(false);
        r.unwrap_or_else(|_| {
            Poll::Ready(Err(boa_engine::JsNativeError::error()
                .with_message("import(): the module loader panicked")
                .into()))
        })
    }
}

impl Drop for Parked {
    fn drop(&mut self) {
        // Futures first: they borrow the cell, which borrows the engine.
        self.waiting.get_mut().clear();
        // SAFETY: both pointers come from `Box::into_raw` in `new`, are freed only here, and
        // nothing borrows them any more (the futures are gone).
        unsafe {
            drop(Box::from_raw(self.cell));
            drop(Box::from_raw(self.engine));
        }
    }
}

thread_local! {
    /// Import engines by isolate (`Rc::as_ptr` of its inner state).
    static PARKED: RefCell<Vec<(usize, Rc<Parked>)>> = const { RefCell::new(Vec::new()) };
    /// Depth of synchronous module loading (`link()`), whose async jobs run on the caller.
    static STATIC_LOADING: Cell<u32> = const { Cell::new(0) };
}

fn key(iso: &Rc<IsolateInner>) -> usize {
    Rc::as_ptr(iso) as usize
}

fn parked_for(iso: &Rc<IsolateInner>) -> Result<Rc<Parked>, VmError> {
    let k = key(iso);
    if let Some(p) = PARKED.with(|m| {
        m.borrow()
            .iter()
            .find(|(i, _)| *i == k)
            .map(|(_, p)| p.clone())
    }) {
        return Ok(p);
    }
    let mut engine = iso.fresh_engine(&iso.main)?;
    // Not any context's own engine: code needing a context's engine goes to that engine.
    engine.insert_data(EngineTag::new(usize::MAX, Rc::downgrade(iso)));
    let parked = Rc::new(Parked::new(engine));
    PARKED.with(|m| m.borrow_mut().push((k, parked.clone())));
    let weak: Weak<IsolateInner> = Rc::downgrade(iso);
    Isolate { inner: iso.clone() }.on_drop(move || {
        let _ = weak;
        let gone = PARKED.with(|m| {
            let mut m = m.borrow_mut();
            m.iter().position(|(i, _)| *i == k).map(|pos| m.remove(pos))
        });
        drop(gone);
    });
    Ok(parked)
}

/// Runs an async job: module loading for `link()` synchronously on `cx`, `import()` on the
/// import engine (parked there while its hook's promise is pending).
pub(crate) fn run_async_job(job: NativeAsyncJob, cx: &mut Context) -> JsResult<JsValue> {
    let iso = cx.get_data::<EngineTag>().and_then(|t| t.isolate.upgrade());
    let parked = match iso {
        Some(iso) if STATIC_LOADING.get() == 0 => parked_for(&iso).ok(),
        _ => None,
    };
    let Some(parked) = parked.filter(|p| !p.busy.get()) else {
        return run_on(job, cx);
    };
    let realm = job.realm().cloned();
    let mut fut: JobFuture = Box::pin(job.call(parked.cell()));
    match parked.poll_one(&mut fut, realm.as_ref()) {
        Poll::Ready(r) => r,
        Poll::Pending => {
            parked.waiting.borrow_mut().push((fut, realm));
            Ok(JsValue::undefined())
        }
    }
}

/// The synchronous drive (module loading for `link()`, or `import()` started while the import
/// engine is in use further up the stack): promise jobs run until the future completes; one
/// that still waits when no job is left is dropped, leaving its `import()` pending.
fn run_on(job: NativeAsyncJob, cx: &mut Context) -> JsResult<JsValue> {
    let cell = RefCell::new(cx);
    let mut fut = std::pin::pin!(job.call(&cell));
    let mut task = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let Poll::Ready(r) = fut.as_mut().poll(&mut task) {
            return r;
        }
        if !crate::jobs::run_one_job(&mut cell.borrow_mut())? {
            return Ok(JsValue::undefined());
        }
    }
}

/// Polls the parked imports of `cx`'s isolate (after a job ran: a hook's promise may have
/// settled). Errors of finished imports went to their `import()` promises already.
pub(crate) fn poll_parked(cx: &Context) {
    let Some(iso) = cx.get_data::<EngineTag>().and_then(|t| t.isolate.upgrade()) else {
        return;
    };
    let k = key(&iso);
    let Some(parked) = PARKED.with(|m| {
        m.borrow()
            .iter()
            .find(|(i, _)| *i == k)
            .map(|(_, p)| p.clone())
    }) else {
        return;
    };
    if parked.busy.get() || parked.waiting.borrow().is_empty() {
        return;
    }
    let waiting = std::mem::take(&mut *parked.waiting.borrow_mut());
    let mut still = Vec::with_capacity(waiting.len());
    for (mut fut, realm) in waiting {
        if parked.poll_one(&mut fut, realm.as_ref()).is_pending() {
            still.push((fut, realm));
        }
    }
    let mut w = parked.waiting.borrow_mut();
    still.append(&mut w);
    *w = still;
}

/// Marks synchronous module loading: async jobs run on the loading engine meanwhile.
pub(crate) struct StaticLoading;

impl StaticLoading {
    pub(crate) fn enter() -> Self {
        STATIC_LOADING.set(STATIC_LOADING.get() + 1);
        Self
    }
}

impl Drop for StaticLoading {
    fn drop(&mut self) {
        STATIC_LOADING.set(STATIC_LOADING.get() - 1);
    }
}

impl Isolate {
    /// Dynamic imports waiting for their hook's promise.
    pub fn pending_dynamic_imports(&self) -> usize {
        let k = key(&self.inner);
        PARKED.with(|m| {
            m.borrow()
                .iter()
                .find(|(i, _)| *i == k)
                .map_or(0, |(_, p)| p.waiting.borrow().len())
        })
    }
}
