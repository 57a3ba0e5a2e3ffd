// Intl.RelativeTimeFormat (Boa 0.22 has none: a known failure, see known-failures.txt).
const show = (label, f) => { try { console.log(label, JSON.stringify(f())); } catch (e) { console.log(label, 'threw', e.name); } };
show('typeof', () => typeof Intl.RelativeTimeFormat);
show('rtf en', () => new Intl.RelativeTimeFormat('en').format(-1, 'day'));
show('rtf en auto', () => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(-1, 'day'));
show('rtf en future', () => new Intl.RelativeTimeFormat('en').format(3, 'hours'));
show('rtf de', () => new Intl.RelativeTimeFormat('de').format(2, 'week'));
show('rtf de auto', () => new Intl.RelativeTimeFormat('de', { numeric: 'auto' }).format(1, 'day'));
show('rtf es', () => new Intl.RelativeTimeFormat('es').format(-5, 'minute'));
show('rtf bad unit', () => new Intl.RelativeTimeFormat('en').format(1, 'fortnight'));
show('in context', () => require('vm').runInNewContext('Intl.RelativeTimeFormat.prototype') !== Intl.RelativeTimeFormat.prototype);
