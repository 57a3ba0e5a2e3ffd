const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
survives('toString recursion', () => { const o = {}; o.toString = () => String(o); return String(o); });
