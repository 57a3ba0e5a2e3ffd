const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const s = new vm.Script('import("x")', { importModuleDynamically: () => new Promise(() => {}) });
s.runInThisContext().then(() => console.log('settled'), () => console.log('rejected'));
setTimeout(() => console.log('import still pending; normal exit'), 20);
