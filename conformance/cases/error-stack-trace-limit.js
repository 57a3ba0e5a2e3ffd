// Error.stackTraceLimit: V8's data property on each realm's Error, how many frames `stack`
// shows (set, then create and read the error while the limit is in force).
'use strict';
const vm = require('vm');

const d = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
console.log('main', JSON.stringify(d));
console.log('context', vm.runInNewContext('JSON.stringify(Object.getOwnPropertyDescriptor(Error, "stackTraceLimit"))'));

function frames(stack) {
  if (stack === undefined) return 'undefined';
  return stack.split('\n').map((l) => l.replace(/\(.*\)$/, '(LOC)').replace(/at \/.*$/, 'at FILE')).join(' | ');
}

const old = Error.stackTraceLimit;
for (const v of [0, 1, 2, -1, 1.5, NaN, '2', undefined, null, { valueOf() { return 1; } }]) {
  Error.stackTraceLimit = v;
  function inner() { return new Error('e'); }
  function outer() { return inner(); }
  const s = outer().stack;
  Error.stackTraceLimit = old;
  console.log(typeof v === 'object' && v !== null ? 'object' : String(v), '->', frames(s));
}

// An own `stack` stays what it is; the limit only shapes the engine's stack.
Error.stackTraceLimit = 0;
const own = new Error('own');
own.stack = 'custom';
console.log(own.stack);
Error.stackTraceLimit = old;

// Each context has its own Error.stackTraceLimit.
const ctx = vm.createContext({});
vm.runInContext('Error.stackTraceLimit = 1', ctx);
console.log(vm.runInContext('function a() { return b(); } function b() { return new Error("z").stack; } a()', ctx, { filename: 'c.js' }));
console.log(Error.stackTraceLimit);
vm.runInContext('Error.stackTraceLimit = "x"', ctx);
console.log(vm.runInContext('typeof new Error("u").stack', ctx));
console.log(vm.runInContext('delete Error.stackTraceLimit; typeof new Error("u").stack', ctx));

// The thrown error of a compiled function, with a limit of 1.
Error.stackTraceLimit = 1;
try { vm.compileFunction('throw new Error("Sample Error")', [], { lineOffset: 3, columnOffset: 2 })(); } catch (e) { console.log(e.stack); }
Error.stackTraceLimit = old;
