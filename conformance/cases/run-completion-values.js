// Completion values returned by runInContext for various statement forms.
const vm = require('node:vm');
const ctx = vm.createContext({});
const codes = [
  '1; 2;',
  'var a = 5;',
  'let b = 6;',
  'function f() {}',
  'x = 7',
  'for (var i = 0; i < 3; i++) i * 10;',
  'try { 8 } finally { 9 }',
  'switch (1) { case 1: "one"; break; default: "other" }',
  '"before"; if (false) 1;',
  '(function () { return "iife" })()',
  'typeof class {}',
  '"a" + "b"; ;',
  '{ 10 }',
  'do { "loop" } while (false)',
];
for (const code of codes) {
  console.log(JSON.stringify(code), '->', JSON.stringify(vm.runInContext(code, ctx)));
}
