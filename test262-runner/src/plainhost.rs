//! `--host plain`: the same tests on a bare Boa `Context` (no vm-core), with a minimal `$262`
//! (`createRealm` through `Context::create_realm`, `evalScript` by entering that realm). It has
//! no interruption: runaway loops are bounded by Boa's loop-iteration limit only.
use std::{
    cell::RefCell,
    collections::HashMap,
    path::{Path, PathBuf},
    rc::Rc,
    time::Duration,
};

use boa_engine::{
    builtins::{is_html_dda::IsHTMLDDA, promise::PromiseState},
    js_string,
    module::{ModuleLoader, ModuleRequest, Referrer},
    object::{FunctionObjectBuilder, JsObject},
    property::PropertyDescriptor,
    realm::Realm,
    Context, JsError, JsNativeError, JsResult, JsString, JsValue, Module, NativeFunction, Script,
    Source,
};

use crate::engine::{describe_thrown, print, Engine, Failure, Phase};

/// Loop iterations allowed per loop (the only bound this host has).
const LOOP_LIMIT: u64 = 20_000_000;

#[derive(Default)]
struct Loader {
    map: RefCell<HashMap<PathBuf, Module>>,
    /// The running test (base for `import()` from a realm referrer).
    test: RefCell<PathBuf>,
}

fn resolve(referrer: &Path, spec: &str) -> PathBuf {
    let base = referrer.parent().unwrap_or(Path::new("."));
    let mut out = PathBuf::new();
    for c in base.join(spec).components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

impl Loader {
    fn load(&self, path: &Path, cx: &mut Context) -> JsResult<Module> {
        if let Some(m) = self.map.borrow().get(path) {
            return Ok(m.clone());
        }
        let text = std::fs::read_to_string(path)
            .map_err(|e| JsNativeError::typ().with_message(format!("{}: {e}", path.display())))?;
        let code = if path.extension().is_some_and(|e| e == "json") {
            format!(
                "export default JSON.parse({});",
                serde_json::to_string(&text).unwrap_or_default()
            )
        } else {
            text
        };
        let m = Module::parse(
            Source::from_bytes(code.as_bytes()).with_path(path),
            None,
            cx,
        )?;
        self.map.borrow_mut().insert(path.to_path_buf(), m.clone());
        Ok(m)
    }
}

impl ModuleLoader for Loader {
    async fn load_imported_module(
        self: Rc<Self>,
        referrer: Referrer,
        request: ModuleRequest,
        context: &RefCell<&mut Context>,
    ) -> JsResult<Module> {
        let base = referrer
            .path()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.test.borrow().clone());
        let path = resolve(&base, &request.specifier().to_std_string_escaped());
        let mut cx = context.borrow_mut();
        self.load(&path, &mut cx)
    }
}

fn define(obj: &JsObject, name: &str, value: impl Into<JsValue>, cx: &mut Context) -> JsResult<()> {
    obj.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        cx,
    )?;
    Ok(())
}

/// Installs `$262` and `print` in `cx`'s current realm.
fn install(cx: &mut Context) -> JsResult<JsObject> {
    let realm = cx.realm().clone();
    let global = cx.global_object();
    let obj = JsObject::with_object_proto(cx.intrinsics());
    let f = |name: &str, len: usize, nf: NativeFunction| {
        FunctionObjectBuilder::new(&realm, nf)
            .name(JsString::from(name))
            .length(len)
            .build()
    };
    let create_realm = f(
        "createRealm",
        0,
        NativeFunction::from_fn_ptr(|_, _, cx| {
            let realm = cx.create_realm()?;
            let old = cx.enter_realm(realm);
            let r = install(cx);
            cx.enter_realm(old);
            Ok(r?.into())
        }),
    );
    let eval_script = f(
        "evalScript",
        1,
        NativeFunction::from_copy_closure_with_captures(
            |_, args, realm: &Realm, cx| {
                let src = args
                    .first()
                    .cloned()
                    .unwrap_or_default()
                    .to_string(cx)?
                    .to_std_string_escaped();
                let old = cx.enter_realm(realm.clone());
                let r = cx.eval(Source::from_bytes(src.as_bytes()));
                cx.enter_realm(old);
                r
            },
            realm.clone(),
        ),
    );
    let gc = f(
        "gc",
        0,
        NativeFunction::from_fn_ptr(|_, _, _| {
            boa_gc::force_collect();
            Ok(JsValue::undefined())
        }),
    );
    let detach = f(
        "detachArrayBuffer",
        1,
        NativeFunction::from_fn_ptr(crate::vmhost::detach_array_buffer),
    );
    define(&obj, "createRealm", create_realm, cx)?;
    define(&obj, "evalScript", eval_script, cx)?;
    define(&obj, "gc", gc, cx)?;
    define(&obj, "detachArrayBuffer", detach, cx)?;
    define(&obj, "global", global.clone(), cx)?;
    let dda = JsObject::from_proto_and_data(
        Some(cx.intrinsics().constructors().object().prototype()),
        IsHTMLDDA,
    );
    define(&obj, "IsHTMLDDA", dda, cx)?;
    define(&global, "$262", obj.clone(), cx)?;
    let print_fn = f("print", 1, NativeFunction::from_fn_ptr(print));
    global.set(js_string!("print"), print_fn, false, cx)?;
    Ok(obj)
}

