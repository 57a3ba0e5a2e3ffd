// let/const/class at top level do not land on the sandbox but stay visible to later scripts.
const vm = require('node:vm');
const sb = vm.createContext({});
vm.runInContext('let l = 1; const c = 2; class K { static who() { return "K" } }', sb);
console.log('keys:', JSON.stringify(Object.keys(sb)));
console.log('in sandbox:', 'l' in sb, 'c' in sb, 'K' in sb);
console.log('later script sees:', vm.runInContext('[l, c, K.who()].join(",")', sb));
console.log('globalThis.l inside:', vm.runInContext('typeof globalThis.l', sb));
vm.runInContext('l = 10', sb);
console.log('assigned let:', vm.runInContext('l', sb), 'sandbox still lacks it:', !('l' in sb));
try {
  vm.runInContext('c = 3', sb);
  console.log('assign const: no throw');
} catch (e) {
  console.log('assign const:', e.name);
}
// A new context does not see them.
console.log('other context:', vm.runInNewContext('typeof l'));
// Lexical shadows a sandbox property of the same name for later scripts.
const sb2 = vm.createContext({ shadowed: 'sandbox' });
vm.runInContext('let shadowedLater = 1', sb2);
sb2.shadowedLater = 'sandbox later';
console.log('lexical wins over sandbox prop:', vm.runInContext('shadowedLater', sb2));
console.log('globalThis view:', vm.runInContext('globalThis.shadowedLater', sb2));
