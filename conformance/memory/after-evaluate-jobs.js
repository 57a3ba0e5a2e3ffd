require('./support.js')(
  'const keep = []; (function go() { keep.push(new Array(1e4).fill(keep.length)); Promise.resolve().then(go); })();',
  { run: { microtaskMode: 'afterEvaluate' } },
);
