const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('paren 1500', () => new vm.Script('('.repeat(1500) + '1' + ')'.repeat(1500)).runInThisContext());
