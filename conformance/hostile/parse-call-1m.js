const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
survives('() x 1M', () => new vm.Script('f = () => f; f' + '()'.repeat(1000000)));
