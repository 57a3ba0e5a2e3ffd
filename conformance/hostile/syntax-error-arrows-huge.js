// Parse errors at hostile sizes: a 3 MB line ending in an unterminated string, a 200k-character
// name, a 100k-digit number run into a name, a 3,000-character unterminated string. The arrow
// (position and the carets, capped at node's 1,020 characters) is node's.
const vm = require('vm');
const cases = [
  'x = 1;'.repeat(500000) + ' "unterminated',
  'var ' + 'a'.repeat(200000) + ' b;',
  'let y = ' + '9'.repeat(100000) + 'abc;',
  '"' + 'q'.repeat(3000) + '\n',
];
for (const src of cases) {
  const t = Date.now();
  try { new vm.Script(src, { filename: 'h.js' }); console.log('ok'); }
  catch (e) { const lines = e.stack.split('\n'); console.log(lines[0], lines[1].length, lines[2].length, JSON.stringify(lines[2].slice(-8)), lines[4]); }
}
