//! Bytes → a JavaScript program over `require('node:vm')`, run in a fresh isolate.
//!
//! The first byte picks the mode:
//! * `!`: the rest is JavaScript source (UTF-8, lossy), run as a script with
//!   `vm.runInNewContext(src, {}, { timeout: 20 })`, compiled as a function and as a module.
//! * anything else: a sequence of API calls from a small grammar (contexts with every sandbox
//!   and option kind, runIn*, Script, compileFunction, SourceTextModule / SyntheticModule with
//!   linkers in various orders and failing ones, evaluate, namespace, cached data, drops),
//!   each wrapped in try/catch. Code that never ends is only ever run with a timeout.
#![no_main]
use boavm_fuzz::{js_literal, run_program, runtime, Bytes};
use libfuzzer_sys::fuzz_target;

/// Code that ends on its own (may throw, recurse, call back into vm...).
const CODE: &[&str] = &[
    "1 + 1",
    "this",
    "globalThis.x = (globalThis.x | 0) + 1",
    "var v = 1; let l = 2; const c = 3; v + l + c",
    "throw new Error('e')",
    "throw 1",
    "(function f() { return f() + 1 })()",
    "var r = () => r(); r()",
    "new Proxy({}, { get() { throw new TypeError('trap') } }).x",
    "Object.getOwnPropertyNames(globalThis).length",
    "eval('1 + 1')",
    "new Function('return 1')()",
    "Promise.resolve(1).then(v => { throw v })",
    "import('x').then(() => 1, e => e)",
    "Symbol('s')",
    "delete globalThis.x; typeof x",
    "Object.defineProperty(globalThis, 'k', { get() { return 1 }, configurable: true }); k",
    "x",
    "(() => { 'use strict'; undeclared = 1 })()",
    "[3, 1, 2].sort((a, b) => a - b).map(v => v * 2)",
    "class A { #p = 1; static m() { return new A().#p } }; A.m()",
    "async function a() { await 0; return 1 } a()",
    "function* g() { yield 1; yield 2 } [...g()]",
    "this.constructor.constructor('return this')()",
    "`${1}${'a'.repeat(3)}`",
    "}{",
    "let d = 1; let d = 2",
    "return 1",
    "await 1",
    "arguments",
    "new.target",
    "/(a+)+$/.test('aaaaaaaaaa!')",
    "JSON.stringify(globalThis)",
    "Object.freeze(globalThis); globalThis.z = 1",
    "Reflect.ownKeys(this).forEach(k => { try { delete this[k] } catch {} })",
    "globalThis.__proto__ = null; 1",
    "var a = []; a.length = 4294967295; a.push(1)",
    "String.prototype.x = 1; ''.x",
    "new WeakRef({}).deref()",
    "structuredClone",
    "Array.from({ length: 1000 }, (_, i) => i).reduce((a, b) => a + b)",
    "(function () { try { return 1 } finally { throw 2 } })()",
    "new Error('x').stack",
    "(0, eval)('var ge = 1'); ge",
    "escape(unescape('%u0041'))",
    "Atomics",
    "''.padStart(1 << 20).length",
];

/// Code that only ends when a timeout stops it.
const LOOPS: &[&str] = &[
    "for (;;) {}",
    "while (true) { try { throw 1 } catch {} }",
    "[1].forEach(function f() { for (;;) {} })",
    "(function f() { for (;;) {} })()",
    "do {} while (1)",
];

const SANDBOXES: &[&str] = &[
    "{}",
    "{ a: 1, b: { c: 2 } }",
    "Object.create(null)",
    "new Proxy({}, {})",
    "new Proxy({}, { get(t, k) { return k === 'p' ? vm.runInNewContext('3') : t[k] }, has() { return true } })",
    "new Proxy({}, { defineProperty() { throw new Error('nope') }, set() { return false } })",
    "[]",
    "vm.constants.DONT_CONTEXTIFY",
    "globalThis",
    "ctxs[0]",
    "undefined",
    "1",
    "Object.freeze({ f: 1 })",
    "{ get g() { return vm.runInContext('this', ctxs[ctxs.length - 1]) } }",
    "function () {}",
];

