// compileFunction filename/lineOffset/columnOffset as seen in stack traces.
const vm = require('node:vm');
function where(e, file) {
  const m = String(e.stack).match(new RegExp('at .*?' + file.replace(/[.]/g, '\\.') + ':(\\d+):(\\d+)'));
  return m ? { line: Number(m[1]), col: Number(m[2]) } : null;
}
function run(body, options) {
  try {
    vm.compileFunction(body, [], options)();
  } catch (e) {
    return where(e, options.filename);
  }
  return null;
}
const body = 'throw new Error("cf")';
const base = run(body, { filename: 'cf.js' });
console.log('found frame:', base !== null, 'line:', base && base.line);
const two = run('\n' + body, { filename: 'cf.js' });
console.log('second body line:', two.line);
const lo = run(body, { filename: 'cf.js', lineOffset: 7 });
console.log('lineOffset 7 line:', lo.line, 'col delta:', lo.col - base.col);
const co = run(body, { filename: 'cf.js', columnOffset: 12 });
console.log('columnOffset 12 line:', co.line, 'col delta:', co.col - base.col);
const co2 = run('\n' + body, { filename: 'cf.js', columnOffset: 12 });
console.log('columnOffset on body line 2 col delta:', co2.col - two.col);
try {
  vm.compileFunction('throw new Error("anon")')();
} catch (e) {
  const frame = String(e.stack).split('\n')[1];
  console.log('default filename frame starts with "    at ":', frame.startsWith('    at '));
}
