const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('! x 10k', () => new vm.Script('!'.repeat(10000) + '1').runInThisContext());