const CONTEXT_OPTIONS: &[&str] = &[
    "{}",
    "{ name: 'n', origin: 'https://example.org' }",
    "{ microtaskMode: 'afterEvaluate' }",
    "{ codeGeneration: { strings: false } }",
    "{ codeGeneration: { strings: true, wasm: false } }",
    "{ importModuleDynamically: hook }",
    "{ importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }",
    "{ microtaskMode: 'bad' }",
    "{ name: 1 }",
    "null",
];

/// Run options; the first `TIMED` carry a timeout.
const RUN_OPTIONS: &[&str] = &[
    "{ timeout: 5 }",
    "{ timeout: 1, displayErrors: false }",
    "{ timeout: 20, filename: 'f.js', lineOffset: -5, columnOffset: 1e9 }",
    "{ timeout: 10, breakOnSigint: true }",
    "{ timeout: 3, microtaskMode: 'afterEvaluate' }",
    "{}",
    "{ displayErrors: true }",
    "{ timeout: -1 }",
    "{ timeout: 1.5 }",
    "{ timeout: 0 }",
    "{ importModuleDynamically: hook }",
    "{ filename: 1 }",
    "'name.js'",
    "{ contextName: 'c', contextCodeGeneration: { strings: false } }",
];
const TIMED: usize = 5;

const MODULE_CODE: &[&str] = &[
    "export const a = 1;",
    "import { a } from 'x'; export const b = a + 1;",
    "export * from 'y'; export const c = 3;",
    "import * as ns from 'x'; export default ns;",
    "throw new Error('m');",
    "export let v = await Promise.resolve(1);",
    "await new Promise(() => {});",
    "export default import.meta;",
    "export const p = import('x').then(n => n, e => e);",
    "export { a as default } from 'x';",
    "import j from 'j' with { type: 'json' }; export { j };",
    "export function f() { return f() } f();",
    "export {",
    "import { nope } from 'x';",
    "import 'y'; import 'z'; export var w = 1;",
    "export let t = await import('y');",
    "export const a = 2; export const b = 3; export default 1;",
];

const MODULE_LOOPS: &[&str] = &["for (;;) {}", "export let i = 0; while (true) i++;"];

const LINKERS: &[&str] = &[
    // a module of the list, chosen from the specifier
    "(s, r) => mods[(s.length + K) % mods.length]",
    "async (s, r) => { await null; return mods[(s.charCodeAt(0) + K) % mods.length] }",
    "() => { throw new Error('linker refused') }",
    "() => 1",
    "() => new Promise(() => {})",
    "(s, r) => r",
    "() => Promise.reject(new Error('async refusal'))",
    "(s, r) => new vm.SourceTextModule('export const a = 9;', { context: r.context })",
    "(s, r) => new vm.SyntheticModule(['a', 'default'], function () { this.setExport('a', 1) }, { context: r.context })",
];

fn code(b: &mut Bytes, timed: bool) -> String {
    if timed && b.below(4) == 0 {
        return js_literal(*b.pick(LOOPS));
    }
    match b.below(8) {
        0 => js_literal(&String::from_utf8_lossy(b.chunk(64))),
        1 => format!(
            "{} + ';' + {}",
            js_literal(*b.pick(CODE)),
            js_literal(*b.pick(CODE))
        ),
        _ => js_literal(*b.pick(CODE)),
    }
}

fn run_options(b: &mut Bytes, timed_only: bool) -> (&'static str, bool) {
    let i = if timed_only {
        b.below(TIMED)
    } else {
        b.below(RUN_OPTIONS.len())
    };
    (RUN_OPTIONS[i], i < TIMED)
}

