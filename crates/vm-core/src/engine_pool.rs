//! The isolate's engines: one Boa `Context` per vm context while it is in use, parked (dropped)
//! when idle for long enough.
//!
//! Why engines are parked: a Boa `Context` is not traced by the garbage collector, so the
//! realm it holds — and through the realm's global, the sandbox and everything reachable from
//! it — counts as a root while the engine exists. Its root shape also keeps every prototype it
//! ever shaped objects with (Boa 0.22: strong keys in the prototype transition table). A vm
//! context whose engine lives can therefore never be collected. Parking drops the engine and
//! keeps only what later code of the realm needs (its interner); the realm lives on in the
//! garbage-collected heap for as long as something reaches it, and the next run on it builds a
//! fresh engine that enters it. At most [`DEFAULT_IDLE_ENGINES`] idle engines are kept (least
//! recently used first out), so a busy context pays for an engine only once.
use std::{
    cell::{Cell, RefCell},
    collections::BTreeMap,
};

use boa_engine::{interner::Interner, Context};
use rustc_hash::FxHashMap;

/// Idle engines kept alive (each pins its context, ≈ 320 KiB, until parked).
pub const DEFAULT_IDLE_ENGINES: usize = 16;

/// Uncaught exceptions an engine sees before it is replaced: Boa 0.22 leaks a few VM stack
/// slots (and the values in them) on each, so a long-lived engine is recycled now and then.
/// Not more often: a replaced engine's own (throwaway) realm stays alive while objects it
/// shaped live on in the context (≈ 270 KiB each). Measured, 10,000 throwing runs in one
/// context: every 256 → +10.4 MB, every 1,024 → +2.9 MB, every 4,096 → +7.1 MB.
const THROWS_BEFORE_RECYCLE: u32 = 1024;

enum Slot {
    /// Free, with when it was last used.
    Idle { engine: Box<Context>, used: u64 },
    /// Checked out by a run further up the stack.
    Busy,
    /// Dropped; the interner of the code parsed on it is kept for its successor.
    Parked(Option<Box<Interner>>),
}

struct Entry {
    slot: Slot,
    /// Uncaught exceptions since the engine was built.
    throws: u32,
    /// Park the engine when it is given back (a stopped run abandoned an evaluation on it).
    discard: bool,
}

/// The engines of one isolate, by context id.
#[derive(Default)]
pub(crate) struct EnginePool {
    entries: RefCell<FxHashMap<usize, Entry>>,
    /// Idle engines other than the main one, least recently used first (by `used` tick).
    lru: RefCell<BTreeMap<u64, usize>>,
    tick: Cell<u64>,
    max_idle: Cell<Option<usize>>,
}

/// What [`EnginePool::take`] found.
pub(crate) enum Taken {
    /// The context's engine, now checked out.
    Engine(Box<Context>),
    /// Parked: build a fresh engine with this interner (the slot is checked out).
    Parked(Option<Box<Interner>>),
    /// Running further up the stack.
    Busy,
    /// No slot: the context is unknown or gone.
    Missing,
}

impl EnginePool {
    fn max_idle(&self) -> usize {
        self.max_idle.get().unwrap_or(DEFAULT_IDLE_ENGINES)
    }

    pub(crate) fn set_max_idle(&self, n: usize) {
        self.max_idle.set(Some(n));
    }

    /// Registers a new context's engine (checked out: the creator is still setting it up).
    pub(crate) fn insert_busy(&self, id: usize) {
        self.entries.borrow_mut().insert(
            id,
            Entry {
                slot: Slot::Busy,
                throws: 0,
                discard: false,
            },
        );
    }

    /// Whether `id`'s engine is parked (its next run builds one).
    pub(crate) fn is_parked(&self, id: usize) -> bool {
        self.entries
            .borrow()
            .get(&id)
            .is_none_or(|e| matches!(e.slot, Slot::Parked(_)))
    }

    pub(crate) fn is_busy(&self, id: usize) -> bool {
        self.entries
            .borrow()
            .get(&id)
            .is_some_and(|e| matches!(e.slot, Slot::Busy))
    }

    /// Checks out `id`'s engine.
    pub(crate) fn take(&self, id: usize) -> Taken {
        let mut entries = self.entries.borrow_mut();
        let Some(entry) = entries.get_mut(&id) else {
            return Taken::Missing;
        };
        match std::mem::replace(&mut entry.slot, Slot::Busy) {
            Slot::Idle { engine, used } => {
                self.lru.borrow_mut().remove(&used);
                Taken::Engine(engine)
            }
            Slot::Parked(interner) => {
                entry.throws = 0;
                Taken::Parked(interner)
            }
            Slot::Busy => Taken::Busy,
        }
    }

