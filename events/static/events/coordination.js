// The planning page: "Lisää" adds the typed target as a ticked box in place, and the
// count of people reached follows every change. Without this file the page works by
// sending the form (the server adds the choice and counts).
(function () {
  "use strict";
  var form = document.getElementById("plan-form");
  if (!form) return;
  var reach = document.getElementById("reach");
  var timer = null;

  function refreshCount() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var params = new URLSearchParams();
      form.querySelectorAll(".chosen input[type=checkbox]:checked").forEach(function (box) {
        params.append(box.name, box.value);
      });
      fetch(form.dataset.reachUrl + "?" + params.toString(), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) reach.textContent = data.text; })
        .catch(function () {});
    }, 150);
  }

  function findOption(picker, text) {
    var wanted = text.trim().toLowerCase();
    if (!wanted) return null;
    var options = Array.prototype.slice.call(picker.querySelectorAll("datalist option"));
    return options.find(function (o) { return o.value.toLowerCase() === wanted; }) ||
      options.find(function (o) { return o.value.toLowerCase().indexOf(wanted) !== -1; }) || null;
  }

  function add(picker) {
    var kind = picker.dataset.kind;
    var input = picker.querySelector("input[list]");
    var error = picker.querySelector(".picker-error");
    var option = findOption(picker, input.value);
    if (!option) {
      error.textContent = error.dataset.hint || "";
      input.setAttribute("aria-invalid", "true");
      return;
    }
    error.textContent = "";
    input.removeAttribute("aria-invalid");
    var id = option.dataset.id;
    var list = picker.querySelector(".chosen");
    var existing = list.querySelector("input[value='" + id + "']");
    if (existing) {
      existing.checked = true;
    } else {
      var item = document.createElement("li");
      var label = document.createElement("label");
      label.className = "choice";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.name = kind;
      box.value = id;
      box.checked = true;
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + option.value));
      item.appendChild(label);
      list.appendChild(item);
    }
    input.value = "";
    input.focus();
    refreshCount();
  }

  form.querySelectorAll(".target-picker").forEach(function (picker) {
    var button = picker.querySelector("button[name=lisaa]");
    var input = picker.querySelector("input[list]");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      add(picker);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        add(picker);
      }
    });
  });
  form.addEventListener("change", function (event) {
    if (event.target.matches(".chosen input[type=checkbox]")) refreshCount();
  });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
