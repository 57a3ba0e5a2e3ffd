// Intl.PluralRules and Intl.ListFormat with explicit locales.
const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.name); } };
const nums = [0, 1, 2, 3, 5, 11, 21, 22, 100, 1.5];
show('en cardinal', () => nums.map(n => new Intl.PluralRules('en').select(n)));
show('en ordinal', () => nums.map(n => new Intl.PluralRules('en', { type: 'ordinal' }).select(n)));
show('ru', () => nums.map(n => new Intl.PluralRules('ru').select(n)));
show('ar', () => nums.map(n => new Intl.PluralRules('ar').select(n)));
show('ja', () => nums.map(n => new Intl.PluralRules('ja').select(n)));
show('plural resolved', () => { const o = new Intl.PluralRules('en', { type: 'ordinal' }).resolvedOptions(); return [o.locale, o.type]; });
show('list en', () => new Intl.ListFormat('en', { type: 'conjunction' }).format(['a', 'b', 'c']));
show('list en or', () => new Intl.ListFormat('en', { type: 'disjunction' }).format(['a', 'b', 'c']));
show('list de', () => new Intl.ListFormat('de').format(['Äpfel', 'Birnen', 'Kirschen']));
show('list two', () => new Intl.ListFormat('en').format(['x', 'y']));
show('list one', () => new Intl.ListFormat('en').format(['x']));
show('list empty', () => new Intl.ListFormat('en').format([]));
show('list unit', () => new Intl.ListFormat('en', { type: 'unit', style: 'narrow' }).format(['1', '2', '3']));
show('list parts', () => new Intl.ListFormat('en').formatToParts(['a', 'b']));
show('list bad', () => new Intl.ListFormat('en').format([1, 2]));
show('tags', () => [new Intl.PluralRules(), new Intl.ListFormat()].map(o => Object.prototype.toString.call(o)));
