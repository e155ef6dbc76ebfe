// Staff sessions end after 30 minutes without a request. Five minutes before, say so and offer to stay signed in;
// without JavaScript the rule is written in the footer.
(function () {
    'use strict';
    var IDLE_MS = 30 * 60 * 1000;
    var WARN_BEFORE_MS = 5 * 60 * 1000;
    var warning = document.querySelector('[data-session-warning]');
    var keep = document.querySelector('[data-session-keep]');
    if (!warning || !keep) {
        return;
    }
    var timer;
    function schedule() {
        clearTimeout(timer);
        warning.hidden = true;
        timer = setTimeout(function () { warning.hidden = false; keep.focus(); }, IDLE_MS - WARN_BEFORE_MS);
    }
    keep.addEventListener('click', function () {
        fetch('/staff/session', { credentials: 'same-origin', cache: 'no-store' }).then(function (response) {
            if (response.ok) {
                schedule();
            } else {
                window.location.assign('/staff/login');
            }
        });
    });
    schedule();
}());
