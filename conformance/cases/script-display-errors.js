// displayErrors (default true) decorates the stack of a runtime error with the
// "file:line", the source line and a caret line; false leaves the stack alone.
const vm = require('node:vm');
function describe(label, e) {
  const lines = String(e.stack).split('\n');
  console.log(label);
  console.log('  first line:', JSON.stringify(lines[0]));
  // Columns are the engine's choice: print frames as file:line only.
  console.log('  second line:', JSON.stringify(lines[1].replace(/:(\d+):\d+(\)?)$/, ':$1$2')));
  console.log('  has caret line:', lines.some((l) => /^\s*\^+\s*$/.test(l)));
  console.log('  has source line:', lines.includes('var x = 1; throw new Error("boom " + x);'));
  console.log('  has "Error: boom 1" line:', lines.includes('Error: boom 1'));
  console.log('  message untouched:', e.message);
}
const code = 'var x = 1; throw new Error("boom " + x);';
const ctx = vm.createContext({});
for (const [label, run] of [
  ['runInContext default', () => vm.runInContext(code, ctx, { filename: 'de.js' })],
  ['runInContext true', () => vm.runInContext(code, ctx, { filename: 'de.js', displayErrors: true })],
  ['runInContext false', () => vm.runInContext(code, ctx, { filename: 'de.js', displayErrors: false })],
  ['runInNewContext false', () => vm.runInNewContext(code, {}, { filename: 'de.js', displayErrors: false })],
  ['runInThisContext default', () => vm.runInThisContext(code, { filename: 'de.js' })],
  ['script.runInThisContext false', () => new vm.Script(code, 'de.js').runInThisContext({ displayErrors: false })],
]) {
  try { run(); console.log(label, 'no throw'); } catch (e) { describe(label, e); }
}
