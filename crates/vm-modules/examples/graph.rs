//! Builds a three-module graph (one of them synthetic), links it with a synchronous linker,
//! evaluates it and reads the root's namespace, printing the status at each step.

use vm_core::{
    boa_engine::{js_string, JsValue},
    Isolate,
};
use vm_modules::{Modules, SourceTextOptions, SyntheticOptions, VmModule};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let iso = Isolate::new()?;
    let modules = Modules::install(&iso);
    // A synthetic module's exports are set by the host (here before evaluation).
    let config = modules.synthetic(
        None,
        vec!["greeting".into()],
        vm_modules::SyntheticEvaluate::new(|_module, _cx| Ok(JsValue::undefined())),
        SyntheticOptions::default(),
    )?;
    let util = modules.source_text(
        None,
        "export const shout = (s) => s.toUpperCase() + '!';",
        SourceTextOptions::default(),
    )?;
    let root = modules.source_text(
        None,
        "import { greeting } from 'config'; import { shout } from './util.js';\n\
         export const message = shout(greeting);",
        SourceTextOptions::default(),
    )?;
    println!(
        "root requests {:?}, status {:?}",
        root.dependency_specifiers(),
        root.status()
    );

    let linker = |spec: &str, _referrer: &VmModule| -> Result<VmModule, vm_modules::ModuleError> {
        Ok(match spec {
            "config" => config.clone(),
            _ => util.clone(),
        })
    };
    modules.link(None, &root, &mut { linker })?;
    println!("after link: {:?}", root.status());
    iso.with_context(None, &iso.main_context(), |cx| {
        modules.set_export(cx, &config, "greeting", js_string!("hello").into())
    })??;
    modules.evaluate(None, &root)?;
    iso.run_jobs()?;
    println!("after evaluate: {:?}", modules.status(&root));

    let ns = modules.namespace(None, &root)?;
    let message = iso.with_context(None, &iso.main_context(), |cx| {
        ns.get(js_string!("message"), cx)
            .map(|v| v.display().to_string())
    })??;
    println!("message = {message}");
    Ok(())
}
