const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const s = new vm.Script('import("a")', { importModuleDynamically: () => new Promise((_, rej) => setTimeout(() => rej(new RangeError('later')), 10)) });
s.runInThisContext().then(() => console.log('resolved?!'), e => console.log('rejected', e.constructor.name, e.message));
