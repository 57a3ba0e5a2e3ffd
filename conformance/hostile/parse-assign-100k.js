const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('a= x 100k', () => new vm.Script('var a; ' + 'a='.repeat(100000) + '1'));
