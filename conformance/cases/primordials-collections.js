// vm, timers, console, util.inspect and assert keep working after Map, Set, WeakMap and
// WeakSet methods (and their iterators) are replaced by throwing functions.
const { runAll } = require('./support/primordials-suite.js');
const MapIteratorPrototype = Object.getPrototypeOf(new Map().entries());
const SetIteratorPrototype = Object.getPrototypeOf(new Set().values());
const all = { vm: true, modules: true, cli: true };
runAll([
  ['Map.prototype.get', Map.prototype, 'get'],
  ['Map.prototype.set', Map.prototype, 'set'],
  ['Map.prototype.has', Map.prototype, 'has'],
  ['Map.prototype.delete', Map.prototype, 'delete'],
  ['Map.prototype.forEach', Map.prototype, 'forEach'],
  ['Map.prototype.values', Map.prototype, 'values'],
  ['Map.prototype.entries', Map.prototype, 'entries'],
  ['Map.prototype[Symbol.iterator]', Map.prototype, Symbol.iterator, undefined, ['console.log', 'inspect']],
  ['MapIteratorPrototype.next', MapIteratorPrototype, 'next', undefined, ['console.log', 'inspect']],
  ['Set.prototype.add', Set.prototype, 'add'],
  ['Set.prototype.has', Set.prototype, 'has'],
  ['Set.prototype.delete', Set.prototype, 'delete'],
  ['Set.prototype.values', Set.prototype, 'values'],
  ['Set.prototype[Symbol.iterator]', Set.prototype, Symbol.iterator, undefined, ['console.log', 'inspect']],
  ['SetIteratorPrototype.next', SetIteratorPrototype, 'next', undefined, ['console.log', 'inspect']],
  ['WeakMap.prototype.get', WeakMap.prototype, 'get'],
  ['WeakMap.prototype.set', WeakMap.prototype, 'set'],
  ['WeakMap.prototype.has', WeakMap.prototype, 'has'],
  ['WeakSet.prototype.add', WeakSet.prototype, 'add'],
  ['WeakSet.prototype.has', WeakSet.prototype, 'has'],
], all);
