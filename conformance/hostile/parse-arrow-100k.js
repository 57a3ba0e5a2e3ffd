const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('x=> x 100k', () => new vm.Script('x=>'.repeat(100000) + '1'));
