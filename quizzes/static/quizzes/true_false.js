// The quiz editor: when a question's type becomes "true or false" and it has no choice
// texts yet, make its two choices (the labels come from the select's data attributes,
// in the editor's language). The trainer then marks the correct one.
(() => {
  "use strict";

  const DELETED = ["1", "on", "true", "True"];

  const choiceInputs = (prefix) =>
    Array.from(document.querySelectorAll(`input[name^="${prefix}-"][name$="-text"]`)).filter(
      (input) => {
        if (input.closest("[id$='-empty-form'], template")) return false;
        const deleted = document.querySelector(
          `input[name="${input.name.replace(/-text$/, "-DELETE")}"]`,
        );
        return !(deleted && DELETED.includes(deleted.value));
      },
    );

  const fill = (input, text) => {
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };

  document.addEventListener("change", (event) => {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement) || !("trueLabel" in select.dataset)) return;
    if (select.value !== "true_false") return;
    const prefix = select.name.replace(/-kind$/, "-choices");
    const add = document.getElementById(`id_${prefix}-ADD`);
    if (choiceInputs(prefix).some((input) => input.value.trim())) return;
    while (add && choiceInputs(prefix).length < 2) {
      const before = choiceInputs(prefix).length;
      add.click();
      if (choiceInputs(prefix).length === before) break;
    }
    const [first, second] = choiceInputs(prefix);
    if (first && second) {
      fill(first, select.dataset.trueLabel);
      fill(second, select.dataset.falseLabel);
    }
  });
})();
