// vm (modules included), timers, console, util.inspect and assert keep working after
// Promise methods, statics, the constructor of promises and Promise[Symbol.species] are
// replaced by throwing functions.
const { runAll } = require('./support/primordials-suite.js');
const PP = Promise.prototype;
const all = { vm: true, modules: true, cli: true };
runAll([
  ['Promise.prototype.then', PP, 'then', undefined, ['SourceTextModule', 'SourceTextModule link not module']],
  ['Promise.prototype.catch', PP, 'catch'],
  ['Promise.prototype.finally', PP, 'finally'],
  ['Promise.resolve', Promise, 'resolve'],
  ['Promise.reject', Promise, 'reject', undefined, ['assert.rejects']],
  ['Promise.all', Promise, 'all'],
  ['Promise.allSettled', Promise, 'allSettled'],
  ['Promise.race', Promise, 'race'],
  ['Promise.prototype.constructor', PP, 'constructor'],
  ['Promise[Symbol.species]', Promise, Symbol.species, undefined, ['SourceTextModule', 'SourceTextModule link not module', 'SourceTextModule main context']],
], all);