pub struct PlainEngine {
    cx: Option<Context>,
    loader: Rc<Loader>,
    _timeout: Duration,
}

impl PlainEngine {
    pub fn new(timeout: Duration) -> Self {
        Self {
            cx: None,
            loader: Rc::default(),
            _timeout: timeout,
        }
    }

    fn failure(&mut self, e: JsError, phase: Phase) -> Failure {
        let cx = self.cx.as_mut().expect("reset first");
        let msg = e.to_string();
        let v = match e.into_opaque(cx) {
            Ok(v) => v,
            Err(_) => return Failure::Host(format!("engine limit: {msg}")),
        };
        let (name, message) = describe_thrown(&v, cx);
        Failure::Thrown {
            phase,
            name,
            message,
        }
    }

    fn settle(
        &mut self,
        p: &boa_engine::object::builtins::JsPromise,
        phase: Phase,
    ) -> Result<(), Failure> {
        let cx = self.cx.as_mut().expect("reset first");
        if let Err(e) = cx.run_jobs() {
            return Err(self.failure(e, phase));
        }
        match p.state() {
            PromiseState::Fulfilled(_) => Ok(()),
            PromiseState::Rejected(v) => Err(self.failure(JsError::from_opaque(v), phase)),
            PromiseState::Pending => Err(Failure::Host("promise never settled".into())),
        }
    }
}

impl Engine for PlainEngine {
    fn reset(&mut self) -> Result<(), String> {
        self.loader = Rc::default();
        let mut cx = Context::builder()
            .module_loader(self.loader.clone())
            .build()
            .map_err(|e| e.to_string())?;
        cx.runtime_limits_mut().set_loop_iteration_limit(LOOP_LIMIT);
        install(&mut cx).map_err(|e| e.to_string())?;
        self.cx = Some(cx);
        Ok(())
    }

    fn run_script(&mut self, src: &str, path: &Path) -> Result<(), Failure> {
        let cx = self.cx.as_mut().expect("reset first");
        let script =
            match Script::parse(Source::from_bytes(src.as_bytes()).with_path(path), None, cx) {
                Ok(s) => s,
                Err(e) => return Err(self.failure(e, Phase::Parse)),
            };
        if path.is_absolute() {
            *self.loader.test.borrow_mut() = path.to_path_buf();
        }
        let cx = self.cx.as_mut().expect("reset first");
        match script.evaluate(cx) {
            Ok(_) => Ok(()),
            Err(e) => Err(self.failure(e, Phase::Runtime)),
        }
    }

    fn run_module(&mut self, src: &str, path: &Path) -> Result<(), Failure> {
        *self.loader.test.borrow_mut() = path.to_path_buf();
        let cx = self.cx.as_mut().expect("reset first");
        let module =
            match Module::parse(Source::from_bytes(src.as_bytes()).with_path(path), None, cx) {
                Ok(m) => m,
                Err(e) => return Err(self.failure(e, Phase::Parse)),
            };
        self.loader
            .map
            .borrow_mut()
            .insert(path.to_path_buf(), module.clone());
        let loaded = module.load(cx);
        self.settle(&loaded, Phase::Resolution)?;
        let cx = self.cx.as_mut().expect("reset first");
        if let Err(e) = module.link(cx) {
            return Err(self.failure(e, Phase::Resolution));
        }
        let evaluated = match module.evaluate(cx) {
            Ok(p) => p,
            Err(e) => return Err(self.failure(e, Phase::Runtime)),
        };
        self.settle(&evaluated, Phase::Runtime)
    }

    fn run_jobs(&mut self) -> Result<(), Failure> {
        let cx = self.cx.as_mut().expect("reset first");
        cx.run_jobs().map_err(|e| self.failure(e, Phase::Runtime))
    }

    fn cleanup(&mut self) {
        self.cx = None;
        self.loader = Rc::default();
    }
}
