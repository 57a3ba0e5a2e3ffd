require('./support.js')('const fs = []; for (let i = 0; ; i++) { const v = [i, i + 1]; fs.push(() => v); }');
