// Script#runInNewContext(sandbox, options): sandbox and options handling.
const vm = require('node:vm');
const s = new vm.Script('typeof marker === "string" ? marker : "no marker"');
console.log('with sandbox:', s.runInNewContext({ marker: 'yes' }));
console.log('no sandbox:', s.runInNewContext());
console.log('contextName option:', s.runInNewContext({}, { contextName: 'n', contextOrigin: 'https://o.example' }));
for (const [label, sandbox, options] of [
  ['sandbox number', 5, undefined],
  ['sandbox string', 'x', undefined],
  ['sandbox null', null, undefined],
  ['options string', {}, 'file.js'],
  ['contextName number', {}, { contextName: 1 }],
  ['contextCodeGeneration.strings string', {}, { contextCodeGeneration: { strings: 'no' } }],
  ['microtaskMode bad', {}, { microtaskMode: 'never' }],
]) {
  try {
    console.log(label, 'ok', s.runInNewContext(sandbox, options));
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
const sb = {};
s.runInNewContext(sb, { contextCodeGeneration: { strings: false } });
try {
  vm.runInContext('eval("1")', sb);
  console.log('strings:false persists: no throw');
} catch (e) {
  console.log('strings:false persists:', e.name);
}
