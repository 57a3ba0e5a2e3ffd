(() => {
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2) }
let objs = [];
for (let i = 0; i < 2000; i++) objs.push({ i, s: String(i) });
let total = 0;
for (const o of objs) total += o.i + o.s.length;
return fib(18) + total;
})()
