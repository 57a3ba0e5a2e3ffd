const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('template 1000', () => new vm.Script('`${'.repeat(1000) + '1' + '}`'.repeat(1000)).runInThisContext());
