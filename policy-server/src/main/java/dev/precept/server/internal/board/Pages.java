package dev.precept.server.internal.board;

/** The reading room's HTML: one plain, tablet-friendly layout; every value from a file is escaped. */
final class Pages {
  private Pages() {}

  static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;font-size:1.15rem;line-height:1.55;margin:0;color:#1b1b1b;background:#fafaf7}
      main{max-width:46rem;margin:0 auto;padding:1.25rem}
      h1{font-size:1.6rem;line-height:1.25}h2{font-size:1.25rem;margin-top:2rem}
      nav ul{list-style:none;padding:0}nav li{margin:.5rem 0}
      nav a,button{display:block;padding:.9rem 1rem;border-radius:.5rem;font-size:1.1rem;text-align:left;width:100%;box-sizing:border-box}
      nav a{background:#fff;border:1px solid #c9c9c0;color:#0b3d91;text-decoration:none}
      button{background:#0b3d91;color:#fff;border:0;cursor:pointer;text-align:center;margin-top:1rem}
      table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.5rem;text-align:left;vertical-align:top}
      label{display:block;padding:.6rem 0}textarea{width:100%;min-height:5rem;font-size:1rem}
      .note{background:#fff8e1;border-left:4px solid #e0a800;padding:.75rem 1rem}
      .done{background:#e8f5e9;border-left:4px solid #2e7d32;padding:.75rem 1rem}
      .refused{background:#fdecea;border-left:4px solid #c62828;padding:.75rem 1rem}
      small{color:#555}
      [hidden]{display:none !important}
      """;

  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title><style>" + CSS + "</style></head><body><main>\n" + body + "\n</main></body></html>\n";
  }

  /** Text as HTML: {@code & < > " '} escaped, as on every page of the server. */
  static String esc(String text) {
    return dev.precept.server.internal.Html.text(text);
  }

  /** The browser side of the two passkey ceremonies: options from the server, the authenticator, the answer back. */
  static final String SCRIPT = """
      <script>
      const b64 = {
        toBytes: s => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((s.length + 3) % 4)), c => c.charCodeAt(0)),
        of: buf => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '')
      };
      function say(text, kind) { const el = document.getElementById('outcome'); el.className = kind; el.textContent = text; }
      function done(answer) {
        say(answer.message, 'done');
        if (answer.status) { document.getElementById('who-has-decided').innerHTML = answer.status; }
      }
      class Told extends Error {}
      async function post(path, body) {
        let response, json;
        try {
          response = await fetch(location.pathname + '/' + path, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body || {})});
          json = await response.json();
        } catch (e) {
          throw new Told('The server could not be reached, so nothing was recorded. Check your connection and try again.');
        }
        if (!response.ok) { throw new Told(json.message); }
        return json;
      }
      function failure(e, step, button) {
        if (e instanceof Told) { return e.message; }
        if (e.name === 'NotAllowedError' || e.name === 'AbortError') {
          return step + ': your device did not use your passkey (it was cancelled, or took too long). Press \u201c' + button + '\u201d to try again.';
        }
        if (e.name === 'SecurityError') {
          return step + ': this page\\u2019s address is not the one the server\\u2019s passkeys are set up for. Open the link exactly as the secretary sent it, or tell the secretary.';
        }
        return step + ': your device could not use a passkey here (' + e.name + '). Try again, or tell the secretary.';
      }
      function passkeysWork() {
        if (!window.isSecureContext) {
          say('Passkeys work only on a secure (https) address, and this page was not opened on one. Nothing was recorded: tell the secretary.', 'refused');
          return false;
        }
        if (window.PublicKeyCredential && navigator.credentials) { return true; }
        say('This browser cannot use passkeys. Open your link in an up-to-date Safari, Chrome, Edge or Firefox.', 'refused');
        return false;
      }
      async function enrol() {
        if (!passkeysWork()) { return; }
        try {
          const o = await post('enrol/options');
          const credential = await navigator.credentials.create({publicKey: {
            challenge: b64.toBytes(o.challenge), rp: {id: o.rpId, name: o.rpName},
            user: {id: b64.toBytes(o.userId), name: o.userName, displayName: o.userName},
            pubKeyCredParams: [{type: 'public-key', alg: -7}, {type: 'public-key', alg: -8}, {type: 'public-key', alg: -257}],
            authenticatorSelection: {residentKey: 'preferred', userVerification: 'required'}, attestation: 'none', timeout: 120000}});
          const answer = await post('enrol', {clientDataJSON: b64.of(credential.response.clientDataJSON),
            attestationObject: b64.of(credential.response.attestationObject)});
          done(answer); document.getElementById('enrol').hidden = true;
        } catch (e) { say(failure(e, 'Your passkey was not registered', 'Register my passkey'), 'refused'); }
      }
      async function decide() {
        const choice = document.querySelector('input[name=decision]:checked');
        if (!choice) { say('Choose your decision first.', 'refused'); return; }
        if (!passkeysWork()) { return; }
        try {
          const o = await post('decide/options', {decision: choice.value, comment: document.getElementById('comment').value});
          const assertion = await navigator.credentials.get({publicKey: {challenge: b64.toBytes(o.challenge), rpId: o.rpId,
            allowCredentials: o.allowCredentials.map(id => ({type: 'public-key', id: b64.toBytes(id)})), userVerification: 'required', timeout: 120000}});
          const answer = await post('decide', {credentialId: b64.of(assertion.rawId), authenticatorData: b64.of(assertion.response.authenticatorData),
            clientDataJSON: b64.of(assertion.response.clientDataJSON), signature: b64.of(assertion.response.signature)});
          done(answer); document.getElementById('decide').hidden = true;
        } catch (e) { say(failure(e, 'Your decision was not recorded', 'Sign my decision with my passkey'), 'refused'); }
      }
      </script>
      """;
}
