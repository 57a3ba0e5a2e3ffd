const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('eval in context', () => vm.runInNewContext('eval(s)', { s: '('.repeat(100000) + '1' + ')'.repeat(100000) }));
