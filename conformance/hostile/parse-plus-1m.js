const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
survives('+1 x 1M', () => new vm.Script('1' + '+1'.repeat(1000000)).runInThisContext());
