(function () {
  var tpl = lib.compile('<ul>{{#each rows}}<li class="{{kind}}">{{name | upper}}: {{price | fixed}}{{#if hot}} (hot){{/if}}</li>{{/each}}</ul>');
  var csv = 'id,name,price,kind\n';
  for (var i = 0; i < 200; i++) csv += i + ',item' + i + ',' + (i * 1.25) + ',k' + (i % 4) + '\n';
  var rows = lib.parseCsv(csv);
  for (var r = 0; r < rows.length; r++) rows[r].hot = rows[r].price > 200;
  var html = tpl({ rows: rows });
  var store = new lib.plugins.p7.Store('s');
  rows.forEach(function (row) { store.add(row); });
  return html.length + store.size + lib.plugins.p3.format(rows[5]).length + lib.plugins.p11.normalize(' AB ').length;
})()
