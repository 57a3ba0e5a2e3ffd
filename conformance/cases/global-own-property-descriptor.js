// Object.getOwnPropertyDescriptor(globalThis, k) inside the context mirrors the sandbox.
const vm = require('node:vm');
const sb = { plain: 1 };
Object.defineProperty(sb, 'fixed', { value: 'f', writable: false, enumerable: false, configurable: false });
vm.createContext(sb);
const d = (k) => vm.runInContext(`JSON.stringify(Object.getOwnPropertyDescriptor(globalThis, ${JSON.stringify(k)}))`, sb);
console.log('plain:', d('plain'));
console.log('fixed:', d('fixed'));
console.log('missing:', d('missing'));
vm.runInContext('var declared = "d"', sb);
console.log('declared:', d('declared'));
console.log('declared on sandbox:', JSON.stringify(Object.getOwnPropertyDescriptor(sb, 'declared')));
console.log('builtin Math has descriptor:', vm.runInContext('typeof Object.getOwnPropertyDescriptor(globalThis, "Math")', sb));
console.log('Math enumerable:', vm.runInContext('Object.getOwnPropertyDescriptor(globalThis, "Math").enumerable', sb));
