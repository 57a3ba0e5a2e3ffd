const vm = require('node:vm');
const { outcome, survives } = require('./support/harness');
let p = Promise.resolve(0); for (let i = 0; i < 100000; i++) p = p.then(x => x + 1); p.then(v => console.log('then chain', v));
