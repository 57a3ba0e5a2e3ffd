// Object.defineProperty on the context global is reflected on the sandbox with its attributes.
const vm = require('node:vm');
const sb = vm.createContext({});
vm.runInContext(`
  Object.defineProperty(globalThis, 'ro', { value: 1, writable: false, enumerable: true, configurable: true });
  Object.defineProperty(globalThis, 'hidden', { value: 2, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(globalThis, 'acc', { get() { return 'got' }, enumerable: true, configurable: true });
`, sb);
for (const k of ['ro', 'hidden', 'acc']) {
  const d = Object.getOwnPropertyDescriptor(sb, k);
  console.log(k, d ? JSON.stringify({ ...d, get: typeof d.get, set: typeof d.set }) : 'missing');
}
console.log('acc via sandbox:', sb.acc);
console.log('acc inside:', vm.runInContext('acc', sb));
console.log('ro inside after sloppy write:', vm.runInContext('ro = 5; ro', sb));
console.log('keys:', JSON.stringify(Object.keys(sb)));
// defineProperty from outside on the sandbox is seen from inside.
Object.defineProperty(sb, 'outer', { get() { return 'outer getter'; }, enumerable: true, configurable: true });
console.log('outer inside:', vm.runInContext('outer', sb));
console.log('inner descriptor of outer:', vm.runInContext('var d = Object.getOwnPropertyDescriptor(globalThis, "outer"); typeof d.get + "," + d.enumerable + "," + d.configurable', sb));
console.log('Reflect.defineProperty returns:', vm.runInContext('Reflect.defineProperty(globalThis, "viaReflect", { value: 9, configurable: true, writable: true, enumerable: true })', sb), sb.viaReflect);
