const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('object 1000', () => typeof new vm.Script('x = ' + '{a:'.repeat(1000) + '1' + '}'.repeat(1000)).runInThisContext());
