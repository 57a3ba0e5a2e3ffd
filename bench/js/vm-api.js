// The vm workloads at the JavaScript level: runs unchanged under `node` and `boavm` (no file
// system, no third-party code), so the binding's per-call cost counts. Prints "name µs_per_op".
// Usage: node bench/js/vm-api.js [name,name...]   or   target/release/boavm bench/js/vm-api.js
// `ITER=N` runs each selected workload exactly N times, untimed (for callgrind).
// SMALL, GLOBALS, CPU, REALISTIC_CORE and REALISTIC_JOB hold the text of bench/sources/
// {small,globals,cpu,realistic-core,realistic-job}.js (boavm has no file system); librarySource
// and realisticLibrary build what bench/src/lib.rs builds (bench/compare-js.sh checks the latter).
'use strict';
const vm = require('vm');

const SMALL = "var x = (typeof x === 'number' ? x : 0) + 1; x * 2\n";
const GLOBALS = '(function () { for (let i = 0; i < 10000; i++) { g = g + 1; } return g; })()\n';
const CPU = `(() => {
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
let objs = [];
for (let i = 0; i < 2000; i++) objs.push({ i, s: String(i) });
let total = 0;
for (const o of objs) total += o.i + o.s.length;
return fib(18) + total;
})()
`;

function librarySource(bytes) {
  let s = 'var registry = registry || {};\n';
  for (let i = 0; s.length < bytes; i++) {
    s += `function helper${i}(a, b) {\n  const o = { k: a + b, name: \`item-\${a}-${i}\`, list: [1, 2, 3] };\n  for (let j = 0; j < 3; j++) { o.k += j * b; }\n  return o.k > 10 ? o.name : o.list.join(',');\n}\nclass Model${i} {\n  constructor(v) { this.v = v; this.tags = new Set(['a${i}', 'b']); }\n  get double() { return this.v * 2; }\n  static of(v) { return new Model${i}(v); }\n  describe() { return helper${i}(this.v, ${i} % 7) + ':' + [...this.tags].join('|'); }\n}\nregistry.m${i} = (function () {\n  let count = 0;\n  return { next() { count += 1; return count; }, make: (v) => Model${i}.of(v), table: { x: ${i}, y: '${i}', z: null } };\n})();\n`;
  }
  return s + 'registry.m0.make(3).describe();\n';
}

