// options.columnOffset shifts columns on the first line only. Only differences between
// runs are printed, so the engine's choice of column for a throw does not matter.
const vm = require('node:vm');
function col(e, file) {
  const m = String(e.stack).match(new RegExp('at .*?' + file.replace(/[.]/g, '\\.') + ':(\\d+):(\\d+)'));
  return m ? { line: Number(m[1]), col: Number(m[2]) } : null;
}
function run(code, columnOffset, lineOffset = 0) {
  try {
    new vm.Script(code, { filename: 'col.js', columnOffset, lineOffset }).runInNewContext();
  } catch (e) {
    return col(e, 'col.js');
  }
  return null;
}
const first = 'throw new Error("first line")';
const base = run(first, 0);
for (const off of [5, 17, 100]) {
  const r = run(first, off);
  console.log('first line, columnOffset', off, ': line delta', r.line - base.line, 'col delta', r.col - base.col);
}
const second = '0;\nthrow new Error("second line")';
const base2 = run(second, 0);
for (const off of [5, 100]) {
  const r = run(second, off);
  console.log('second line, columnOffset', off, ': line delta', r.line - base2.line, 'col delta', r.col - base2.col);
}
const withLine = run(first, 9, 3);
console.log('with lineOffset 3 and columnOffset 9: line delta', withLine.line - base.line, 'col delta', withLine.col - base.col);
