// vm's own errors (argument validation, timeouts, module status) keep their class, code and
// message after Error.prototype gets throwing accessors or methods, and after an accessor
// for `code` appears on Object.prototype.
const { runAll, accessor } = require('./support/primordials-suite.js');
const EP = Error.prototype;
const all = { vm: true, modules: true, cli: true };
runAll([
  ['Error.prototype.toString', EP, 'toString', undefined, ['assert.throws regexp']],
  ['Error.prototype.name getter', EP, 'name', accessor('name'), ['assert.throws regexp']],
  ['Error.prototype.message getter', EP, 'message', accessor('message')],
  ['Error.prototype.stack accessor', EP, 'stack', accessor('stack')],
  ['Error.prototype.code accessor', EP, 'code', accessor('code'), ['timeout', 'timeout runInContext', 'timeout Script', 'SourceTextModule timeout', 'assert.deepStrictEqual fail', 'assert.strictEqual']],
  ['Object.prototype.code accessor', Object.prototype, 'code', accessor('code'), ['timeout', 'timeout runInContext', 'timeout Script', 'SourceTextModule timeout', 'assert.deepStrictEqual fail', 'assert.strictEqual']],
  ['Object.prototype.total accessor', Object.prototype, 'total', accessor('total')],
  ['TypeError.prototype.name getter', TypeError.prototype, 'name', accessor('TypeError name')],
  ['Error.captureStackTrace', Error, 'captureStackTrace'],
], all);
