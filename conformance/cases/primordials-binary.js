// vm, timers, console, util.inspect, assert and Buffer keep working after typed array,
// DataView and ArrayBuffer methods and accessors, Function.prototype.bind, the
// `constructor` of Object.prototype / Function.prototype and a few string helpers are
// replaced by throwing functions (the lines Node itself loses are left out; not the
// `buffer`/`byteOffset`/`byteLength` getters of typed arrays: Node's own stdout then writes
// garbage or drops lines).
const { runAll, accessor } = require('./support/primordials-suite.js');
const TA = Object.getPrototypeOf(Uint8Array);
const TAP = TA.prototype;
const DVP = DataView.prototype;
const all = { vm: true, modules: true, cli: true };
(async () => {
  // (Node's own timers and console stop working under a patched bind: vm only.)
  await runAll([['Function.prototype.bind', Function.prototype, 'bind']], { vm: true, modules: true });
  await runAll([
    ['Function.prototype.constructor', Function.prototype, 'constructor'],
    ['Object.prototype.constructor', Object.prototype, 'constructor'],
    ['Array.prototype.then getter', Array.prototype, 'then', accessor('Array.prototype.then')],
    ['Object.prototype.toJSON getter', Object.prototype, 'toJSON', accessor('Object.prototype.toJSON')],
    ['TypedArray.prototype.subarray', TAP, 'subarray'],
    ['TypedArray.prototype.set', TAP, 'set'],
    ['TypedArray.prototype.fill', TAP, 'fill'],
    ['TypedArray.prototype.slice', TAP, 'slice'],
    ['TypedArray.prototype.indexOf', TAP, 'indexOf'],
    ['DataView.prototype.getUint32', DVP, 'getUint32'],
    ['DataView.prototype.setUint32', DVP, 'setUint32'],
    ['DataView.prototype.getFloat64', DVP, 'getFloat64'],
    ['DataView.prototype.setInt16', DVP, 'setInt16'],
    ['ArrayBuffer.isView', ArrayBuffer, 'isView'],
    ['ArrayBuffer.prototype.slice', ArrayBuffer.prototype, 'slice'],
    ['ArrayBuffer.prototype.byteLength getter', ArrayBuffer.prototype, 'byteLength',
      accessor('ArrayBuffer.prototype.byteLength'), ['Buffer.from array']],
    ['String.fromCharCode', String, 'fromCharCode'],
    ['String.prototype.charCodeAt', String.prototype, 'charCodeAt', undefined,
      ['inspect nested', 'inspect misc']],
    ['String.prototype.trim', String.prototype, 'trim'],
    ['Number.prototype.toString', Number.prototype, 'toString'],
  ], all);
})();
