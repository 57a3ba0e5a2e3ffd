// A sandbox's own properties named like realm intrinsics (TypedArray, NaN, Infinity,
// undefined), and sandboxes whose deleteProperty throws or that are revocable proxies.
const vm = require("node:vm");
const sb = { TypedArray: 5, x: 1 };
vm.createContext(sb);
console.log(sb.TypedArray, vm.runInContext('typeof TypedArray', sb), vm.runInContext('TypedArray', sb));
const p = new Proxy({}, { deleteProperty() { throw new Error('no delete'); } });
vm.createContext(p);
console.log(vm.runInContext('typeof Array', p));
const { proxy, revoke } = Proxy.revocable({}, {});
try { vm.createContext(proxy); console.log('revocable ok'); revoke(); } catch (e) { console.log('err', e.message); }
console.log(vm.runInNewContext('typeof TypedArray'));
for (const k of ['NaN', 'undefined', 'Infinity']) {
  try { console.log(k, String(vm.runInNewContext(k, { [k]: 5 }))); } catch (e) { console.log(k, e.constructor.name, e.message); }
}
const sb2 = {};
vm.createContext(sb2);
console.log(vm.runInContext('[delete NaN, typeof NaN, NaN !== NaN, Infinity, delete undefined, typeof undefined]', sb2).join());
console.log(vm.runInContext('"use strict"; try { NaN = 1; "no" } catch (e) { e.constructor.name }', sb2));
console.log(vm.runInContext('NaN = 1; String(NaN)', sb2));
const d = vm.runInContext('Object.getOwnPropertyDescriptor(globalThis, "Infinity")', sb2);
console.log(d.value, d.writable, d.enumerable);
console.log(Object.keys(sb2).join(), 'NaN' in sb2);
const s2 = { Infinity: 'big' };
vm.createContext(s2);
console.log(vm.runInContext('[Infinity, typeof Infinity]', s2).join());
