// The playground page: an editor, a contexts panel and an output pane. Programs run in
// worker.js (boavm compiled to wasm); Stop terminates the worker and starts a fresh one.
// `?wasm=URL` picks the module (default: boavm_web.wasm next to this page).
'use strict';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const workerUrl = `worker.js${params.has('wasm') ? `?wasm=${encodeURIComponent(params.get('wasm'))}` : ''}`;

const EXAMPLES = {
  'Contexts and sandboxes': ['cjs', `const vm = require('node:vm');

// A context is a sandbox object turned into the global object of a new realm.
const sandbox = { animal: 'cat', count: 2 };
const context = vm.createContext(sandbox);
vm.runInContext('count += 1; name = "kitty"', context);
console.log(sandbox);

// Compile once, run in many contexts.
const script = new vm.Script('globalThis.seen = (globalThis.seen || 0) + 1; \`\${who} #\${seen}\`');
const contexts = ['hello', 'hola', 'hi'].map((who) => vm.createContext({ who }));
for (const c of [...contexts, contexts[0]]) console.log(script.runInContext(c));

// Each context has its own builtins.
console.log('[] instanceof Array across realms:', vm.runInNewContext('[]') instanceof Array);
`],
  'Timeout stops a runaway script': ['cjs', `const vm = require('node:vm');
const context = vm.createContext({});
const started = Date.now();
try {
  vm.runInContext('while (true) {}', context, { timeout: 100 });
} catch (e) {
  console.log(e.code, '-', e.message);
}
console.log('stopped after at least 100 ms:', Date.now() - started >= 100);
console.log('the context still works:', vm.runInContext('6 * 7', context));
`],
  'Errors with stacks': ['cjs', `const vm = require('node:vm');
const context = vm.createContext({});
try {
  vm.runInContext(\`function parse(text) { return JSON.parse(text) }
function load() { return parse('{ not json') }
load()\`, context, { filename: 'config-loader.js' });
} catch (e) {
  console.log(e.stack);
  console.log('error from the context realm:', !(e instanceof SyntaxError));
}
// Uncaught errors are printed with their stack, as node prints them.
vm.runInNewContext('function f() { throw new TypeError("bad") } f()', {}, { filename: 'bad.js' });
`],
  'Modules (vm.SourceTextModule)': ['cjs', `const vm = require('node:vm');
const context = vm.createContext({ secret: 42 });

(async () => {
  const math = new vm.SourceTextModule(\`
    export const twice = (x) => x * 2;
    export default secret;\`, { context, identifier: 'math.mjs' });
  const main = new vm.SourceTextModule(\`
    import value, { twice } from 'math';
    export const answer = twice(value) / 2;
    const wait = await Promise.resolve('top-level await works');
    export { wait };\`, { context, identifier: 'main.mjs' });

  await main.link((specifier) => {
    if (specifier === 'math') return math;
    throw new Error(\`cannot resolve \${specifier}\`);
  });
  console.log('status after link:', main.status);
  await main.evaluate({ timeout: 1000 });
  console.log('status:', main.status, '| answer:', main.namespace.answer, '|', main.namespace.wait);

  const synthetic = new vm.SyntheticModule(['hello'], function () { this.setExport('hello', 'world'); });
  await synthetic.link(() => {});
  await synthetic.evaluate();
  console.log('synthetic:', synthetic.namespace.hello);
})();
`],
  'ES module entry': ['esm', `import vm from 'node:vm';

const context = vm.createContext({ items: [3, 1, 2] });
const sorted = vm.runInContext('items.slice().sort()', context);
console.log(sorted, await Promise.resolve('top-level await'));
console.log(import.meta.url);
`],
  'Promises, timers and microtaskMode': ['cjs', `const vm = require('node:vm');
setTimeout(() => console.log('timer after 20 ms'), 20);
Promise.resolve().then(() => console.log('microtask'));
const context = vm.createContext({ log: console.log }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => log("context job ran before runInContext returned"))', context);
console.log('sync end');
`],
};

let worker;
let running = false;
const output = $('output');

function append(fd, text) {
  const span = document.createElement('span');
  span.className = `fd${fd}`;
  span.dataset.fd = String(fd);
  span.textContent = text;
  output.append(span);
  output.scrollTop = output.scrollHeight;
}

function note(text) {
  const span = document.createElement('span');
  span.className = 'sys';
  span.textContent = `${text}\n`;
  output.append(span);
}

function setStatus(state, text) {
  const s = $('status');
  s.dataset.state = state;
  s.textContent = text;
  $('run').disabled = $('run-contexts').disabled = state === 'loading';
}

