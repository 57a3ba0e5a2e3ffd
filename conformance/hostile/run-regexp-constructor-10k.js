const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('new RegExp 10k alternatives', () => new RegExp(Array.from({ length: 10000 }, (_, i) => 'a' + i).join('|')).test('a9999'));
