// google.script.run and google.script.host for a sidebar or dialog shown in the preview: calls go to the emulator through the preview server.
'use strict';
(function () {
  function post(message) {
    if (window.parent && window.parent !== window) window.parent.postMessage(message, location.origin);
  }

  // As in Apps Script: every with… call returns a new runner, the call itself returns nothing, and the handlers run
  // later, with the JSON result (or an Error) and the user object.
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get(_target, name) {
        if (name === 'withSuccessHandler') return (f) => runner(f, failure, userObject);
        if (name === 'withFailureHandler') return (f) => runner(success, f, userObject);
        if (name === 'withUserObject') return (o) => runner(success, failure, o);
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function (...args) {
          fetch('/api/script-run', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ fn: name, args }) })
            .then((res) => res.json())
            .then((outcome) => {
              const result = outcome.value;
              if (result && result.ok) {
                if (success) success(result.value, userObject);
              } else {
                const error = new Error(result ? result.error : outcome.error || '调用失败');
                if (failure) failure(error, userObject);
                else console.error(error);
              }
              post({ type: 'eco-ledger:ran', outcome: { ...outcome, value: undefined } });
            })
            .catch((e) => {
              if (failure) failure(e instanceof Error ? e : new Error(String(e)), userObject);
            });
        };
      },
    });
  }

  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: () => post({ type: 'eco-ledger:close' }),
        setHeight: () => undefined,
        setWidth: () => undefined,
        editor: { focus: () => undefined },
        origin: location.origin,
      },
    },
  };
})();
