// Properties inherited by the sandbox (class instances, Object.create) are visible as globals.
const vm = require('node:vm');
class Host {
  constructor() { this.own = 'own'; }
  method() { return 'method:' + this.own; }
  get computed() { return 'computed'; }
}
const inst = vm.createContext(new Host());
console.log('typeof method:', vm.runInContext('typeof method', inst));
console.log('typeof computed:', vm.runInContext('typeof computed', inst));
console.log('own:', vm.runInContext('own', inst));
console.log('"method" in globalThis:', vm.runInContext('"method" in globalThis', inst));
console.log('hasOwnProperty method:', vm.runInContext('Object.prototype.hasOwnProperty.call(globalThis, "method")', inst));
console.log('still instance:', inst instanceof Host);
const proto = { inherited: 'from proto' };
const child = vm.createContext(Object.create(proto));
console.log('inherited:', vm.runInContext('inherited', child));
vm.runInContext('inherited = "overwritten"', child);
console.log('write goes to own:', Object.prototype.hasOwnProperty.call(child, 'inherited'), child.inherited, 'proto untouched:', proto.inherited);
console.log('Object.keys(globalThis):', vm.runInContext('JSON.stringify(Object.keys(globalThis))', child));
