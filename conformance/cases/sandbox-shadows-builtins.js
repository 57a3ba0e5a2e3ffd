// Sandbox properties take precedence over the context's builtins of the same name.
const vm = require('node:vm');
const sb = vm.createContext({ Array: 'not an array ctor', Math: { max: () => 'sandbox max' }, undefinedish: undefined });
console.log('typeof Array:', vm.runInContext('typeof Array', sb));
console.log('Math.max():', vm.runInContext('Math.max(1, 2)', sb));
console.log('array literal still works:', vm.runInContext('[1, 2].length', sb));
console.log('literal constructor is builtin:', vm.runInContext('typeof [].constructor', sb));
console.log('globalThis.Array:', vm.runInContext('globalThis.Array', sb));
const sb2 = vm.createContext({ JSON: 'shadow' });
vm.runInContext('delete JSON', sb2);
console.log('after deleting the shadow:', vm.runInContext('typeof JSON', sb2));
const sb3 = vm.createContext({});
vm.runInContext('var Object = "replaced"', sb3);
console.log('var Object lands on sandbox:', sb3.Object);
console.log('inner Object now:', vm.runInContext('typeof Object', sb3));
