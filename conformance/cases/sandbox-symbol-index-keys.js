// Symbol-keyed and index-keyed sandbox properties are visible through the context global.
const vm = require('node:vm');
const sym = Symbol.for('shared.key');
const sb = vm.createContext({ 0: 'zero', 7: 'seven', [sym]: 'symbol value' });
console.log('globalThis[0]:', vm.runInContext('globalThis[0]', sb));
console.log('this[7]:', vm.runInContext('this[7]', sb));
console.log('symbol:', vm.runInContext('globalThis[Symbol.for("shared.key")]', sb));
vm.runInContext('globalThis[1] = "one"; globalThis[Symbol.for("other")] = "other sym"', sb);
console.log('sb[1]:', sb[1]);
console.log('sb[other]:', sb[Symbol.for('other')]);
console.log('"0" in globalThis:', vm.runInContext('0 in globalThis', sb));
console.log('keys:', JSON.stringify(Object.keys(sb)));
console.log('delete index:', vm.runInContext('delete globalThis[7]', sb), 7 in sb);
