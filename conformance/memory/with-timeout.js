// The memory limit wins over a long timeout.
require('./support.js')('const a = []; for (;;) a.push({ x: [1, 2, 3] });', { run: { timeout: 60000 } });
