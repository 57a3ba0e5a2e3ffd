// Top-level var and function declarations land on the sandbox.
const vm = require('node:vm');
const sb = { existing: 'old' };
vm.createContext(sb);
vm.runInContext(`
  var v = 1;
  var existing = 'new';
  var undef;
  function f() { return 'f' }
  async function af() {}
  function* gf() {}
`, sb);
console.log('keys:', JSON.stringify(Object.keys(sb)));
console.log('v:', sb.v, 'existing:', sb.existing, 'undef in sb:', 'undef' in sb, sb.undef);
console.log('f():', sb.f(), 'af:', typeof sb.af, 'gf:', typeof sb.gf);
const d = Object.getOwnPropertyDescriptor(sb, 'v');
console.log('v descriptor:', JSON.stringify(d));
const fd = Object.getOwnPropertyDescriptor(sb, 'f');
console.log('f descriptor:', fd.writable, fd.enumerable, fd.configurable);
// A function declaration replaces a non-function sandbox value.
const sb2 = vm.createContext({ g: 1 });
vm.runInContext('function g() { return 2 }', sb2);
console.log('replaced:', typeof sb2.g, sb2.g());
// Redeclaring a var keeps the current value.
vm.runInContext('var v;', sb);
console.log('redeclared v:', sb.v);
