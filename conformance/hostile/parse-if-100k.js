const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('if x 100k', () => new vm.Script('if (1)'.repeat(100000) + ';'));
