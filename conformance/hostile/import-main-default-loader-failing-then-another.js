const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
const { USE_MAIN_CONTEXT_DEFAULT_LOADER } = vm.constants;
const s = new vm.Script('import("./does-not-exist.mjs")', { importModuleDynamically: USE_MAIN_CONTEXT_DEFAULT_LOADER });
s.runInThisContext().then(() => console.log('first resolved?!'), e => console.log('first rejected', e.code || e.constructor.name))
  .then(() => s.runInThisContext()).then(() => console.log('second resolved?!'), e => console.log('second rejected', e.code || e.constructor.name));
