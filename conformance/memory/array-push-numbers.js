require('./support.js')('const a = []; for (let i = 0; ; i++) a.push(i * 1.5);');
