/*
 * Search suggestions under the search boxes (header and search page): a
 * combobox with a listbox popup after the WAI-ARIA Authoring Practices
 * ("list autocomplete with manual selection").
 *
 * Progressive enhancement only. Without JavaScript the boxes are plain
 * search forms, so the ARIA roles are set here, not in the templates. An
 * input takes part when it has data-autocomplete-url (the per-language JSON
 * endpoint, search.views.autocomplete), data-autocomplete-listbox (the id of
 * its empty, hidden <ul role="listbox">) and data-autocomplete-status (the id
 * of a polite live region). Every word a reader hears comes from the
 * template: the live region carries "N Vorschläge" in the page's language as
 * data-message-0 ... data-message-8, one per count, so that each language's
 * plural forms are right (the endpoint returns at most eight pages).
 *
 * The focus stays in the input throughout; the active option is shown with
 * aria-activedescendant and aria-selected. Enter on an active option opens
 * its page; Enter without one submits the form (a full search). Loaded with
 * <script defer> (CSP: no inline script).
 */
(function () {
    "use strict";

    var MIN_LENGTH = 2;
    var DELAY = 200;
    var MAX_OPTIONS = 8;

    function setUp(input) {
        var listbox = document.getElementById(input.getAttribute("data-autocomplete-listbox"));
        var status = document.getElementById(input.getAttribute("data-autocomplete-status"));
        var endpoint = input.getAttribute("data-autocomplete-url");
        if (!listbox || !endpoint || !window.fetch) {
            return;
        }
        var form = input.form;
        var container = listbox.parentNode;
        var options = [];
        var active = -1;
        var timer = null;
        var controller = null;
        var lastQuery = null;

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        function isOpen() {
            return !listbox.hidden;
        }

        function setActive(index) {
            if (active >= 0 && options[active]) {
                options[active].element.setAttribute("aria-selected", "false");
            }
            active = index;
            if (active >= 0 && options[active]) {
                var element = options[active].element;
                element.setAttribute("aria-selected", "true");
                input.setAttribute("aria-activedescendant", element.id);
                element.scrollIntoView({ block: "nearest" });
            } else {
                input.removeAttribute("aria-activedescendant");
            }
        }

        function open() {
            if (options.length) {
                listbox.hidden = false;
                input.setAttribute("aria-expanded", "true");
            }
        }

        function close() {
            setActive(-1);
            listbox.hidden = true;
            input.setAttribute("aria-expanded", "false");
        }

        function announce(count) {
            if (!status) {
                return;
            }
            var text = status.getAttribute("data-message-" + count) || "";
            // Emptied first, so that the same count is announced again for new words.
            status.textContent = "";
            window.setTimeout(function () {
                status.textContent = text;
            }, 50);
        }

        function render(results) {
            setActive(-1);
            listbox.textContent = "";
            options = results.slice(0, MAX_OPTIONS).map(function (result, index) {
                var element = document.createElement("li");
                element.id = listbox.id + "-" + index;
                element.className = "search-suggestions__option";
                element.setAttribute("role", "option");
                element.setAttribute("aria-selected", "false");
                var title = document.createElement("span");
                title.className = "search-suggestions__title";
                // A German title found from an Arabic page keeps its own word
                // order (<bdi>) but starts the line like the rest of the list.
                var text = document.createElement("bdi");
                text.textContent = result.title;
                title.appendChild(text);
                var kind = document.createElement("span");
                kind.className = "search-suggestions__kind";
                kind.textContent = result.kind;
                element.appendChild(title);
                element.appendChild(kind);
                listbox.appendChild(element);
                return { element: element, url: result.url };
            });
            if (options.length) {
                open();
            } else {
                close();
            }
            announce(options.length);
        }

        function clear() {
            window.clearTimeout(timer);
            if (controller) {
                controller.abort();
                controller = null;
            }
            lastQuery = null;
            options = [];
            listbox.textContent = "";
            close();
        }

        function load(query) {
            if (controller) {
                controller.abort();
            }
            var current = window.AbortController ? new AbortController() : null;
            controller = current;
            var separator = endpoint.indexOf("?") === -1 ? "?" : "&";
            window
                .fetch(endpoint + separator + "q=" + encodeURIComponent(query), {
                    headers: { Accept: "application/json" },
                    credentials: "same-origin",
                    signal: current ? current.signal : undefined,
                })
                .then(function (response) {
                    if (!response.ok) {
                        throw new Error("HTTP " + response.status);
                    }
                    return response.json();
                })
                .then(function (data) {
                    // A late answer to words the reader has since changed is dropped.
                    if (controller !== current || input.value.trim() !== query) {
                        return;
                    }
                    controller = null;
                    lastQuery = query;
                    render((data && data.results) || []);
                })
                .catch(function () {
                    // Aborted, rate-limited or offline: the plain form still works.
                    if (controller === current) {
                        controller = null;
                        options = [];
                        listbox.textContent = "";
                        close();
                    }
                });
        }

        input.addEventListener("input", function () {
            var query = input.value.trim();
            window.clearTimeout(timer);
            if (query.length < MIN_LENGTH) {
                clear();
                return;
            }
            setActive(-1);
            if (query === lastQuery) {
                open();
                return;
            }
            timer = window.setTimeout(function () {
                load(query);
            }, DELAY);
        });

        input.addEventListener("keydown", function (event) {
            if (event.isComposing || event.ctrlKey || event.metaKey) {
                return;
            }
            var count = options.length;
            switch (event.key) {
                case "ArrowDown":
                case "Down":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                        if (event.altKey) {
                            return;
                        }
                    }
                    setActive(active + 1 < count ? active + 1 : 0);
                    break;
                case "ArrowUp":
                case "Up":
                    if (!count) {
                        return;
                    }
                    event.preventDefault();
                    if (!isOpen()) {
                        open();
                    }
                    setActive(active > 0 ? active - 1 : count - 1);
                    break;
                case "Enter":
                    if (isOpen() && active >= 0) {
                        event.preventDefault();
                        window.location.assign(options[active].url);
                    }
                    // Otherwise the form is submitted: a full search.
                    break;
                case "Escape":
                case "Esc":
                    if (isOpen()) {
                        // Keeps what was typed; a second Escape clears the box as usual.
                        event.preventDefault();
                        close();
                    }
                    break;
                case "ArrowLeft":
                case "ArrowRight":
                case "Home":
                case "End":
                    // The caret moves in the input again, not in the list.
                    setActive(-1);
                    break;
                case "Tab":
                    close();
                    break;
                default:
                    break;
            }
        });

        // The focus must stay in the input when an option is pressed.
        listbox.addEventListener("mousedown", function (event) {
            event.preventDefault();
        });

        listbox.addEventListener("click", function (event) {
            var element = event.target.closest("[role=option]");
            if (!element) {
                return;
            }
            for (var index = 0; index < options.length; index += 1) {
                if (options[index].element === element) {
                    setActive(index);
                    window.location.assign(options[index].url);
                    return;
                }
            }
        });

        input.addEventListener("blur", function () {
            close();
        });

        document.addEventListener("click", function (event) {
            if (isOpen() && !container.contains(event.target)) {
                close();
            }
        });

        if (form) {
            form.addEventListener("submit", function () {
                clear();
            });
        }
    }

    var inputs = document.querySelectorAll("input[data-autocomplete-url]");
    Array.prototype.forEach.call(inputs, setUp);
})();
