// Import attributes in boavm's ES module loader: JSON needs { type: 'json' }, which is for JSON only.
import data from './support/attr-data.json' with { type: 'json' };
console.log('static', JSON.stringify(data));
try { await import('./support/attr-data.json'); } catch (e) { console.log(e.name, e.code, e.message.replace(/file:\/\/\S+\//, 'file:///X/')); }
try { await import('./support/attr-data.json', { with: { type: 'css' } }); } catch (e) { console.log(e.name, e.code); }
try { await import('./support/attr-helper.mjs', { with: { type: 'json' } }); } catch (e) { console.log(e.name, e.code, e.message.replace(/file:\/\/\S+\//, 'file:///X/')); }
const j = await import('./support/attr-data.json', { with: { type: 'json' } }); console.log('dynamic', JSON.stringify(j.default));
try { await import('./support/attr-data.json', { with: { type: 'css' } }); } catch (e) { console.log(e.name, e.code, e.message); }
try { await import('./support/attr-helper.mjs', { with: { type: 'css' } }); } catch (e) { console.log(e.name, e.code, e.message); }
