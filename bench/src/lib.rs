//! The sources every workload runs: fixed ones in `bench/sources/` (read by
//! `bench/node/workloads.js` too), generated ones here (the Node script mirrors the two
//! generators: keep them in step, same text, same sizes).
#![warn(missing_docs)]

/// A small script, re-run in the same context (cached) or in a new one.
pub const SMALL: &str = include_str!("../sources/small.js");

/// 10,000 reads and writes of a global variable `g` from inside a function.
pub const GLOBALS: &str = include_str!("../sources/globals.js");

/// A CPU-bound script: calls, loops, object and string allocation.
pub const CPU: &str = include_str!("../sources/cpu.js");

/// Size of the generated library the first-run workloads compile (100 KiB).
pub const LIBRARY_BYTES: usize = 100 * 1024;

/// A generated, library-like script of at least `bytes` bytes: top-level functions, classes,
/// closures over module-pattern state, object and array literals, template strings; running it
/// declares globals and does a little work.
pub fn library_source(bytes: usize) -> String {
    let mut s = String::from("var registry = registry || {};\n");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "function helper{i}(a, b) {{\n  const o = {{ k: a + b, name: `item-${{a}}-{i}`, list: [1, 2, 3] }};\n  for (let j = 0; j < 3; j++) {{ o.k += j * b; }}\n  return o.k > 10 ? o.name : o.list.join(',');\n}}\nclass Model{i} {{\n  constructor(v) {{ this.v = v; this.tags = new Set(['a{i}', 'b']); }}\n  get double() {{ return this.v * 2; }}\n  static of(v) {{ return new Model{i}(v); }}\n  describe() {{ return helper{i}(this.v, {i} % 7) + ':' + [...this.tags].join('|'); }}\n}}\nregistry.m{i} = (function () {{\n  let count = 0;\n  return {{ next() {{ count += 1; return count; }}, make: (v) => Model{i}.of(v), table: {{ x: {i}, y: '{i}', z: null }} }};\n}})();\n"
        ));
        i += 1;
    }
    s.push_str("registry.m0.make(3).describe();\n");
    s
}

/// The realistic workload's library: a template engine and a CSV parser
/// (`bench/sources/realistic-core.js`), then generated plugins (closures over module state,
/// classes, template strings) up to `bytes`. `bench/js/vm-api.js` builds the same text.
pub fn realistic_library(bytes: usize) -> String {
    let mut s = String::from(include_str!("../sources/realistic-core.js"));
    let mut i = 0;
    while s.len() < bytes {
        let (m13, m5, m11, enabled) = (i % 13, i % 5, i % 11, i % 3 != 0);
        s.push_str(&format!(
            "lib.plugins.p{i} = (function () {{\n  var count = 0;\n  function normalize{i}(value, opts) {{\n    opts = opts || {{}};\n    if (typeof value === 'string') return value.trim().toLowerCase() + (opts.suffix || '-{i}');\n    if (Array.isArray(value)) return value.map(function (v) {{ return normalize{i}(v, opts); }});\n    if (value && typeof value === 'object') {{ var o = {{}}; for (var k in value) o[k] = normalize{i}(value[k], opts); return o; }}\n    return value;\n  }}\n  class Store{i} {{\n    constructor(name) {{ this.name = name; this.items = []; this.index = new Map(); }}\n    add(item) {{ this.items.push(item); this.index.set(item.id, item); count++; return this; }}\n    find(id) {{ return this.index.get(id); }}\n    get size() {{ return this.items.length; }}\n    toJSON() {{ return {{ name: this.name, size: this.size, kind: 'store-{i}' }}; }}\n  }}\n  function format{i}(row) {{ return `${{row.id}}:${{row.name}} [{m13}]`; }}\n  return {{ normalize: normalize{i}, Store: Store{i}, format: format{i}, count: function () {{ return count; }}, meta: {{ id: {i}, tags: ['t{m5}', 'g{m11}'], enabled: {enabled} }} }};\n}})();\n"
        ));
        i += 1;
    }
    s.push_str("lib.ready = true;\n");
    s
}

/// The job each context of the realistic workload runs once the library is loaded: parse a
/// CSV, render a template over its rows.
pub const REALISTIC_JOB: &str = include_str!("../sources/realistic-job.js");

/// Size of the realistic workload's library, and how many contexts load it.
pub const REALISTIC_BYTES: usize = 300 * 1024;
/// See [`REALISTIC_BYTES`].
pub const REALISTIC_CONTEXTS: usize = 20;

/// Number of modules in the module-graph workload.
pub const GRAPH_SIZE: usize = 50;

/// The module graph: `(specifier, source)` pairs; module `i` imports module `i - 1` and
/// module `i / 2`, so the graph has shared dependencies as well as a long chain. The last one
/// is the root.
pub fn module_graph() -> Vec<(String, String)> {
    (0..GRAPH_SIZE)
        .map(|i| {
            let src = if i == 0 {
                "export const value = 1;\nexport function combine(a, b) { return a + b; }\n"
                    .to_string()
            } else {
                let (a, b) = (i - 1, i / 2);
                format!(
                    "import {{ value as a, combine }} from './m{a}.js';\nimport {{ value as b }} from './m{b}.js';\nexport {{ combine }};\nconst local = [a, b].map((v) => v * 2);\nexport const value = combine(local[0], local[1]) % 1000003;\n"
                )
            };
            (format!("./m{i}.js"), src)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_source_reaches_its_size() {
        assert!(library_source(100 * 1024).len() >= 100 * 1024);
    }

    #[test]
    fn realistic_library_reaches_its_size() {
        let s = realistic_library(REALISTIC_BYTES);
        assert!(s.len() >= REALISTIC_BYTES && s.ends_with("lib.ready = true;\n"));
    }

    #[test]
    fn module_graph_root_imports_its_predecessor() {
        let g = module_graph();
        assert_eq!(g.len(), GRAPH_SIZE);
        assert!(g[GRAPH_SIZE - 1].1.contains("'./m48.js'"));
    }
}
