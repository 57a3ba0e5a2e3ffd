// displayErrors on a long line: Node writes at most 1020 characters of padding and caret under
// the source line, so an error further right gets the padding and no caret.
const vm = require('vm');
for (const n of [10, 127, 128, 5000]) {
  const src = 'var a=1;'.repeat(n) + ' throw new Error("x")';
  try {
    vm.runInNewContext(src, {}, { filename: 'long.js', columnOffset: 3 });
  } catch (e) {
    const lines = e.stack.split('\n');
    console.log(n, lines[0], lines[1].length, lines[2].length, lines[2].includes('^'), lines[4], lines[5]);
  }
}