fn ctx_expr(b: &mut Bytes) -> String {
    format!("ctxs[{} % ctxs.length]", b.byte())
}

fn op(b: &mut Bytes, k: usize) -> String {
    match b.below(22) {
        0 => format!(
            "ctxs.push(vm.createContext({}, {}))",
            b.pick(SANDBOXES),
            b.pick(CONTEXT_OPTIONS)
        ),
        1 => {
            let (o, timed) = run_options(b, false);
            format!(
                "vm.runInContext({}, {}, {o})",
                code(b, timed),
                ctx_expr(b)
            )
        }
        2 => {
            let (o, timed) = run_options(b, false);
            format!(
                "vm.runInNewContext({}, {}, {o})",
                code(b, timed),
                b.pick(SANDBOXES)
            )
        }
        3 => {
            // in the main context: only timed (it would run the outer program's globals)
            let (o, timed) = run_options(b, true);
            format!("vm.runInThisContext({}, {o})", code(b, timed))
        }
        4 => {
            let timed = b.below(2) == 0;
            let c = code(b, timed);
            format!(
            "{{ const src = {}; scripts.push(Object.assign(new vm.Script(src, {{ filename: 's{k}.js', produceCachedData: {}, importModuleDynamically: {} }}), {{ __src: src }})) }}",
            c,
            b.below(2) == 0,
            if b.below(2) == 0 { "hook" } else { "undefined" }
        )
        }
        5 => {
            let (o, _) = run_options(b, true);
            format!(
                "scripts[{} % scripts.length].runInContext({}, {o})",
                b.byte(),
                ctx_expr(b)
            )
        }
        6 => {
            let (o, _) = run_options(b, true);
            format!(
                "scripts[{} % scripts.length].runInNewContext({}, {o})",
                b.byte(),
                b.pick(SANDBOXES)
            )
        }
        7 => format!(
            "scripts.push(new vm.Script(scripts[{0} % scripts.length].__src || '1', {{ cachedData: scripts[{0} % scripts.length].createCachedData() }}))",
            b.byte()
        ),
        8 => format!(
            "fns.push(vm.compileFunction({}, {}, {{ parsingContext: {}, contextExtensions: {}, produceCachedData: {}, importModuleDynamically: {} }}))",
            code(b, false),
            b.pick(&["[]", "['a', 'b']", "['a', 'a']", "['...r']", "['1']", "undefined", "[1]"]),
            ctx_expr(b),
            b.pick(&["[]", "[{ e: 1 }]", "[globalThis]", "[1]", "[new Proxy({}, { has() { throw 1 } })]"]),
            b.below(2) == 0,
            if b.below(2) == 0 { "hook" } else { "undefined" }
        ),
        9 => format!(
            "fns[{} % fns.length]({}, {})",
            b.byte(),
            b.pick(&["1", "{}", "undefined", "fns[0]", "vm"]),
            b.byte()
        ),
        10 | 11 => {
            let looping = b.below(6) == 0;
            let body = if looping {
                b.pick(MODULE_LOOPS).to_string()
            } else {
                b.pick(MODULE_CODE).to_string()
            };
            format!(
                "{}mods.push(new vm.SourceTextModule({}, {{ context: {}, identifier: 'm{k}', importModuleDynamically: {}, initializeImportMeta: {}, cachedData: {} }}))",
                if looping { "looping = true; " } else { "" },
                js_literal(&body),
                if b.below(3) == 0 { "undefined".to_string() } else { ctx_expr(b) },
                if b.below(2) == 0 { "hook" } else { "undefined" },
                b.pick(&["undefined", "(m) => { m.x = 1 }", "() => { throw new Error('meta') }"]),
                b.pick(&["undefined", "new Uint8Array(3)", "scripts.length ? scripts[0].createCachedData() : undefined"]),
            )
        }
        12 => format!(
            "mods.push(new vm.SyntheticModule({}, function () {{ {} }}, {{ context: {} }}))",
            b.pick(&["['a', 'default']", "[]", "['a', 'a']", "['then']", "[1]"]),
            b.pick(&["this.setExport('a', 1)", "throw new Error('syn')", "this.setExport('nope', 1)", "return Promise.reject(1)", ""]),
            if b.below(3) == 0 { "undefined".to_string() } else { ctx_expr(b) },
        ),
        13 | 14 => {
            let linker = b.pick(LINKERS).replace('K', &b.byte().to_string());
            format!("await mods[{} % mods.length].link({linker})", b.byte())
        }
        15 => {
            let timeout = b.pick(&["", "{ timeout: 5 }", "{ timeout: 20 }", "{ breakOnSigint: true }", "{ timeout: 'x' }"]);
            format!(
                "await Promise.race([mods[{} % mods.length].evaluate(looping ? {{ timeout: 5 }} : {timeout}), new Promise(r => setTimeout0(r))])",
                b.byte()
            )
        }
        16 => format!(
            "{{ const m = mods[{} % mods.length]; void [m.status, m.identifier, m.error, m.namespace, m.dependencySpecifiers, m.moduleRequests, m.context, m.hasTopLevelAwait && m.hasTopLevelAwait(), m.hasAsyncGraph && m.hasAsyncGraph()] }}",
            b.byte()
        ),
        17 => format!(
            "{{ const m = mods[{} % mods.length]; m.setExport({}, {}) }}",
            b.byte(),
            b.pick(&["'a'", "'default'", "'nope'", "1"]),
            b.pick(&["1", "m", "globalThis"])
        ),
        18 => format!(
            "{{ const m = mods[{} % mods.length]; m.linkRequests(m.moduleRequests.map((_, i) => mods[(i + {}) % mods.length])); m.instantiate() }}",
            b.byte(),
            b.byte()
        ),
        19 => format!("mods[{} % mods.length].createCachedData()", b.byte()),
        20 => format!(
            "{}.splice({} % 4, 1)",
            b.pick(&["mods", "ctxs", "scripts", "fns"]),
            b.byte()
        ),
        _ => format!(
            "void [vm.isContext({}), {}]",
            ctx_expr(b),
            b.pick(&["vm.measureMemory().catch(() => {})", "0", "Object.keys(vm)"])
        ),
    }
}

