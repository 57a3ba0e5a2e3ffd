// vm.constants.DONT_CONTEXTIFY: the context is its own ordinary global object.
const vm = require('vm');
const g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
console.log(typeof g, vm.isContext(g), Object.getPrototypeOf(g) === null);
console.log(vm.runInContext('globalThis', g) === g, vm.runInContext('var a = 1; this === globalThis', g), g.a, typeof g.Array);
console.log(vm.runInContext('[]', g) instanceof Array, vm.runInContext('Array', g) === g.Array);
Object.freeze(g);
console.log(vm.runInContext('try { b = 1; typeof b } catch (e) { e.name }', g));
console.log(vm.runInNewContext('this.constructor.name', vm.constants.DONT_CONTEXTIFY), vm.createContext(g) === g);
try { vm.createContext(vm.constants.DONT_CONTEXTIFY, { name: 1 }); } catch (e) { console.log(e.code, e.message); }
const s = new vm.Script('typeof Object.keys');
console.log(s.runInContext(vm.createContext(vm.constants.DONT_CONTEXTIFY)));
