//! Random sequences of module calls (seeded, reproducible): no panic, and every refusal is one
//! of Node's errors for the call and status at hand.

use vm_core::VmContext;
use vm_core::{
    boa_engine::{JsObject, JsValue},
    ContextOptions, Isolate, Sandbox,
};
use vm_modules::{
    ModuleError, ModuleStatus, Modules, SourceTextOptions, SyntheticOptions, VmModule,
};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SOURCES: &[&str] = &[
    "export const a = 1;",
    "import { a } from 'x'; export const b = a + 1;",
    "throw new Error('boom');",
    "export let v = await Promise.resolve(3);",
    "import 'y'; import 'z'; export default 0;",
    "export const n = import.meta ? 1 : 0;",
];

fn allowed(e: &ModuleError) -> bool {
    // Every refusal of the status machine, and values thrown by JavaScript; never an engine
    // failure.
    match e {
        ModuleError::Vm(v) => matches!(v, vm_core::VmError::Thrown(_)),
        _ => true,
    }
}

#[test]
fn random_module_call_sequences() {
    let mut reached = std::collections::HashSet::new();
    for seed in 1..=40u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let iso = Isolate::new().unwrap();
        let m = Modules::install(&iso);
        let other = VmContext::new(
            &iso,
            Sandbox::Object(JsObject::with_null_proto()),
            ContextOptions::default(),
        )
        .unwrap();
        let mut pool: Vec<VmModule> = Vec::new();
        for step in 0..60 {
            let op = rng.below(8);
            let result: Result<(), ModuleError> = match op {
                0 | 1 => {
                    let ctx = (rng.below(5) == 0).then(|| other.clone());
                    let src = SOURCES[rng.below(SOURCES.len())];
                    m.source_text(
                        &iso,
                        src,
                        SourceTextOptions {
                            context: ctx,
                            ..Default::default()
                        },
                    )
                    .map(|x| pool.push(x))
                }
                2 => m
                    .synthetic(
                        &iso,
                        vec!["s".into()],
                        vm_modules::SyntheticEvaluate::new(|_, _| Ok(JsValue::undefined())),
                        SyntheticOptions::default(),
                    )
                    .map(|x| pool.push(x)),
                _ if pool.is_empty() => Ok(()),
                3 => {
                    let target = pool[rng.below(pool.len())].clone();
                    let choices = pool.clone();
                    let mut r2 = Rng(rng.next() | 1);
                    m.link(&iso, &target, &mut |_, _| {
                        if r2.below(6) == 0 {
                            Err(ModuleError::LinkFailure("linker refused".into()))
                        } else {
                            Ok(choices[r2.below(choices.len())].clone())
                        }
                    })
                }
                4 => m
                    .evaluate(&iso, &pool[rng.below(pool.len())], &Default::default())
                    .map(|_| ()),
                5 => m.namespace(&iso, &pool[rng.below(pool.len())]).map(|_| ()),
                6 => {
                    let target = pool[rng.below(pool.len())].clone();
                    let main = iso.main_context();
                    main.enter(&iso, |cx| m.set_export(cx, &target, "s", 1.into()))
                        .unwrap()
                }
                _ => {
                    vm_core::run_jobs(&iso).unwrap();
                    Ok(())
                }
            };
            if let Err(e) = &result {
                assert!(
                    allowed(e),
                    "seed {seed} step {step} op {op}: unexpected error {e:?}"
                );
            }
            for x in &pool {
                // every status is one of Node's, and `error` exists exactly when errored
                let s = x.status();
                reached.insert(s.as_str());
                assert_eq!(
                    s == ModuleStatus::Errored,
                    x.error().is_some(),
                    "seed {seed}: {x:?}"
                );
            }
        }
        vm_core::run_jobs(&iso).unwrap();
    }
    // the sequences exercise the whole status machine
    for s in ["unlinked", "linked", "evaluated", "errored"] {
        assert!(reached.contains(s), "never reached {s}: {reached:?}");
    }
}
