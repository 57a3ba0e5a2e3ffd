require('./support.js')('let head = null; for (;;) head = { next: head, pad: [1, 2, 3, 4] };');
