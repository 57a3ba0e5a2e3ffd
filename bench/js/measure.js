'use strict';
// The timing loop of the JavaScript benchmarks (bench/js/vm-api.js under node and boavm,
// bench/node/workloads.js under node): runs `fn` (after an untimed `setup`) until `minMs` of
// timed work passed, after `warmup` untimed runs; returns nanoseconds per operation.
module.exports = function nsPerOp(fn, { setup = () => undefined, minMs = 1500, warmup = 20 } = {}) {
  for (let i = 0; i < warmup; i++) fn(setup(), i);
  let iters = 0;
  let spent = 0n;
  while (spent < BigInt(minMs) * 1000000n) {
    const input = setup();
    const start = process.hrtime.bigint();
    fn(input, iters++);
    spent += process.hrtime.bigint() - start;
  }
  return Number(spent) / iters;
};
