// A phrase's gaps: live preview of the finished text, the activity filling the
// organiser, and copying with the button or Ctrl+Enter. Copying is refused until the
// required gaps are filled. Only the fact of a copy is posted, never the text.
(function () {
  "use strict";
  // After the no-JavaScript "show the finished text" post, have the text ready for Ctrl+C.
  var finishedText = document.getElementById("finished-text");
  if (finishedText) {
    finishedText.focus();
    finishedText.select();
  }
  var form = document.getElementById("phrase-fill");
  var partsNode = document.getElementById("phrase-parts");
  var preview = document.getElementById("phrase-preview");
  if (!form || !partsNode || !preview) return;
  var parts = JSON.parse(partsNode.textContent);
  var messages = document.getElementById("phrase-messages").dataset;
  var status = document.getElementById("copy-status");
  var button = document.getElementById("copy-button");
  var hint = document.getElementById("copy-hint");
  var fallback = document.getElementById("copy-fallback");
  var fallbackLabel = document.querySelector("label.copy-fallback");
  var controls = Array.prototype.slice.call(form.querySelectorAll("[data-gap]"));

  function control(name) {
    return controls.filter(function (c) { return c.dataset.gap === name; })[0];
  }

  function finnishDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return value;
    return parseInt(match[3], 10) + "." + parseInt(match[2], 10) + "." + match[1];
  }

  function organiser() {
    var activity = controls.filter(function (c) { return c.dataset.kind === "activity" && c.value; })[0];
    if (!activity) return "";
    return activity.options[activity.selectedIndex].dataset.organiser || "";
  }

  function valueOf(c) {
    var value = (c.value || "").trim();
    if (!value && c.dataset.kind === "organiser") value = organiser();
    if (value && c.dataset.kind === "date") value = finnishDate(value);
    return value;
  }

  function finished() {
    var text = parts.map(function (part) {
      if (part.text !== undefined) return part.text;
      var c = control(part.gap);
      return c ? valueOf(c) : "";
    }).join("");
    return text.replace(/[ \t]{2,}/g, " ").replace(/ +([.,;:!?])/g, "$1").trim();
  }

  function missing() {
    return controls.filter(function (c) {
      var field = c.closest(".field");
      return field.dataset.required && !valueOf(c);
    }).map(function (c) { return c.closest(".field").dataset.label; });
  }

  // The preview shows a required gap still to fill as its marked label, so the reader
  // sees where the text is incomplete; the copied text never holds these marks.
  function update() {
    preview.textContent = "";
    parts.forEach(function (part) {
      if (part.text !== undefined) {
        preview.appendChild(document.createTextNode(part.text));
        return;
      }
      var c = control(part.gap);
      var value = c ? valueOf(c) : "";
      var field = c && c.closest(".field");
      if (value) {
        preview.appendChild(document.createTextNode(value));
      } else if (field && field.dataset.required) {
        var mark = document.createElement("mark");
        mark.className = "gap-missing";
        mark.textContent = "[" + field.dataset.label + "]";
        preview.appendChild(mark);
      }
    });
  }

  function counted() {
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    fetch(form.dataset.copiedUrl, {
      method: "POST",
      headers: { "X-CSRFToken": token },
      credentials: "same-origin",
    }).catch(function () {});
  }

  function showFallback(text) {
    fallback.value = text;
    fallback.hidden = false;
    fallbackLabel.hidden = false;
    fallback.focus();
    fallback.select();
    status.textContent = messages.fallback;
  }

  function copy() {
    var absent = missing();
    if (absent.length) {
      status.textContent = messages.missing.replace("%(labels)s", absent.join(", "));
      var first = controls.filter(function (c) {
        return c.closest(".field").dataset.label === absent[0];
      })[0];
      if (first) first.focus();
      return;
    }
    var text = finished();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = messages.copied;
        counted();
      }, function () {
        showFallback(text);
        counted();
      });
    } else {
      showFallback(text);
      counted();
    }
  }

  controls.forEach(function (c) {
    c.addEventListener("input", update);
    c.addEventListener("change", update);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      copy();
    }
  });
  button.addEventListener("click", copy);
  button.hidden = false;
  hint.hidden = false;
  update();
})();
