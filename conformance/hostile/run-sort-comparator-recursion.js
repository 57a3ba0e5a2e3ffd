const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
outcome('sort comparator recursion', () => { const a = [3, 1, 2]; const cmp = (x, y) => (a.slice().sort(cmp), x - y); return a.sort(cmp); });
