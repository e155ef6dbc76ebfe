/*
 * Quick exit, where JavaScript runs: the link (which works without JavaScript too) and Shift pressed three times
 * replace this page in the browser's history with a neutral site, so that Back does not return here.
 * Written for old browsers: no arrow functions, no modules.
 */
(function () {
    'use strict';
    var link = document.getElementById('quick-exit');
    if (!link) {
        return;
    }
    var destination = link.getAttribute('href');
    var shiftPresses = [];

    function leave(event) {
        if (event) {
            event.preventDefault();
        }
        document.body.style.visibility = 'hidden';
        window.location.replace(destination);
    }

    link.addEventListener('click', leave);
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Shift') {
            // Typing capitals presses Shift too: any other key in between starts the count again.
            shiftPresses = [];
            return;
        }
        if (event.repeat) {
            return;
        }
        var now = Date.now();
        shiftPresses = shiftPresses.filter(function (time) { return now - time < 1500; });
        shiftPresses.push(now);
        if (shiftPresses.length >= 3) {
            leave();
        }
    });

    var onlyWithScript = document.querySelectorAll('[data-js-only]');
    for (var i = 0; i < onlyWithScript.length; i++) {
        onlyWithScript[i].hidden = false;
    }
})();
