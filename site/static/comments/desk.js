/*
 * Keyboard shortcuts and the bulk selection of the comment moderation desk
 * (templates/comments/desk/). Every action is an ordinary form or link in the
 * page, so the desk works without this script; the keys only press them.
 *
 *   j / k   next / previous card (focus ring, scrolled into view)
 *   x       tick the card for the bulk bar
 *   a       approve          s   spam
 *   r       open the reject form (choose a reason, Enter)
 *   u       open the "unsure" form (write a note, send)
 *   e       edit the text    ?   show or hide the help
 *   Esc     close an open form of the card
 *
 * Keys do nothing while typing in a text field, and nothing at all when the
 * user has switched Wagtail's keyboard shortcuts off in their account (WCAG
 * 2.1.4: single-key shortcuts must be possible to turn off).
 */
(function () {
    "use strict";

    function shortcutsEnabled() {
        const config = document.getElementById("wagtail-config");
        if (!config) {
            return true;
        }
        try {
            return JSON.parse(config.textContent).KEYBOARD_SHORTCUTS_ENABLED !== false;
        } catch (error) {
            return true;
        }
    }

    function cards() {
        return Array.from(document.querySelectorAll("[data-desk-card]"));
    }

    let current = null;
    let busy = false;

    function setCurrent(card, scroll) {
        if (!card) {
            return;
        }
        if (current && current !== card) {
            current.classList.remove("is-current");
        }
        current = card;
        card.classList.add("is-current");
        if (!card.contains(document.activeElement)) {
            card.focus({ preventScroll: true });
        }
        if (scroll !== false) {
            const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
            card.scrollIntoView({ block: "start", behavior: smooth ? "smooth" : "auto" });
        }
    }

    function move(step) {
        const list = cards();
        if (!list.length) {
            return;
        }
        let index = list.indexOf(current);
        if (index === -1) {
            index = step > 0 ? 0 : list.length - 1;
        } else {
            index = Math.min(Math.max(index + step, 0), list.length - 1);
        }
        setCurrent(list[index]);
    }

    function isTyping(target) {
        if (!(target instanceof Element)) {
            return false;
        }
        if (target.isContentEditable) {
            return true;
        }
        const tag = target.tagName;
        if (tag === "TEXTAREA" || tag === "SELECT") {
            return true;
        }
        if (tag === "INPUT") {
            return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
        }
        return false;
    }

    function submit(form) {
        if (!form || busy) {
            return;
        }
        busy = true;
        if (typeof form.requestSubmit === "function") {
            form.requestSubmit();
        } else {
            form.submit();
        }
    }

    function openDrawer(card, name, fieldSelector) {
        const drawer = card.querySelector(`[data-desk-drawer="${name}"]`);
        if (!drawer) {
            return;
        }
        drawer.open = true;
        const field = drawer.querySelector(fieldSelector);
        if (field) {
            field.focus();
        }
    }

    function closeDrawers(card) {
        card.querySelectorAll("[data-desk-drawer][open]").forEach((drawer) => {
            drawer.open = false;
        });
        card.focus({ preventScroll: true });
    }

    function toggleHelp() {
        const help = document.querySelector("[data-desk-help]");
        if (help) {
            help.hidden = !help.hidden;
            if (!help.hidden) {
                help.scrollIntoView({ block: "nearest" });
            }
        }
    }

    function toggleSelection(card) {
        const box = card.querySelector("[data-desk-select]");
        if (box) {
            box.checked = !box.checked;
            box.dispatchEvent(new Event("change", { bubbles: true }));
        }
    }

    const actions = {
        j: () => move(1),
        k: () => move(-1),
        x: (card) => toggleSelection(card),
        a: (card) => submit(card.querySelector('[data-desk-action="approve"]')),
        s: (card) => submit(card.querySelector('[data-desk-action="spam"]')),
        r: (card) => openDrawer(card, "reject", "select"),
        u: (card) => openDrawer(card, "unsure", "textarea"),
        e: (card) => {
            const link = card.querySelector('[data-desk-action="edit"]');
            if (link) {
                window.location.assign(link.href);
            }
        },
    };

    function onKeydown(event) {
        if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
            return;
        }
        if (event.key === "Escape" && current && current.querySelector("[data-desk-drawer][open]")) {
            closeDrawers(current);
            event.preventDefault();
            return;
        }
        if (isTyping(event.target)) {
            return;
        }
        if (event.key === "?") {
            // Wagtail opens its own shortcut list on "?"; on the desk ours comes
            // first, and links to Wagtail's.
            event.preventDefault();
            event.stopPropagation();
            toggleHelp();
            return;
        }
        const action = actions[event.key];
        if (!action) {
            return;
        }
        event.preventDefault();
        if (event.key === "j" || event.key === "k") {
            action();
            return;
        }
        if (!current) {
            move(1);
            return;
        }
        action(current);
    }

    function stopWagtailHelp(event) {
        if (event.key === "?" && !isTyping(event.target)) {
            event.stopPropagation();
        }
    }

    function updateSelection(bulk) {
        const boxes = Array.from(document.querySelectorAll("[data-desk-select]"));
        const ticked = boxes.filter((box) => box.checked);
        boxes.forEach((box) => {
            const card = box.closest("[data-desk-card]");
            if (card) {
                card.classList.toggle("is-selected", box.checked);
            }
        });
        const counter = bulk.querySelector("[data-desk-selected-count]");
        if (counter) {
            counter.textContent = ticked.length ? `${ticked.length} ${counter.dataset.label}` : "";
        }
        const all = bulk.querySelector("[data-desk-select-all]");
        if (all) {
            all.checked = boxes.length > 0 && ticked.length === boxes.length;
            all.indeterminate = ticked.length > 0 && ticked.length < boxes.length;
        }
    }

    function setUpBulk() {
        const bulk = document.querySelector("[data-desk-bulk]");
        if (!bulk) {
            return;
        }
        document.addEventListener("change", (event) => {
            if (event.target.matches("[data-desk-select]")) {
                updateSelection(bulk);
            }
        });
        const all = bulk.querySelector("[data-desk-select-all]");
        if (all) {
            all.addEventListener("change", () => {
                document.querySelectorAll("[data-desk-select]").forEach((box) => {
                    box.checked = all.checked;
                });
                updateSelection(bulk);
            });
        }
        const action = bulk.querySelector('select[name="action"]');
        const reason = bulk.querySelector('select[name="reason"]');
        if (action && reason) {
            const sync = () => {
                reason.required = action.value === "reject";
            };
            action.addEventListener("change", sync);
            sync();
        }
        updateSelection(bulk);
    }

    function init() {
        setUpBulk();
        document.addEventListener("focusin", (event) => {
            const card = event.target instanceof Element && event.target.closest("[data-desk-card]");
            if (card) {
                setCurrent(card, false);
            }
        });
        if (!shortcutsEnabled()) {
            return;
        }
        window.addEventListener("keydown", onKeydown, true);
        window.addEventListener("keypress", stopWagtailHelp, true);
        const match = /^#karte-\d+$/.test(window.location.hash);
        const target = match && document.querySelector(window.location.hash);
        if (target) {
            setCurrent(target);
        } else if (cards().length === 1) {
            // The detail page: its one card is the one the keys act on.
            setCurrent(cards()[0], false);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
