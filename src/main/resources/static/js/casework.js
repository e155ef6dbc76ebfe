// Keyboard shortcuts for the queue and the report page: one key, no modifier, never while typing in a field.
// Every action they trigger is an ordinary button or field on the page, which works without this file.
(function () {
    'use strict';

    // Keys typed into a text field or a list are the field's; a checkbox, radio button or button takes no letters.
    function typing(target) {
        var tag = target && target.tagName;
        if (tag === 'INPUT') {
            return !/^(checkbox|radio|button|submit|reset|image|file|range|color)$/.test(target.type);
        }
        return tag === 'TEXTAREA' || tag === 'SELECT' || (target && target.isContentEditable);
    }

    function click(selector) {
        var element = document.querySelector(selector);
        if (element) {
            element.click();
            return true;
        }
        return false;
    }

    function focus(selector) {
        var element = document.querySelector(selector);
        if (element) {
            element.focus();
            return true;
        }
        return false;
    }

    document.addEventListener('keydown', function (event) {
        if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
            return;
        }
        var key = event.key;
        var done = false;
        if (key === 't') {
            done = click('[data-shortcut="t"]') || (document.getElementById('take-next') ? (document.getElementById('take-next').submit(), true) : false);
        } else if (key === 'c' || key === 's') {
            done = click('[data-shortcut="' + key + '"]');
        } else if (key === 'r' || key === 'n' || key === 'x') {
            done = focus('[data-shortcut-focus="' + key + '"]');
        } else if (key === 'a') {
            var boxes = document.querySelectorAll('.item-select');
            var all = Array.prototype.every.call(boxes, function (box) { return box.checked; });
            Array.prototype.forEach.call(boxes, function (box) { box.checked = !all; });
            done = boxes.length > 0;
        } else if (/^[1-6]$/.test(key)) {
            var choice = document.querySelector('[data-outcome-key="' + key + '"]');
            if (choice) {
                choice.checked = true;
                choice.focus();
                done = true;
            }
        } else if (key === '?') {
            var list = document.getElementById('shortcuts');
            if (list) {
                list.open = true;
                list.querySelector('summary').focus();
                done = true;
            }
        }
        if (done) {
            event.preventDefault();
        }
    });
}());