function startWorker() {
  worker = new Worker(workerUrl);
  setStatus('loading', 'loading boavm…');
  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') {
      $('timing').textContent = `boavm_web.wasm fetched and compiled in ${data.compileMs.toFixed(0)} ms, initialised in ${data.initMs.toFixed(0)} ms`;
      $('timing').dataset.compileMs = String(data.compileMs);
      $('timing').dataset.initMs = String(data.initMs);
      if (!running) setStatus('idle', 'ready');
    } else if (data.type === 'out') {
      append(data.fd, data.text);
    } else if (data.type === 'exit') {
      running = false;
      setStatus('done', `exit code ${data.code} · ${data.ms.toFixed(0)} ms`);
      $('status').dataset.exitCode = String(data.code);
      $('status').dataset.ms = String(data.ms);
    } else if (data.type === 'crash') {
      running = false;
      note(`boavm stopped: ${data.message}`);
      setStatus('crashed', 'crashed (see output)');
    }
  };
  worker.onerror = (e) => {
    running = false;
    note(`worker error: ${e.message}`);
    setStatus('crashed', 'worker error');
  };
}

function run(kind, source) {
  output.textContent = '';
  running = true;
  setStatus('running', 'running…');
  worker.postMessage({ type: 'run', kind, source });
}

$('run').onclick = () => run($('kind').value, $('code').value);
$('stop').onclick = () => {
  worker.terminate();
  running = false;
  note('stopped: the worker was terminated (a fresh one is starting)');
  startWorker();
};

// --- examples ---------------------------------------------------------------------------
for (const name of [...Object.keys(EXAMPLES), 'README demo (examples/demo.js)']) {
  const o = document.createElement('option');
  o.textContent = name;
  $('example').append(o);
}
$('example').onchange = async () => {
  const name = $('example').value;
  if (EXAMPLES[name]) {
    [$('kind').value, $('code').value] = EXAMPLES[name];
  } else {
    const r = await fetch('../examples/demo.js');
    $('kind').value = 'cjs';
    $('code').value = r.ok ? await r.text() : `// examples/demo.js not found (serve the repository root): HTTP ${r.status}`;
  }
};
[$('kind').value, $('code').value] = EXAMPLES['Contexts and sandboxes'];

// --- contexts panel -----------------------------------------------------------------------
function addContext(name, sandbox) {
  const row = document.createElement('div');
  row.className = 'ctx-row';
  const n = document.createElement('input');
  n.className = 'ctx-name';
  n.value = name;
  n.setAttribute('aria-label', 'context name');
  const s = document.createElement('textarea');
  s.className = 'ctx-sandbox';
  s.spellcheck = false;
  s.value = sandbox;
  s.setAttribute('aria-label', 'sandbox object');
  const rm = document.createElement('button');
  rm.textContent = 'Remove';
  rm.onclick = () => row.remove();
  row.append(n, s, rm);
  $('contexts').append(row);
}
addContext('en', "{ greeting: 'Hello', name: 'Ada', count: 0 }");
addContext('fr', "{ greeting: 'Bonjour', name: 'Marie', count: 10 }");
$('add-context').onclick = () => addContext(`ctx${$('contexts').children.length + 1}`, '{}');

// The program "Run in each context" generates (and shows in the editor).
function contextsProgram() {
  const rows = [...document.querySelectorAll('.ctx-row')];
  const sandboxes = rows.map((r) => `  ${JSON.stringify(r.querySelector('.ctx-name').value)}: (${r.querySelector('.ctx-sandbox').value}),`);
  const timeout = $('timeout').value.trim();
  const options = [`filename: \`context-\${name}.js\``];
  if (timeout !== '') options.push(`timeout: ${JSON.stringify(Number(timeout))}`);
  return `// Generated by "Run in each context": one vm context per sandbox, the same code in each.
const vm = require('node:vm');
const code = ${JSON.stringify($('ctx-code').value)};
const sandboxes = {
${sandboxes.join('\n')}
};
for (const [name, sandbox] of Object.entries(sandboxes)) {
  const context = vm.createContext(sandbox);
  try {
    const result = vm.runInContext(code, context, { ${options.join(', ')} });
    console.log(\`[\${name}] result:\`, result);
  } catch (e) {
    console.log(\`[\${name}] threw:\`, e);
  }
  console.log(\`[\${name}] sandbox:\`, sandbox);
}
`;
}
$('run-contexts').onclick = () => {
  $('kind').value = 'cjs';
  $('code').value = contextsProgram();
  run('cjs', $('code').value);
};

startWorker();
