// The sandbox (a host-side object) grows: writes go through the contextified global.
require('./support.js')('for (let i = 0; ; i++) globalThis["k" + i] = "v".repeat(100) + i;');
