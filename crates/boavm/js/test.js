'use strict';
// Builtin name: 'test'
//
// A small `node:test`: `test(name[, options], fn)` (also `it`), `describe` (also `suite`),
// run one after another; a test passes when `fn` returns (or its promise resolves) and fails
// when it throws (or rejects). Results print in TAP form like Node's default reporter in
// non-TTY mode, and a failure sets `process.exitCode = 1`. Subtests (`t.test`), hooks,
// mocking and reporters beyond this are not provided.

const {
  ArrayPrototypeJoin, ArrayPrototypePush, ArrayPrototypeShift, Promise, String, StringPrototypeSplit,
  promiseThen, resolvedPromise,
} = require('internal/primordials');
const { inspect } = require('util');

const queue = [];
let running = false;
let counter = 0;
let failed = 0;

function normalize(name, options, fn) {
  if (typeof name === 'function') return { name: name.name || '<anonymous>', fn: name, options: {} };
  if (typeof options === 'function') return { name: String(name), fn: options, options: {} };
  return { name: String(name), fn, options: options || {} };
}

function report(ok, name, error) {
  counter++;
  if (ok) {
    process.stdout.write(`ok ${counter} - ${name}\n`);
  } else {
    failed++;
    process.exitCode = 1;
    process.stdout.write(`not ok ${counter} - ${name}\n`);
    const text = ArrayPrototypeJoin(StringPrototypeSplit(inspect(error), '\n'), '\n  ');
    process.stdout.write(`  ---\n  error: ${text}\n  ...\n`);
  }
}

async function drain() {
  if (running) return;
  running = true;
  while (queue.length > 0) {
    const { name, fn, options } = ArrayPrototypeShift(queue);
    if (options.skip || options.todo) {
      counter++;
      process.stdout.write(`ok ${counter} - ${name} # ${options.skip ? 'SKIP' : 'TODO'}\n`);
      continue;
    }
    try {
      await fn({ name, diagnostic() {}, skip() {}, todo() {} });
      report(true, name);
    } catch (err) {
      report(false, name, err);
    }
  }
  running = false;
}

function test(name, options, fn) {
  const t = normalize(name, options, fn);
  return new Promise((resolve) => {
    ArrayPrototypePush(queue, { ...t, fn: async (ctx) => { try { await t.fn(ctx); } finally { resolve(); } } });
    promiseThen(resolvedPromise(), drain);
  });
}

function describe(name, options, fn) {
  const t = normalize(name, options, fn);
  t.fn();
  return resolvedPromise();
}

test.test = test;
test.it = test;
test.describe = describe;
test.suite = describe;
test.skip = (name, options, fn) => test(name, { ...(typeof options === 'object' ? options : {}), skip: true }, typeof options === 'function' ? options : fn);

module.exports = test;