// A library-like script: a template engine and a CSV parser, then generated plugins (closures
// over module state, classes, template strings) up to `bytes`.
const REALISTIC_CORE = `var lib = (function () {
  'use strict';
  var filters = {};
  function escape(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;';
    });
  }
  function tokenize(src) {
    var out = [], i = 0;
    while (i < src.length) {
      var open = src.indexOf('{{', i);
      if (open < 0) { out.push({ t: 'text', v: src.slice(i) }); break; }
      if (open > i) out.push({ t: 'text', v: src.slice(i, open) });
      var close = src.indexOf('}}', open);
      var tag = src.slice(open + 2, close).trim();
      if (tag[0] === '#') out.push({ t: 'open', v: tag.slice(1).split(' ') });
      else if (tag[0] === '/') out.push({ t: 'close', v: tag.slice(1) });
      else out.push({ t: 'var', v: tag.split('|').map(function (p) { return p.trim(); }) });
      i = close + 2;
    }
    return out;
  }
  function parse(tokens) {
    var root = [], stack = [root];
    for (var k = 0; k < tokens.length; k++) {
      var tk = tokens[k], top = stack[stack.length - 1];
      if (tk.t === 'open') {
        var node = { t: tk.v[0], arg: tk.v[1], body: [] };
        top.push(node);
        stack.push(node.body);
      } else if (tk.t === 'close') stack.pop();
      else top.push(tk);
    }
    return root;
  }
  function lookup(scope, path) {
    var parts = path.split('.'), v = scope;
    for (var i = 0; i < parts.length && v != null; i++) v = v[parts[i]];
    return v;
  }
  function render(nodes, scope) {
    var out = '';
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      if (n.t === 'text') out += n.v;
      else if (n.t === 'var') {
        var v = lookup(scope, n.v[0]);
        for (var f = 1; f < n.v.length; f++) v = filters[n.v[f]](v);
        out += escape(v == null ? '' : v);
      } else if (n.t === 'each') {
        var list = lookup(scope, n.arg) || [];
        for (var j = 0; j < list.length; j++) out += render(n.body, Object.assign({}, scope, list[j], { '@index': j }));
      } else if (n.t === 'if') {
        if (lookup(scope, n.arg)) out += render(n.body, scope);
      }
    }
    return out;
  }
  var cache = new Map();
  function compile(src) {
    var c = cache.get(src);
    if (!c) { c = parse(tokenize(src)); cache.set(src, c); }
    return function (data) { return render(c, data); };
  }
  function parseCsv(text) {
    var rows = [], lines = text.split('\\n'), head = lines[0].split(',');
    for (var i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      var cells = lines[i].split(','), row = {};
      for (var j = 0; j < head.length; j++) row[head[j]] = /^-?\\d+(\\.\\d+)?$/.test(cells[j]) ? Number(cells[j]) : cells[j];
      rows.push(row);
    }
    return rows;
  }
  return { filters: filters, compile: compile, parseCsv: parseCsv, escape: escape, plugins: {} };
})();
lib.filters.upper = function (s) { return String(s).toUpperCase(); };
lib.filters.fixed = function (n) { return Number(n).toFixed(2); };
`;

function realisticLibrary(bytes) {
  let s = REALISTIC_CORE;
  for (let i = 0; s.length < bytes; i++) {
    s += `lib.plugins.p${i} = (function () {\n  var count = 0;\n  function normalize${i}(value, opts) {\n    opts = opts || {};\n    if (typeof value === 'string') return value.trim().toLowerCase() + (opts.suffix || '-${i}');\n    if (Array.isArray(value)) return value.map(function (v) { return normalize${i}(v, opts); });\n    if (value && typeof value === 'object') { var o = {}; for (var k in value) o[k] = normalize${i}(value[k], opts); return o; }\n    return value;\n  }\n  class Store${i} {\n    constructor(name) { this.name = name; this.items = []; this.index = new Map(); }\n    add(item) { this.items.push(item); this.index.set(item.id, item); count++; return this; }\n    find(id) { return this.index.get(id); }\n    get size() { return this.items.length; }\n    toJSON() { return { name: this.name, size: this.size, kind: 'store-${i}' }; }\n  }\n  function format${i}(row) { return \`\${row.id}:\${row.name} [${i % 13}]\`; }\n  return { normalize: normalize${i}, Store: Store${i}, format: format${i}, count: function () { return count; }, meta: { id: ${i}, tags: ['t${i % 5}', 'g${i % 11}'], enabled: ${i % 3 !== 0} } };\n})();\n`;
  }
  return s + 'lib.ready = true;\n';
}

// The job each context runs once the library is loaded: parse a CSV, render a template.
const REALISTIC_JOB = `(function () {
  var tpl = lib.compile('<ul>{{#each rows}}<li class="{{kind}}">{{name | upper}}: {{price | fixed}}{{#if hot}} (hot){{/if}}</li>{{/each}}</ul>');
  var csv = 'id,name,price,kind\\n';
  for (var i = 0; i < 200; i++) csv += i + ',item' + i + ',' + (i * 1.25) + ',k' + (i % 4) + '\\n';
  var rows = lib.parseCsv(csv);
  for (var r = 0; r < rows.length; r++) rows[r].hot = rows[r].price > 200;
  var html = tpl({ rows: rows });
  var store = new lib.plugins.p7.Store('s');
  rows.forEach(function (row) { store.add(row); });
  return html.length + store.size + lib.plugins.p3.format(rows[5]).length + lib.plugins.p11.normalize(' AB ').length;
})()
`;

