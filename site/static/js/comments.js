/*
 * Comment form: a live "noch N Zeichen" counter under the comment textarea.
 *
 * Progressive enhancement only. Without JavaScript the help text names the
 * limit and the textarea's maxlength enforces it. The template renders the
 * counter hidden, with its wording (translated) in data-template; "{n}" is
 * replaced by the characters left. The visible counter follows every
 * keystroke; screen readers hear the count from a separate polite live
 * region only after a pause in typing, so they are not interrupted at every
 * character. Loaded with <script defer> (CSP: no inline script).
 */
(function () {
    "use strict";

    var ANNOUNCE_DELAY = 1200;
    var LOW_SHARE = 0.1;

    function setUp(textarea) {
        var counter = document.getElementById(textarea.id + "_counter");
        var status = document.getElementById(textarea.id + "_counter_status");
        var limit = parseInt(textarea.getAttribute("maxlength"), 10);
        if (!counter || !limit) {
            return;
        }
        var template = counter.getAttribute("data-template") || "{n}";
        var timer = null;

        function message() {
            var left = Math.max(limit - textarea.value.length, 0);
            return {
                left: left,
                text: template.replace("{n}", String(left)),
            };
        }

        function update() {
            var current = message();
            counter.textContent = current.text;
            counter.classList.toggle("form-field__counter--low", current.left <= limit * LOW_SHARE);
            if (status) {
                window.clearTimeout(timer);
                timer = window.setTimeout(function () {
                    status.textContent = current.text;
                }, ANNOUNCE_DELAY);
            }
        }

        counter.textContent = message().text;
        counter.hidden = false;
        textarea.addEventListener("input", update);
    }

    var fields = document.querySelectorAll("textarea[data-counter][maxlength]");
    Array.prototype.forEach.call(fields, setUp);
})();
