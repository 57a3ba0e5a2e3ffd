'use strict';

// `../common/measure-memory` for the boavm conformance shim: shape checks for
// the objects that vm.measureMemory() resolves to, and the expected
// experimental-feature warning.
//
//   summary:  { total: Estimate }
//   detailed: { total: Estimate, current: Estimate, other: Estimate[] }
//   Estimate: { jsMemoryEstimate: n, jsMemoryRange: [lo, hi] }, lo <= n <= hi

const assert = require('assert');
const common = require('./index.js');

function assertEstimateShape(estimate, label) {
  assert.strictEqual(typeof estimate, 'object', `${label} must be an object`);
  assert.notStrictEqual(estimate, null, `${label} must not be null`);
  const { jsMemoryEstimate, jsMemoryRange } = estimate;
  assert.strictEqual(typeof jsMemoryEstimate, 'number',
                     `${label}.jsMemoryEstimate must be a number`);
  assert(Number.isFinite(jsMemoryEstimate) && jsMemoryEstimate >= 0,
         `${label}.jsMemoryEstimate must be a non-negative finite number`);
  assert(Array.isArray(jsMemoryRange), `${label}.jsMemoryRange must be an array`);
  assert.strictEqual(jsMemoryRange.length, 2, `${label}.jsMemoryRange must have 2 items`);
  const [lo, hi] = jsMemoryRange;
  assert.strictEqual(typeof lo, 'number', `${label}.jsMemoryRange[0] must be a number`);
  assert.strictEqual(typeof hi, 'number', `${label}.jsMemoryRange[1] must be a number`);
  assert(lo <= jsMemoryEstimate && jsMemoryEstimate <= hi,
         `${label}: expected ${lo} <= ${jsMemoryEstimate} <= ${hi}`);
}

// Checks `result.total`; extra properties (current/other) are allowed, as a
// lazily-executed detailed request may resolve to either shape.
function assertSummaryShape(result) {
  assert.strictEqual(typeof result, 'object', 'result must be an object');
  assert.notStrictEqual(result, null, 'result must not be null');
  assertEstimateShape(result.total, 'result.total');
}

// Checks a detailed result whose `other` lists exactly `otherContexts`
// contexts besides the current one.
function assertDetailedShape(result, otherContexts = 0) {
  assertSummaryShape(result);
  assertEstimateShape(result.current, 'result.current');
  assert(Array.isArray(result.other), 'result.other must be an array');
  assert.strictEqual(result.other.length, otherContexts,
                     `result.other must list ${otherContexts} context(s)`);
  result.other.forEach((e, i) => assertEstimateShape(e, `result.other[${i}]`));
}

// A detailed result measured when only the current context exists.
function assertSingleDetailedShape(result) {
  assertDetailedShape(result, 0);
}

function expectExperimentalWarning() {
  common.expectWarning('ExperimentalWarning',
                       'vm.measureMemory is an experimental feature and might change at any time');
}

module.exports = {
  assertSummaryShape,
  assertDetailedShape,
  assertSingleDetailedShape,
  expectExperimentalWarning,
};
