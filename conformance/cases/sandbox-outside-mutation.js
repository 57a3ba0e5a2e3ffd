// Changes made to the sandbox from outside are seen by code in the context at once.
const vm = require('node:vm');
const sb = vm.createContext({ v: 1 });
const read = new vm.Script('typeof v === "undefined" ? "undefined" : String(v)');
console.log('initial:', read.runInContext(sb));
sb.v = 2;
console.log('after assign:', read.runInContext(sb));
Object.defineProperty(sb, 'v', { get() { return 'getter'; }, configurable: true, enumerable: true });
console.log('after redefining as accessor:', read.runInContext(sb));
delete sb.v;
console.log('after delete:', read.runInContext(sb));
sb.v = 3;
console.log('after re-add:', read.runInContext(sb));
Object.setPrototypeOf(sb, { w: 'from new proto' });
console.log('after setPrototypeOf:', vm.runInContext('typeof w === "undefined" ? "undefined" : w', sb));
const fn = vm.runInContext('(function () { return v })', sb);
sb.v = 'later';
console.log('function reads current value:', fn());
