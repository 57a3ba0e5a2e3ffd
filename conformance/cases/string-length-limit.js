// V8's string length limit (2^29 - 24) for repeat / padStart / padEnd / join: RangeError before
// allocating (Boa alone would build multi-GB strings and abort on a failed allocation).
const vm = require('node:vm');
const cases = [
  "'a'.repeat(2 ** 28)", "'ab'.repeat(2 ** 28)", "'x'.repeat(2 ** 29 - 24).length", "'x'.repeat(2 ** 29 - 23)",
  "''.padEnd(2 ** 31)", "''.padStart(2 ** 29)", "'a'.padEnd(2 ** 29 - 24).length",
  "new Array(1e9).join()", "new Array(2 ** 28).join('ab')", "[1,2,3].join('-')",
  "'abc'.repeat(3)", "'a'.repeat(-1)", "String.prototype.repeat.name + String.prototype.repeat.length",
  "String.prototype.padEnd.length + Array.prototype.join.length",
];
for (const c of cases) {
  try { const v = vm.runInNewContext(c); console.log(c, '=>', typeof v === 'string' && v.length > 50 ? v.length : v); }
  catch (e) { console.log(c, '=>', e.constructor.name, e.message); }
}
