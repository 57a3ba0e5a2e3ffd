const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('module array 100k', () => new vm.SourceTextModule('['.repeat(100000) + ']'.repeat(100000)));
