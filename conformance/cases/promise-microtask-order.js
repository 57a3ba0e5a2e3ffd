// Microtasks queued inside a context (default microtaskMode) share the main queue.
const vm = require('node:vm');
const log = [];
const ctx = vm.createContext({ log });
Promise.resolve().then(() => log.push('main 1'));
vm.runInContext('Promise.resolve().then(() => log.push("ctx 1"))', ctx);
queueMicrotask(() => log.push('main qm'));
vm.runInContext('Promise.resolve().then(() => log.push("ctx 2")).then(() => log.push("ctx 3"))', ctx);
Promise.resolve().then(() => log.push('main 2'));
log.push('sync');
console.log('after vm call, before microtasks:', log.join(' | '));
setTimeout(() => {
  console.log('final:', log.join(' | '));
}, 0);
