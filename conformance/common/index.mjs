// ESM entry of the boavm conformance `common` shim (used by
// parallel/test-vm-module-referrer-realm.mjs). It re-exports the CommonJS
// implementation in ./index.js so both entry points share one state
// (one set of mustCall counters and one exit check).

import common from './index.js';

export const {
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  expectsError,
  expectWarning,
  warningsSupported,
  allowGlobals,
  leakedGlobals,
  invalidArgTypeHelper,
  platformTimeout,
  skip,
  printSkipMessage,
  getArrayBufferViews,
  mustNotMutateObjectDeep,
  getCallSite,
  isWindows,
  isLinux,
  isMacOS,
  isOSX,
  isSunOS,
  isFreeBSD,
  isOpenBSD,
  isAIX,
  isIBMi,
  isASan,
  isDebug,
  isMainThread,
  canCreateSymLink,
  hasIntl,
  hasCrypto,
} = common;

export default common;
