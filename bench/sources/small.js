var x = (typeof x === 'number' ? x : 0) + 1; x * 2
