// A new context has the language builtins but none of Node's globals.
const vm = require('node:vm');
const names = ['require', 'module', 'exports', '__filename', '__dirname', 'process', 'Buffer',
  'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'queueMicrotask', 'structuredClone'];
for (const n of names) {
  console.log(n, vm.runInNewContext(`typeof ${n}`));
}
for (const n of ['Object', 'Array', 'Promise', 'Proxy', 'Reflect', 'JSON', 'Math', 'Symbol', 'WeakRef',
  'BigInt', 'Map', 'Set', 'eval', 'parseInt', 'globalThis']) {
  console.log(n, vm.runInNewContext(`typeof ${n}`));
}
console.log('globalThis is object:', vm.runInNewContext('typeof globalThis === "object" && globalThis !== null'));
