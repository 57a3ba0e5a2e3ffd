// The main job: a tour of node:vm on boavm. Run: cargo run -p boavm -- examples/demo.js
const vm = require('node:vm');
const assert = require('node:assert');

// A context around a plain object: declarations land on it, builtins are the context's own.
const sandbox = { greeting: 'hello', count: 0 };
vm.createContext(sandbox);
vm.runInContext('var answer = 42; count += 1; function twice(x) { return 2 * x }', sandbox);
console.log('sandbox keys:', Object.keys(sandbox));
console.log('answer via sandbox:', sandbox.answer, 'twice(21) =', sandbox.twice(21));
console.log('[] instanceof Array across realms:', vm.runInContext('[]', sandbox) instanceof Array);

// Compile once, run in many contexts.
const script = new vm.Script('count = (typeof count === "number" ? count : 0) + 1; `${typeof greeting === "string" ? greeting : "hi"} #${count}`',
                             { filename: 'counter.js' });
const contexts = [sandbox, vm.createContext({ greeting: 'hola' }), vm.createContext({})];
for (const ctx of contexts) console.log(script.runInContext(ctx));
console.log('runInThisContext:', new vm.Script('typeof require').runInThisContext());

// compileFunction with a live context extension.
const ext = { base: 10 };
const add = vm.compileFunction('return base + a + b', ['a', 'b'], { contextExtensions: [ext] });
ext.base = 100;
console.log('compileFunction:', add(1, 2), add.toString().split('\n')[0]);

// Error paths: user errors come back unchanged; Node's argument validation codes.
const boom = new Error('boom');
try {
  vm.runInNewContext('throw err', { err: boom });
} catch (e) {
  console.log('same error object:', e === boom);
}
try {
  vm.runInNewContext('function f() { throw new TypeError("bad") }\nf()', {}, { filename: 'bad.js' });
} catch (e) {
  console.log(e.stack.split('\n').slice(0, 5).join('\n'));
}
assert.throws(() => new vm.Script('1', { lineOffset: 'x' }), { code: 'ERR_INVALID_ARG_TYPE' });
try {
  vm.createContext({}, { microtaskMode: 'sometimes' });
} catch (e) {
  console.log(`${e.name} [${e.code}]: ${e.message}`);
}
console.log('codeGeneration.strings=false:',
  (() => { try { vm.runInNewContext('eval("1")', {}, { contextCodeGeneration: { strings: false } }); } catch (e) { return e.name; } })());
