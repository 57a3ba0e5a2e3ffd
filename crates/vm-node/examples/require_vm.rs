//! Installs `require('node:vm')`'s module object in an isolate's main engine as a global `vm`
//! and runs Node-style code against it, including one of Node's argument-validation errors.
use vm_core::{
    boa_engine::{js_string, Source},
    Isolate,
};

const PROGRAM: &str = r#"
const ctx = vm.createContext({ animal: 'cat', count: 2 });
vm.runInContext('count += 1; name = "kitty"', ctx);
const script = new vm.Script('count * 10');
let out = [JSON.stringify(ctx), script.runInContext(ctx), vm.isContext(ctx)];
try {
  new vm.Script('1', { filename: 1 });
} catch (e) {
  out.push(`${e.name} [${e.code}]: ${e.message}`);
}
out.join('\n');
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let iso = Isolate::new()?;
    let text = iso.main_context().enter(&iso, |cx| {
        // A stand-in for util.inspect, which the binding uses in its error messages.
        let inspect = cx.eval(Source::from_bytes(
            "(v) => typeof v === 'string' ? `'${v}'` : String(v)",
        ))?;
        let vm = vm_node::install(cx, inspect, None, None)?;
        cx.global_object().set(js_string!("vm"), vm, false, cx)?;
        let v = cx.eval(Source::from_bytes(PROGRAM))?;
        Ok::<_, vm_core::boa_engine::JsError>(v.to_string(cx)?.to_std_string_escaped())
    })?;
    println!("{}", text.map_err(|e| e.to_string())?);
    Ok(())
}
