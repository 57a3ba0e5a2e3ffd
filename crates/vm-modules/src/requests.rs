//! What `new vm.SourceTextModule(code)` must know before any realm sees the code: its syntax
//! errors, its requests (specifiers and import attributes) and whether it uses top-level
//! `await`. Boa's `Module` exposes none of it, so the source is parsed once more without a
//! realm; the result depends on the text alone, so it is kept per thread for sources seen
//! before (a test runner building the same modules for every test file, a module graph
//! rebuilt in a fresh isolate) and that parse is paid once per distinct source.
use std::{cell::RefCell, collections::VecDeque, rc::Rc};

use boa_engine::{
    ast::{
        operations::{contains, ContainsSymbol},
        scope::Scope,
    },
    interner::Interner,
    parser::Parser,
    Source,
};
use rustc_hash::FxHashMap;

/// The realm-free facts of a module's source.
#[derive(Debug)]
pub(crate) struct ModuleRequests {
    /// The requested specifiers, in source order, each once.
    pub(crate) specifiers: Vec<String>,
    /// Each specifier's import attributes (the first declaration naming it wins).
    pub(crate) attributes: FxHashMap<String, Vec<(String, String)>>,
    /// Whether the module body awaits at top level.
    pub(crate) has_top_level_await: bool,
}

/// Sources larger than this are not kept (they are rare and would crowd out the rest).
const MAX_CACHED_SOURCE: usize = 1 << 20;
/// The most source text kept per thread.
const MAX_CACHED_BYTES: usize = 8 << 20;

#[derive(Default)]
struct Cache {
    entries: FxHashMap<Rc<str>, Rc<ModuleRequests>>,
    /// Insertion order, oldest first: evicted first.
    order: VecDeque<Rc<str>>,
    bytes: usize,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::default();
}

/// Scans `code` (cached per thread); `Err` holds the syntax error's message without Boa's
/// position suffix (V8 keeps positions out of the message).
pub(crate) fn scan(code: &str) -> Result<Rc<ModuleRequests>, String> {
    if let Some(hit) = CACHE.with(|c| c.borrow().entries.get(code).cloned()) {
        return Ok(hit);
    }
    let found = Rc::new(parse(code)?);
    if code.len() <= MAX_CACHED_SOURCE {
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            while c.bytes + code.len() > MAX_CACHED_BYTES {
                let Some(old) = c.order.pop_front() else {
                    break;
                };
                c.bytes -= old.len();
                c.entries.remove(&old);
            }
            let key: Rc<str> = Rc::from(code);
            c.bytes += key.len();
            c.order.push_back(key.clone());
            c.entries.insert(key, found.clone());
        });
    }
    Ok(found)
}

fn parse(code: &str) -> Result<ModuleRequests, String> {
    let mut interner = Interner::default();
    let ast = Parser::new(Source::from_bytes(code.as_bytes()))
        .parse_module(&Scope::new_global(), &mut interner)
        .map_err(|e| vm_core::internal::v8_syntax_error(&e.to_string(), code).0)?;
    let specifiers = ast
        .items()
        .requests()
        .into_iter()
        .map(|sym| interner.resolve_expect(sym).to_string())
        .collect();
    Ok(ModuleRequests {
        specifiers,
        attributes: request_attributes(&ast, &interner),
        has_top_level_await: contains(ast.items(), ContainsSymbol::AwaitExpression),
    })
}

/// The import attributes of each request (`import x from 'y' with { type: 'json' }`), by
/// specifier; the first declaration naming a specifier wins.
fn request_attributes(
    ast: &boa_engine::ast::Module,
    interner: &Interner,
) -> FxHashMap<String, Vec<(String, String)>> {
    use boa_engine::ast::{declaration::ExportDeclaration, ModuleItem};
    let mut out = FxHashMap::default();
    let resolve = |sym| interner.resolve_expect(sym).to_string();
    for item in ast.items().items() {
        let (spec, attrs) = match item {
            ModuleItem::ImportDeclaration(d) => (d.specifier().sym(), d.attributes()),
            ModuleItem::ExportDeclaration(e) => match &**e {
                ExportDeclaration::ReExport {
                    specifier,
                    attributes,
                    ..
                } => (specifier.sym(), &attributes[..]),
                _ => continue,
            },
            ModuleItem::StatementListItem(_) => continue,
        };
        out.entry(resolve(spec)).or_insert_with(|| {
            attrs
                .iter()
                .map(|a| (resolve(a.key()), resolve(a.value())))
                .collect()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_attributes_and_top_level_await() {
        let r = scan(
            "import a from './a.js'; export * from 'b' with { type: 'json' };\n\
             import c from './a.js'; await 1;",
        )
        .unwrap();
        assert_eq!(r.specifiers, ["./a.js", "b"]);
        assert_eq!(r.attributes["b"], [("type".to_owned(), "json".to_owned())]);
        assert!(r.has_top_level_await);
        assert!(!scan("export const x = 1;").unwrap().has_top_level_await);
    }

    #[test]
    fn a_second_scan_of_the_same_source_is_the_cached_result() {
        let code = "export const cached = 'scan twice';";
        assert!(Rc::ptr_eq(&scan(code).unwrap(), &scan(code).unwrap()));
    }

    #[test]
    fn syntax_errors_are_reported_without_position_and_not_cached() {
        // node: new vm.SourceTextModule('export const = 1') → SyntaxError: Unexpected token '='
        let e = scan("export const = 1").unwrap_err();
        assert_eq!(e, "Unexpected token '='");
        assert!(CACHE.with(|c| !c.borrow().entries.contains_key("export const = 1")));
    }

    #[test]
    fn the_cache_is_bounded() {
        let big = format!("export const s = '{}';", "x".repeat(MAX_CACHED_SOURCE / 2));
        for i in 0..40 {
            scan(&format!("{big} // {i}")).unwrap();
        }
        CACHE.with(|c| assert!(c.borrow().bytes <= MAX_CACHED_BYTES));
    }
}
