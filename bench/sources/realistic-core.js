var lib = (function () {
  'use strict';
  var filters = {};
  function escape(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;';
    });
  }
  function tokenize(src) {
    var out = [], i = 0;
    while (i < src.length) {
      var open = src.indexOf('{{', i);
      if (open < 0) { out.push({ t: 'text', v: src.slice(i) }); break; }
      if (open > i) out.push({ t: 'text', v: src.slice(i, open) });
      var close = src.indexOf('}}', open);
      var tag = src.slice(open + 2, close).trim();
      if (tag[0] === '#') out.push({ t: 'open', v: tag.slice(1).split(' ') });
      else if (tag[0] === '/') out.push({ t: 'close', v: tag.slice(1) });
      else out.push({ t: 'var', v: tag.split('|').map(function (p) { return p.trim(); }) });
      i = close + 2;
    }
    return out;
  }
  function parse(tokens) {
    var root = [], stack = [root];
    for (var k = 0; k < tokens.length; k++) {
      var tk = tokens[k], top = stack[stack.length - 1];
      if (tk.t === 'open') {
        var node = { t: tk.v[0], arg: tk.v[1], body: [] };
        top.push(node);
        stack.push(node.body);
      } else if (tk.t === 'close') stack.pop();
      else top.push(tk);
    }
    return root;
  }
  function lookup(scope, path) {
    var parts = path.split('.'), v = scope;
    for (var i = 0; i < parts.length && v != null; i++) v = v[parts[i]];
    return v;
  }
  function render(nodes, scope) {
    var out = '';
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      if (n.t === 'text') out += n.v;
      else if (n.t === 'var') {
        var v = lookup(scope, n.v[0]);
        for (var f = 1; f < n.v.length; f++) v = filters[n.v[f]](v);
        out += escape(v == null ? '' : v);
      } else if (n.t === 'each') {
        var list = lookup(scope, n.arg) || [];
        for (var j = 0; j < list.length; j++) out += render(n.body, Object.assign({}, scope, list[j], { '@index': j }));
      } else if (n.t === 'if') {
        if (lookup(scope, n.arg)) out += render(n.body, scope);
      }
    }
    return out;
  }
  var cache = new Map();
  function compile(src) {
    var c = cache.get(src);
    if (!c) { c = parse(tokenize(src)); cache.set(src, c); }
    return function (data) { return render(c, data); };
  }
  function parseCsv(text) {
    var rows = [], lines = text.split('\n'), head = lines[0].split(',');
    for (var i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      var cells = lines[i].split(','), row = {};
      for (var j = 0; j < head.length; j++) row[head[j]] = /^-?\d+(\.\d+)?$/.test(cells[j]) ? Number(cells[j]) : cells[j];
      rows.push(row);
    }
    return rows;
  }
  return { filters: filters, compile: compile, parseCsv: parseCsv, escape: escape, plugins: {} };
})();
lib.filters.upper = function (s) { return String(s).toUpperCase(); };
lib.filters.fixed = function (n) { return Number(n).toFixed(2); };
