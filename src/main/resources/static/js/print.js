/* The "Print it" button next to the receipt, where JavaScript runs; without it, the browser's own print works. */
(function () {
    'use strict';
    var buttons = document.querySelectorAll('[data-print]');
    for (var i = 0; i < buttons.length; i++) {
        buttons[i].addEventListener('click', function () { window.print(); });
    }
})();