fn program(data: &[u8]) -> String {
    if let Some(raw) = data.strip_prefix(b"!") {
        let src = String::from_utf8_lossy(raw).into_owned();
        let lit = js_literal(&src);
        return format!(
            "try {{ vm.runInNewContext({lit}, {{}}, {{ timeout: 20, displayErrors: false }}) }} catch {{}}\n\
             try {{ vm.compileFunction({lit}) }} catch {{}}\n\
             try {{ const m = new vm.SourceTextModule({lit}); m.link(() => {{ throw 1 }}).catch(() => {{}}) }} catch {{}}\n"
        );
    }
    let mut b = Bytes::new(data);
    let mut out = String::from(
        "(async () => {\n\
         const ctxs = [vm.createContext({})], mods = [], scripts = [], fns = [];\n\
         let looping = false; // a module that never ends exists: evaluate only with a timeout\n\
         const settled = () => mods.filter(m => !looping || m.status === 'evaluated' || m.status === 'errored');\n\
         const hook = (s, r) => { const c = settled(); return c.length ? c[s.length % c.length] : Promise.reject(new Error('none')) };\n\
         const setTimeout0 = (r) => Promise.resolve().then(r);\n",
    );
    let mut k = 0;
    while !b.done() && k < 24 {
        out.push_str("  try { ");
        out.push_str(&op(&mut b, k));
        out.push_str(" } catch (e) { void (e && e.code) }\n");
        k += 1;
    }
    out.push_str("})().catch(() => {});\n");
    out
}

fuzz_target!(|data: &[u8]| {
    let iso = runtime();
    run_program(&iso, &program(data));
});
