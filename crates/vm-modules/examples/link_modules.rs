//! Links modules: builds a three-module graph (one of them synthetic), links it with a
//! synchronous linker, evaluates it and reads the root's namespace, printing the status at each
//! step.
//!
//! `cargo run -p vm-modules --example link_modules`

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
        &iso,
        vec!["greeting".into()],
        vm_modules::SyntheticEvaluate::new(|_module, _cx| Ok(JsValue::undefined())),
        SyntheticOptions::default(),
    )?;
    let util = modules.source_text(
        &iso,
        "export const shout = (s) => s.toUpperCase() + '!';",
        SourceTextOptions::default(),
    )?;
    let root = modules.source_text(
        &iso,
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
    modules.link(&iso, &root, &mut { linker })?;
    println!("after link: {:?}", root.status());
    iso.main_context().enter(&iso, |cx| {
        modules.set_export(cx, &config, "greeting", js_string!("hello").into())
    })??;
    modules.evaluate(&iso, &root, &Default::default())?;
    vm_core::run_jobs(&iso)?;
    println!("after evaluate: {:?}", modules.status(&root));

    let ns = modules.namespace(&iso, &root)?;
    let message = iso.main_context().enter(&iso, |cx| {
        ns.get(js_string!("message"), cx)
            .map(|v| v.display().to_string())
    })??;
    println!("message = {message}");
    Ok(())
}
