// Inside a context, this === globalThis; the context global is not the sandbox.
const vm = require('node:vm');
const sb = vm.createContext({});
console.log('this === globalThis inside:', vm.runInContext('this === globalThis', sb));
const inner = vm.runInContext('globalThis', sb);
console.log('inner global === sandbox:', inner === sb);
console.log('inner global stable:', inner === vm.runInContext('this', sb));
console.log('inner global !== main global:', inner !== globalThis);
console.log('function this (sloppy):', vm.runInContext('(function () { return this })()', sb) === inner);
console.log('arrow this:', vm.runInContext('(() => this)()', sb) === inner);
console.log('self reference via sandbox prop:', (sb.selfRef = 1, vm.runInContext('globalThis.selfRef', sb)));
inner.fromInner = 'written via inner global';
console.log('write via inner global reaches sandbox:', sb.fromInner);
console.log('inner global reads sandbox:', inner.selfRef);
console.log('Object.keys(inner):', JSON.stringify(Object.keys(inner)));
console.log('typeof inner:', typeof inner);
console.log('main-realm instanceof Object:', inner instanceof Object);
console.log('inner Object.prototype in chain:', vm.runInContext('globalThis instanceof Object', sb));
console.log('runInNewContext this !== sandbox:', (() => { const s = {}; return vm.runInNewContext('this', s) !== s; })());
