// The displayErrors header uses the filename and the line including lineOffset.
const vm = require('node:vm');
try {
  vm.runInNewContext('1;\n2;\nthrow new Error("x")', {}, { filename: 'hdr.js', lineOffset: 40 });
} catch (e) {
  const lines = e.stack.split('\n');
  console.log(JSON.stringify(lines[0]));
  console.log(JSON.stringify(lines[1]));
}
// Thrown non-errors are not decorated (nothing to decorate) and arrive unchanged.
try {
  vm.runInNewContext('throw "plain string"', {}, { filename: 'str.js' });
} catch (e) {
  console.log('thrown string:', typeof e, e);
}
try {
  vm.runInNewContext('throw { custom: true }', {}, { filename: 'obj.js' });
} catch (e) {
  console.log('thrown object keys:', JSON.stringify(Object.keys(e)), 'stack' in e);
}
