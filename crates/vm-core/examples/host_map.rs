//! A context whose global forwards to a Rust-side `HostMap`: the host writes globals before a
//! run and reads what the script declared after it, without touching JavaScript objects.
//!
//! `cargo run -p vm-core --example host_map`
use vm_core::{
    ContextOptions, HostMap, Isolate, RunOptions, Sandbox, Script, ScriptOptions, VmContext,
    VmError,
};

fn main() -> Result<(), VmError> {
    let isolate = Isolate::new()?;
    let globals = HostMap::new();
    globals.insert("price", 40);
    globals.insert("tax", 2);
    let ctx = VmContext::new(
        &isolate,
        Sandbox::Host(globals.clone()),
        ContextOptions::default(),
    )?;
    let script = Script::compile(
        &isolate,
        "var total = price + tax; total",
        ScriptOptions::default(),
    )?;
    let v = script.run(&isolate, &ctx, &RunOptions::default())?;
    println!("the script returned {}", v.display());
    // `var total` went to the map, as `var` declarations go to Node's sandbox object.
    let total = globals.get("total").and_then(|v| v.as_number());
    println!("the host reads total = {total:?}");
    assert_eq!(total, Some(42.0));
    Ok(())
}
