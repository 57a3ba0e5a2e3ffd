const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('paren 400', () => new vm.Script('('.repeat(400) + '1' + ')'.repeat(400)).runInThisContext());
