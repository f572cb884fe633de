// The course editor's audience fields (courses/widgets.py): the multi-select becomes a
// text input with suggestions (a native <datalist>), an add button and the list of
// chosen items with remove buttons. The hidden select stays the form's field, so the
// form posts what it always did. Labels come from the wrapper's data attributes, in the
// editor's language.
(() => {
  "use strict";

  const normal = (text) => text.toLocaleLowerCase().replace(/\s+/g, " ").trim();
  const fill = (template, values) =>
    template.replace(/%\((\w+)\)s/g, (whole, key) => (key in values ? values[key] : whole));

  const enhance = (wrapper) => {
    const select = wrapper.querySelector("select[multiple]");
    if (!select || wrapper.dataset.audienceReady) return;
    wrapper.dataset.audienceReady = "1";
    const labels = wrapper.dataset;
    const id = select.id || `audience-${select.name}`;
    const options = Array.from(select.options);

    // The field's own <label for="..."> now names the text input.
    select.id = `${id}-select`;
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;

    const hint = document.createElement("p");
    hint.id = `${id}-hint`;
    hint.className = "audience__hint help";
    hint.textContent = labels.labelHint;

    const row = document.createElement("div");
    row.className = "audience__row";
    const input = document.createElement("input");
    input.type = "text";
    input.id = id;
    input.autocomplete = "off";
    input.setAttribute("list", `${id}-options`);
    input.setAttribute(
      "aria-describedby",
      [hint.id, select.getAttribute("aria-describedby")].filter(Boolean).join(" "),
    );
    const add = document.createElement("button");
    add.type = "button";
    add.className = "button button-small button-secondary";
    add.textContent = labels.labelAdd;
    row.append(input, add);

    const datalist = document.createElement("datalist");
    datalist.id = `${id}-options`;

    const status = document.createElement("p");
    status.className = "audience__status";
    status.setAttribute("role", "status");

    const heading = document.createElement("p");
    heading.id = `${id}-chosen`;
    heading.className = "audience__chosen-heading";
    heading.textContent = labels.labelChosen;
    const list = document.createElement("ul");
    list.className = "audience__chosen";
    list.setAttribute("aria-labelledby", heading.id);
    list.setAttribute("aria-live", "polite");

    wrapper.append(hint, row, datalist, status, heading, list);

    const say = (message) => {
      status.textContent = message;
    };

    const changed = () => select.dispatchEvent(new Event("change", { bubbles: true }));

    const render = () => {
      datalist.replaceChildren(
        ...options
          .filter((option) => !option.selected)
          .map((option) => {
            const suggestion = document.createElement("option");
            suggestion.value = option.text;
            return suggestion;
          }),
      );
      const chosen = options.filter((option) => option.selected);
      if (!chosen.length) {
        const empty = document.createElement("li");
        empty.textContent = labels.labelNone;
        list.replaceChildren(empty);
        return;
      }
      list.replaceChildren(
        ...chosen.map((option) => {
          const item = document.createElement("li");
          const name = document.createElement("span");
          name.textContent = option.text;
          const remove = document.createElement("button");
          remove.type = "button";
          remove.className = "button button-small button-secondary";
          remove.textContent = labels.labelRemove.replace(/:\s*%\(name\)s/, "");
          remove.setAttribute("aria-label", fill(labels.labelRemove, { name: option.text }));
          remove.dataset.value = option.value;
          item.append(name, remove);
          return item;
        }),
      );
    };

    const choose = () => {
      const text = normal(input.value);
      if (!text) return;
      const exact = options.find((option) => normal(option.text) === text);
      const matches = exact ? [exact] : options.filter((option) => normal(option.text).includes(text));
      const open = matches.filter((option) => !option.selected);
      if (open.length === 1) {
        open[0].selected = true;
        input.value = "";
        say(fill(labels.labelAdded, { name: open[0].text }));
        render();
        changed();
      } else if (open.length > 1) {
        say(fill(labels.labelMany, { text: input.value.trim() }));
      } else if (matches.length) {
        say(fill(labels.labelAlready, { name: matches[0].text }));
      } else {
        say(fill(labels.labelNoMatch, { text: input.value.trim() }));
      }
    };

    add.addEventListener("click", choose);
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        // Enter adds; it must not submit the page form.
        event.preventDefault();
        choose();
      }
    });
    input.addEventListener("input", (event) => {
      // A suggestion picked from the datalist is added at once.
      if (event.inputType === "insertReplacementText" || event.inputType === undefined) {
        const text = normal(input.value);
        if (options.some((option) => !option.selected && normal(option.text) === text)) choose();
      }
    });
    list.addEventListener("click", (event) => {
      const remove = event.target.closest("button[data-value]");
      if (!remove) return;
      const option = options.find((candidate) => candidate.value === remove.dataset.value);
      if (!option) return;
      const buttons = Array.from(list.querySelectorAll("button[data-value]"));
      const index = buttons.indexOf(remove);
      option.selected = false;
      say(fill(labels.labelRemoved, { name: option.text }));
      render();
      changed();
      const after = list.querySelectorAll("button[data-value]");
      (after[Math.min(index, after.length - 1)] || input).focus();
    });
    render();
  };

  const start = () => document.querySelectorAll("[data-audience]").forEach(enhance);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
