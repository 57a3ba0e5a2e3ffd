// vm, timers, console, util.inspect and assert keep working after Function.prototype.call,
// apply and bind are replaced by throwing functions.
const { runAll } = require('./support/primordials-suite.js');
const FP = Function.prototype;
const all = { vm: true, modules: true, cli: true };
runAll([
  ['Function.prototype.call', FP, 'call', undefined, ['console.log']],
  ['Function.prototype.apply', FP, 'apply'],
  // (Not Function.prototype.bind: Node's own console loses every line printed under it.)
  ['Function.prototype.toString', FP, 'toString'],
], all);
