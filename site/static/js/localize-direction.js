/*
 * Language and writing direction in wagtail-localize's translation editor
 * (its issue 197): the editor renders every field without lang or dir, so
 * Arabic and Persian are typed and shown left to right in a German admin.
 *
 * The editor is a React component mounted on .js-translation-editor; its
 * props (JSON in data-props) name the source and target locale. This script
 * marks what the translator types and reads in the target language -- the
 * text fields and the translated strings -- with lang and dir, and the
 * German source strings with theirs, and keeps doing so while React renders
 * fields (a MutationObserver: an edit box appears only after "Übersetzen").
 * Loaded by the insert_editor_js hook (home/wagtail_hooks.py), which lists
 * the right-to-left languages in data-rtl-languages.
 */
(function () {
    "use strict";

    var script = document.currentScript;
    var rtlLanguages = ((script && script.getAttribute("data-rtl-languages")) || "")
        .split(/\s+/)
        .filter(Boolean);

    function direction(code) {
        var base = (code || "").split("-")[0].toLowerCase();
        return rtlLanguages.indexOf(base) === -1 ? "ltr" : "rtl";
    }

    function mark(element, code, dir) {
        if (!code) {
            return;
        }
        // Only write on change: the observer ignores attributes, but React
        // should not see needless DOM writes either.
        if (element.getAttribute("lang") !== code) {
            element.setAttribute("lang", code);
        }
        if (element.getAttribute("dir") !== dir) {
            element.setAttribute("dir", dir);
        }
    }

    var TYPING = "textarea, input[type='text'], input:not([type]), [contenteditable]:not([contenteditable='false'])";

    function start() {
        var editor = document.querySelector(".js-translation-editor[data-props]");
        if (!editor) {
            return; // another editor view: not wagtail-localize's translation editor
        }
        var props;
        try {
            props = JSON.parse(editor.getAttribute("data-props"));
        } catch (error) {
            return;
        }
        var target = props.locale && props.locale.code;
        var source = props.sourceLocale && props.sourceLocale.code;
        if (!target) {
            return;
        }
        var targetDir = direction(target);
        var sourceDir = direction(source);
        editor.setAttribute("data-target-lang", target);
        editor.setAttribute("data-target-dir", targetDir);

        function apply() {
            editor.querySelectorAll(TYPING).forEach(function (field) {
                mark(field, target, targetDir);
            });
            // A string segment: <li class="complete|incomplete"> holding the
            // source text (<p>), the translation or its edit box (<div>),
            // and the segment's actions (<ul>).
            editor.querySelectorAll("li.complete, li.incomplete").forEach(function (segment) {
                Array.prototype.forEach.call(segment.children, function (child) {
                    if (child.tagName === "P") {
                        mark(child, source, sourceDir);
                    } else if (child.tagName === "DIV" && !child.querySelector(".chooser")) {
                        mark(child, target, targetDir);
                    }
                });
            });
        }

        apply();
        new MutationObserver(apply).observe(editor, { childList: true, subtree: true });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
