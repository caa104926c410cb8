// Evidence picked by searching as you type. Each [data-evidence-picker] wraps an evidence field that
// works without script (references typed, separated by ";"); this adds a search box whose matches,
// chosen by click or keyboard, are added to that field. The attribute holds the search address.
(() => {
    "use strict";

    const separator = "; ";
    const waitMs = 200;
    const shortest = 2;

    function references(field) {
        return field.value.split(";").map(part => part.trim()).filter(part => part.length > 0);
    }

    function enhance(picker, number) {
        const field = picker.querySelector("input");
        const address = picker.getAttribute("data-evidence-picker");
        const id = `evidence-search-${number}`;

        const box = document.createElement("div");
        box.className = "mt-2 position-relative";
        box.innerHTML =
            `<label class="form-label" for="${id}">Find a record or attachment to cite</label>` +
            `<input id="${id}" type="search" class="form-control" role="combobox" autocomplete="off" ` +
            `aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-list" aria-describedby="${id}-hint" />` +
            `<div id="${id}-hint" class="form-text">Type two or more letters of a reference or of what it is about; choose a match to add it above.</div>` +
            `<ul id="${id}-list" role="listbox" class="list-group evidence-matches" aria-label="Matching records" hidden></ul>` +
            `<div class="visually-hidden" aria-live="polite" aria-atomic="true"></div>`;
        picker.appendChild(box);

        const search = box.querySelector("input");
        const list = box.querySelector("ul");
        const status = box.querySelector("[aria-live]");
        let timer = 0;
        let asked = 0;
        let active = -1;

        function options() {
            return Array.from(list.querySelectorAll("[role=option]"));
        }

        function close() {
            list.hidden = true;
            list.replaceChildren();
            search.setAttribute("aria-expanded", "false");
            search.removeAttribute("aria-activedescendant");
            active = -1;
        }

        function highlight(index) {
            const all = options();
            if (all.length === 0) {
                return;
            }
            active = (index + all.length) % all.length;
            all.forEach((option, i) => {
                option.classList.toggle("active", i === active);
                option.setAttribute("aria-selected", i === active ? "true" : "false");
            });
            search.setAttribute("aria-activedescendant", all[active].id);
            all[active].scrollIntoView({ block: "nearest" });
        }

        function choose(option) {
            const cite = option.dataset.cite;
            const chosen = references(field);
            if (!chosen.some(reference => reference.toLowerCase() === cite.toLowerCase())) {
                chosen.push(cite);
                field.value = chosen.join(separator);
            }
            status.textContent = `Added ${cite} to the evidence.`;
            search.value = "";
            close();
            search.focus();
        }

        function show(text, matches) {
            list.replaceChildren();
            if (matches.length === 0) {
                const none = document.createElement("li");
                none.className = "list-group-item text-muted";
                none.textContent = `Nothing at this site matches “${text}”.`;
                list.appendChild(none);
            }
            matches.forEach((match, i) => {
                const option = document.createElement("li");
                option.id = `${id}-option-${i}`;
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.className = "list-group-item list-group-item-action";
                option.dataset.cite = match.cite;
                const name = document.createElement("strong");
                name.textContent = `${match.kind} ${match.ref}`;
                const about = document.createElement("span");
                about.textContent = match.summary ? ` – ${match.summary}` : "";
                const cite = document.createElement("code");
                cite.className = "ms-2";
                cite.textContent = match.cite;
                option.append(name, about, cite);
                option.addEventListener("mousedown", event => event.preventDefault());
                option.addEventListener("click", () => choose(option));
                list.appendChild(option);
            });
            list.hidden = false;
            search.setAttribute("aria-expanded", "true");
            active = -1;
            status.textContent = matches.length === 0 ? "No match." : `${matches.length} match${matches.length === 1 ? "" : "es"}.`;
        }

        async function find() {
            const text = search.value.trim();
            if (text.length < shortest) {
                close();
                return;
            }
            const ticket = ++asked;
            try {
                const response = await fetch(`${address}?text=${encodeURIComponent(text)}`, { headers: { Accept: "application/json" } });
                if (!response.ok) {
                    throw new Error(`${response.status}`);
                }
                const matches = await response.json();
                if (ticket === asked) {
                    show(text, matches);
                }
            } catch {
                if (ticket === asked) {
                    close();
                    status.textContent = "The search did not answer; type the reference instead.";
                }
            }
        }

        search.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(find, waitMs);
        });
        search.addEventListener("keydown", event => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                event.preventDefault();
                highlight(active + (event.key === "ArrowDown" ? 1 : -1));
            } else if (event.key === "Enter") {
                // Enter chooses a match; it never sends the answer half-written.
                event.preventDefault();
                const all = options();
                if (active >= 0 && all[active]) {
                    choose(all[active]);
                } else if (all.length === 1) {
                    choose(all[0]);
                }
            } else if (event.key === "Escape") {
                close();
            }
        });
        search.addEventListener("blur", () => setTimeout(close, 150));
    }

    document.querySelectorAll("[data-evidence-picker]").forEach(enhance);
})();
