// Intl.NumberFormat and Number/BigInt toLocaleString with explicit locales.
const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.name); } };
show('de-DE', () => new Intl.NumberFormat('de-DE').format(1234.5));
show('en-US', () => new Intl.NumberFormat('en-US').format(1234567.891));
show('en-IN', () => new Intl.NumberFormat('en-IN').format(1234567.891));
show('rounding', () => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(2.5));
show('min fraction', () => new Intl.NumberFormat('en-US', { minimumFractionDigits: 3 }).format(1.5));
show('sig digits', () => new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(123456));
show('grouping off', () => new Intl.NumberFormat('en-US', { useGrouping: false }).format(1234567));
show('negative zero', () => new Intl.NumberFormat('en-US').format(-0));
show('bad currency', () => new Intl.NumberFormat('en-US', { style: 'currency' }));
show('bad style', () => new Intl.NumberFormat('en-US', { style: 'bogus' }));
show('options', () => {
  const o = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).resolvedOptions();
  return [o.numberingSystem, o.style, o.minimumIntegerDigits, o.minimumFractionDigits, o.maximumFractionDigits];
});
show('supported', () => Intl.NumberFormat.supportedLocalesOf(['de-DE', 'en-US']));
show('toLocaleString de', () => (1234.5).toLocaleString('de-DE'));
show('toLocaleString en', () => (1234567.891).toLocaleString('en-US'));
show('bigint', () => (12345678901234567890n).toLocaleString('en-US'));
show('bigint de', () => (1234567n).toLocaleString('de-DE'));
show('format bound', () => { const f = new Intl.NumberFormat('en-US').format; return [1, 22, 333333].map(f); });
show('tag', () => Object.prototype.toString.call(new Intl.NumberFormat()));
