//! `breakOnSigint`: SIGINT during an armed run stops it with Node's error (own test binary:
//! SIGINT outside an armed run would end the process, as it should).
#![cfg(unix)]
mod support;
use std::time::Duration;

use vm_core::{Isolate, RunOptions, ScriptOptions, VmError};

#[test]
fn sigint_stops_an_armed_run_and_the_context_stays_usable() {
    let iso = Isolate::new().unwrap();
    let ctx = support::object_context(&iso);
    let sender = std::thread::spawn(|| {
        std::thread::sleep(Duration::from_millis(100));
        signal_hook::low_level::raise(signal_hook::consts::SIGINT).unwrap();
    });
    let options = RunOptions {
        break_on_sigint: true,
        ..Default::default()
    };
    let r = ctx.evaluate(&iso, "while (true) {}", ScriptOptions::default(), &options);
    sender.join().unwrap();
    assert!(matches!(r, Err(VmError::Sigint)), "{r:?}");
    // node: "Script execution was interrupted by `SIGINT`"
    assert_eq!(
        VmError::Sigint.to_string(),
        "Script execution was interrupted by `SIGINT`"
    );
    let v = support::eval(&iso, &ctx, "6 * 7");
    assert_eq!(v.as_number(), Some(42.0));
}