// Workloads to run: names separated by commas (all when absent).
const selected = process.argv[2] === undefined ? undefined : process.argv[2].split(',');
const wanted = (name) => selected === undefined || selected.includes(name);
const fixedIterations = typeof process.env.ITER === 'string' ? Number(process.env.ITER) : 0;

// Runs `fn` (after an untimed `setup`) until `minMs` of timed work passed; prints µs per op.
function measure(name, fn, { setup = () => undefined, minMs = 1500, warmup = 20 } = {}) {
  if (fixedIterations > 0) {
    for (let i = 0; i < fixedIterations; i++) fn(setup(), i);
    return;
  }
  for (let i = 0; i < warmup; i++) fn(setup(), i);
  let iters = 0;
  let spent = 0n;
  while (spent < BigInt(minMs) * 1000000n) {
    const input = setup();
    const start = process.hrtime.bigint();
    fn(input, iters++);
    spent += process.hrtime.bigint() - start;
  }
  console.log(`${name} ${(Number(spent) / iters / 1000).toFixed(3)}`);
}

const workloads = {
  create_context() {
    let kept = [];
    // Contexts are kept, in batches so that memory stays bounded.
    measure('create_context', () => kept.push(vm.createContext({})), {
      setup: () => { if (kept.length >= 200) kept = []; },
    });
  },
  run_in_context_cached_small() {
    const c = vm.createContext({});
    const small = new vm.Script(SMALL);
    small.runInContext(c);
    measure('run_in_context_cached_small', () => small.runInContext(c));
  },
  run_in_context_cached_small_timeout() {
    const c = vm.createContext({});
    const small = new vm.Script(SMALL);
    small.runInContext(c);
    measure('run_in_context_cached_small_timeout', () => small.runInContext(c, { timeout: 60000 }));
  },
  vm_run_in_context_small() {
    const c = vm.createContext({});
    measure('vm_run_in_context_small', () => vm.runInContext(SMALL, c));
  },
  run_in_new_context_small() {
    measure('run_in_new_context_small', () => vm.runInNewContext(SMALL, {}));
  },
  new_script_small() {
    measure('new_script_small', (_, n) => new vm.Script(`${SMALL} // ${n}`));
  },
  global_access_10k() {
    const c = vm.createContext({ g: 0 });
    const globals = new vm.Script(GLOBALS);
    measure('global_access_10k', () => globals.runInContext(c));
  },
  cpu_script() {
    const c = vm.createContext({});
    const cpu = new vm.Script(CPU);
    measure('cpu_script', () => cpu.runInContext(c));
  },
  first_run_100kb_in_fresh_context() {
    const lib = new vm.Script(librarySource(100 * 1024));
    measure('first_run_100kb_in_fresh_context', (c) => lib.runInContext(c), {
      setup: () => vm.createContext({}), minMs: 3000, warmup: 2,
    });
  },
  realistic_300kb_20_contexts() {
    const script = new vm.Script(realisticLibrary(300 * 1024), { filename: 'lib.js' });
    const job = new vm.Script(REALISTIC_JOB, { filename: 'job.js' });
    let expected;
    measure('realistic_300kb_20_contexts', () => {
      for (let i = 0; i < 20; i++) {
        const c = vm.createContext({});
        script.runInContext(c);
        const r = job.runInContext(c);
        if (expected === undefined) expected = r;
        if (r !== expected) throw new Error(`job result ${r} !== ${expected}`);
      }
    }, { minMs: 4000, warmup: 1 });
  },
};
for (const name of Object.keys(workloads)) if (wanted(name)) workloads[name]();

// For checking the Rust mirrors (bench/src/lib.rs): `node -e` can require this file with a
// workload name that matches nothing.
module.exports = { librarySource, realisticLibrary, REALISTIC_JOB };
