'use strict';
// Shows the "wrong token" line after a failed sign-in (the server redirects to ?failed=1).
if (new URLSearchParams(location.search).has('failed')) {
  document.getElementById('login-failed').hidden = false;
}
