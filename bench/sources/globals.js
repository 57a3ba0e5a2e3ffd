(function () { for (let i = 0; i < 10000; i++) { g = g + 1; } return g; })()
