const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('() x 3000', () => typeof new vm.Script('f = () => f; f' + '()'.repeat(3000)).runInThisContext());
