// Enumerating the context global from inside: the sandbox's own properties show up.
const vm = require('node:vm');
const sb = vm.createContext({ one: 1, two: 2 });
Object.defineProperty(sb, 'hidden', { value: 'h', enumerable: false, configurable: true, writable: true });
vm.runInContext('var three = 3; four = 4; let notListed = 5;', sb);
console.log('Object.keys(globalThis):', vm.runInContext('JSON.stringify(Object.keys(globalThis))', sb));
console.log('for-in:', vm.runInContext('var out = []; for (var k in globalThis) out.push(k); JSON.stringify(out)', sb));
console.log('own names include hidden:', vm.runInContext('Object.getOwnPropertyNames(globalThis).includes("hidden")', sb));
console.log('own names include one:', vm.runInContext('Object.getOwnPropertyNames(globalThis).includes("one")', sb));
console.log('own names include Array:', vm.runInContext('Object.getOwnPropertyNames(globalThis).includes("Array")', sb));
console.log('sandbox keys:', JSON.stringify(Object.keys(sb)));
console.log('JSON of sandbox:', JSON.stringify(sb));
