// compileFunction contextExtensions: objects whose properties are in scope, as live bindings.
const vm = require('node:vm');
const ext = { base: 10, counter: 0 };
const fn = vm.compileFunction('counter += 1; return base + counter', [], { contextExtensions: [ext] });
console.log('first call:', fn());
console.log('ext.counter after write:', ext.counter);
ext.base = 100;
console.log('after changing ext.base:', fn());
ext.late = 'added later';
console.log('property added later:', vm.compileFunction('return typeof late', [], { contextExtensions: [ext] })());
const readLate = vm.compileFunction('return late', [], { contextExtensions: [ext] });
ext.late = 'changed';
console.log('read late:', readLate());
// Several extensions: the later one is searched first.
const outer = { shared: 'outer', onlyOuter: 1 };
const inner = { shared: 'inner', onlyInner: 2 };
const both = vm.compileFunction('return [shared, onlyOuter, onlyInner].join(",")', [], { contextExtensions: [outer, inner] });
console.log('two extensions:', both());
// Parameters shadow extensions.
const shadow = vm.compileFunction('return base', ['base'], { contextExtensions: [ext] });
console.log('param shadows:', shadow('param'));
// An empty list is fine.
console.log('empty extensions:', vm.compileFunction('return 5', [], { contextExtensions: [] })());
// Declaring a var in the body does not touch the extension object.
const local = vm.compileFunction('var base = "local"; return base', [], { contextExtensions: [ext] });
console.log('local var:', local(), 'ext.base:', ext.base);
// Writing to an undeclared name not on the extension creates a global (sloppy).
vm.compileFunction('notOnExt = 1', [], { contextExtensions: [ext] })();
console.log('global created:', typeof globalThis.notOnExt, 'on ext:', 'notOnExt' in ext);
delete globalThis.notOnExt;