    /// Returns a checked-out engine. `discard` (a stopped run left an abandoned evaluation on
    /// it) or too many uncaught exceptions park it instead of keeping it idle. Returns the
    /// engines parked to respect the idle limit: the caller drops them (outside any borrow).
    pub(crate) fn give_back(
        &self,
        id: usize,
        mut engine: Box<Context>,
        discard: bool,
        threw: bool,
    ) -> Vec<Context> {
        let mut out = Vec::new();
        let mut entries = self.entries.borrow_mut();
        let Some(entry) = entries.get_mut(&id) else {
            // The context is gone (its slot was reaped while running): drop the engine.
            out.push(*engine);
            return out;
        };
        if threw {
            entry.throws += 1;
        }
        engine.clear_kept_objects();
        let recycle = id != 0 && entry.throws >= THROWS_BEFORE_RECYCLE;
        // A stop point squeezed its limits (stop_points.rs): it ran inside a stopped run.
        let squeezed = engine.runtime_limits().recursion_limit() == 0;
        if discard || recycle || squeezed || std::mem::take(&mut entry.discard) {
            let interner = Box::new(std::mem::take(engine.interner_mut()));
            entry.slot = Slot::Parked(Some(interner));
            entry.throws = 0;
            out.push(*engine);
        } else {
            let used = self.tick.get() + 1;
            self.tick.set(used);
            entry.slot = Slot::Idle { engine, used };
            if id != 0 {
                self.lru.borrow_mut().insert(used, id);
            }
        }
        let mut lru = self.lru.borrow_mut();
        while lru.len() > self.max_idle() {
            let Some((_, oldest)) = lru.pop_first() else {
                break;
            };
            out.extend(entries.get_mut(&oldest).and_then(Self::park));
        }
        out
    }

    /// Parks `id`'s engine when it is next given back (it may be running further up).
    pub(crate) fn mark_discard(&self, id: usize) {
        if let Some(entry) = self.entries.borrow_mut().get_mut(&id) {
            if !matches!(entry.slot, Slot::Parked(_)) {
                entry.discard = true;
            }
        }
    }

    /// Puts back a checked-out slot whose engine could not be built.
    pub(crate) fn restore_parked(&self, id: usize, interner: Option<Box<Interner>>) {
        if let Some(entry) = self.entries.borrow_mut().get_mut(&id) {
            entry.slot = Slot::Parked(interner);
        }
    }

    fn park(entry: &mut Entry) -> Option<Context> {
        match std::mem::replace(&mut entry.slot, Slot::Busy) {
            Slot::Idle { mut engine, .. } => {
                let interner = Box::new(std::mem::take(engine.interner_mut()));
                entry.slot = Slot::Parked(Some(interner));
                entry.throws = 0;
                Some(*engine)
            }
            other => {
                entry.slot = other;
                None
            }
        }
    }

    /// Parks every idle engine but the main one (before a full collection). The caller drops
    /// the returned engines.
    pub(crate) fn park_idle(&self) -> Vec<Context> {
        let mut entries = self.entries.borrow_mut();
        let ids: Vec<usize> = std::mem::take(&mut *self.lru.borrow_mut())
            .into_values()
            .collect();
        ids.into_iter()
            .filter_map(|id| Self::park(entries.get_mut(&id)?))
            .collect()
    }

    /// Forgets the slots of freed contexts; returns their engines for the caller to drop.
    pub(crate) fn remove(&self, ids: &[usize]) -> Vec<Context> {
        let mut entries = self.entries.borrow_mut();
        let mut lru = self.lru.borrow_mut();
        ids.iter()
            .filter_map(|id| match entries.remove(id)?.slot {
                Slot::Idle { engine, used } => {
                    lru.remove(&used);
                    Some(*engine)
                }
                Slot::Busy | Slot::Parked(_) => None,
            })
            .collect()
    }

    /// Number of engines alive (idle or running), the main one included.
    pub(crate) fn live_engines(&self) -> usize {
        self.entries
            .borrow()
            .values()
            .filter(|e| !matches!(e.slot, Slot::Parked(_)))
            .count()
    }

    /// Drops every engine (isolate teardown).
    pub(crate) fn clear(&self) {
        self.lru.borrow_mut().clear();
        let entries = std::mem::take(&mut *self.entries.borrow_mut());
        drop(entries);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Box<Context> {
        Box::new(Context::default())
    }

    #[test]
    fn idle_engines_beyond_the_limit_are_parked_least_recently_used_first() {
        let pool = EnginePool::default();
        pool.set_max_idle(2);
        for id in 0..4 {
            pool.insert_busy(id);
        }
        // The main engine (0) never counts and is never parked.
        assert!(pool.give_back(0, engine(), false, false).is_empty());
        assert!(pool.give_back(1, engine(), false, false).is_empty());
        assert!(pool.give_back(2, engine(), false, false).is_empty());
        // Using 1 again makes 2 the least recently used.
        let Taken::Engine(e) = pool.take(1) else {
            panic!("1 is idle")
        };
        assert!(pool.give_back(1, e, false, false).is_empty());
        assert_eq!(pool.give_back(3, engine(), false, false).len(), 1);
        assert!(pool.is_parked(2));
        assert!(!pool.is_parked(1) && !pool.is_parked(3) && !pool.is_parked(0));
        assert!(matches!(pool.take(2), Taken::Parked(Some(_))));
        assert!(matches!(pool.take(2), Taken::Busy));
        assert_eq!(pool.park_idle().len(), 2);
        assert_eq!(pool.live_engines(), 2, "main idle, 2 checked out");
    }

    #[test]
    fn a_discarded_or_marked_engine_is_parked_on_return() {
        let pool = EnginePool::default();
        pool.insert_busy(5);
        assert_eq!(pool.give_back(5, engine(), true, false).len(), 1);
        assert!(pool.is_parked(5));
        pool.insert_busy(6);
        pool.mark_discard(6);
        assert_eq!(pool.give_back(6, engine(), false, false).len(), 1);
        assert!(matches!(pool.take(7), Taken::Missing));
    }
}
