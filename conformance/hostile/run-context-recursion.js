const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('runInContext recursion', () => {
  const ctx = vm.createContext({});
  ctx.run = (s) => vm.runInContext(s, ctx);
  return vm.runInContext('function f() { return run("f()"); } f()', ctx);
});
