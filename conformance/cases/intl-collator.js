// Intl.Collator and String.prototype.localeCompare with explicit locales.
const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.name); } };
const words = ['zebra', 'Äpfel', 'apple', 'Zürich', 'éclair', 'Eclair', 'banana', 'ångström'];
show('de sort', () => [...words].sort(new Intl.Collator('de').compare));
show('sv sort', () => [...words].sort(new Intl.Collator('sv').compare));
show('en sort', () => [...words].sort(new Intl.Collator('en').compare));
show('numeric', () => ['item10', 'item2', 'item1'].sort(new Intl.Collator('en', { numeric: true }).compare));
show('not numeric', () => ['item10', 'item2', 'item1'].sort(new Intl.Collator('en').compare));
show('base', () => new Intl.Collator('en', { sensitivity: 'base' }).compare('a', 'Á'));
show('accent', () => new Intl.Collator('en', { sensitivity: 'accent' }).compare('a', 'Á'));
show('case', () => new Intl.Collator('en', { sensitivity: 'case' }).compare('a', 'A'));
show('upper first', () => ['a', 'A', 'b', 'B'].sort(new Intl.Collator('en', { caseFirst: 'upper' }).compare));
show('localeCompare', () => ['a'.localeCompare('b', 'en'), 'b'.localeCompare('a', 'en'), 'a'.localeCompare('a', 'en')]);
show('localeCompare de', () => 'ä'.localeCompare('z', 'de'));
show('localeCompare sv', () => 'ä'.localeCompare('z', 'sv'));
show('localeCompare opts', () => 'résumé'.localeCompare('RESUME', 'en', { sensitivity: 'base' }));
show('resolved', () => { const o = new Intl.Collator('de', { numeric: true }).resolvedOptions(); return [o.locale, o.usage, o.sensitivity, o.numeric]; });
show('tag', () => Object.prototype.toString.call(new Intl.Collator('en')));
