'use strict';

// `../common/fixtures` for the boavm conformance shim: locates files under
// the corpus' `fixtures/` folder, which sits next to this `common/` folder.
// Uses no `path`/`url` modules (boavm does not provide them).

const sep = '/';

function dirnameOf(file) {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '.' : (i === 0 ? '/' : file.slice(0, i));
}

const commonDir = typeof __dirname === 'string' ? __dirname :
  (typeof __filename === 'string' ? dirnameOf(__filename) : 'common');

// Collapses '.', '..' and duplicate separators.
function normalize(p) {
  const absolute = p.startsWith('/');
  const out = [];
  for (const part of p.split(/[\\/]+/)) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join(sep);
  return absolute ? sep + joined : (joined || '.');
}

const fixturesDir = normalize(`${commonDir}${sep}..${sep}fixtures`);

function fixturesPath(...args) {
  return normalize([fixturesDir, ...args].join(sep));
}

function encodePathForURL(p) {
  return p.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D').replace(/\t/g, '%09').replace(/#/g, '%23')
    .replace(/\?/g, '%3F');
}

// Minimal stand-in when the host has no URL class.
function plainFileURL(href, pathname) {
  return {
    href,
    protocol: 'file:',
    pathname,
    toString() { return href; },
    toJSON() { return href; },
  };
}

function fixturesFileURL(...args) {
  const p = fixturesPath(...args);
  const pathname = encodePathForURL(p.startsWith('/') ? p : `/${p}`);
  const href = `file://${pathname}`;
  if (typeof URL === 'function') return new URL(href);
  return plainFileURL(href, pathname);
}

module.exports = {
  fixturesDir,
  path: fixturesPath,
  fileURL: fixturesFileURL,
};
