//! A runaway script stopped by `timeout` (Node's `ERR_SCRIPT_EXECUTION_TIMEOUT`), and the same
//! context running code again afterwards.
//!
//! `cargo run -p vm-core --example timeout`
use std::time::{Duration, Instant};

use vm_core::{
    ContextOptions, Isolate, RunOptions, Sandbox, Script, ScriptOptions, VmContext, VmError,
};

fn main() -> Result<(), VmError> {
    let isolate = Isolate::new()?;
    let ctx = VmContext::new(&isolate, Sandbox::None, ContextOptions::default())?;
    let spin = Script::compile(&isolate, "while (true) {}", ScriptOptions::default())?;
    let options = RunOptions {
        timeout: Some(Duration::from_millis(100)),
        ..RunOptions::default()
    };
    let started = Instant::now();
    match spin.run(&isolate, &ctx, &options) {
        Err(VmError::Timeout(limit)) => {
            println!("stopped after {:?} (limit {limit:?})", started.elapsed())
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    // A stopped run leaves the context usable.
    let v = ctx.evaluate(
        &isolate,
        "6 * 7",
        ScriptOptions::default(),
        &RunOptions::default(),
    )?;
    println!("the context still runs code: 6 * 7 = {}", v.display());
    Ok(())
}
