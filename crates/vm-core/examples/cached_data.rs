//! `cachedData`: a script's cache bytes (`script.createCachedData()`) accepted for the same
//! source, rejected for another (Node's `cachedDataRejected`), and either way a script that
//! runs.
//!
//! `cargo run -p vm-core --example cached_data`
use vm_core::{Isolate, RunOptions, Script, ScriptOptions, VmError};

fn main() -> Result<(), VmError> {
    let isolate = Isolate::new()?;
    let source = "const answer = 6 * 7; answer";
    let first = Script::compile(&isolate, source, ScriptOptions::default())?;
    let bytes = first.create_cached_data();
    println!("{} bytes of cached data", bytes.len());

    let (script, rejected) =
        Script::compile_with_cache(&isolate, source, ScriptOptions::default(), &bytes)?;
    println!("same source: cachedDataRejected = {rejected}");
    assert!(!rejected);
    let main = isolate.main_context();
    println!(
        "it runs: {}",
        script
            .run(&isolate, &main, &RunOptions::default())?
            .display()
    );

    let other = "const answer = 41 + 1; answer";
    let (_, rejected) =
        Script::compile_with_cache(&isolate, other, ScriptOptions::default(), &bytes)?;
    println!("another source: cachedDataRejected = {rejected}");
    assert!(rejected);
    Ok(())
}
