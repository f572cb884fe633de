// Search as you type: the form keeps working without this; with it, the result list
// is fetched as an HTML fragment after a short pause and the count is announced.
(function () {
  "use strict";
  var form = document.querySelector("form.phrase-search");
  if (!form || !window.fetch) return;
  var results = document.getElementById("phrase-results");
  var count = document.getElementById("phrase-result-count");
  var timer = null;
  var latest = 0;

  function refresh() {
    var params = new URLSearchParams(new FormData(form));
    var request = ++latest;
    fetch(form.dataset.resultsUrl + "?" + params.toString(), {
      headers: { "X-Requested-With": "fetch" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || request !== latest) return;
        results.innerHTML = html;
        var list = results.querySelector(".phrase-results");
        if (list) count.textContent = list.dataset.countText;
        history.replaceState(null, "", "?" + params.toString());
      })
      .catch(function () { /* the submit button still works */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  }

  form.addEventListener("input", later);
  form.addEventListener("change", later);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    refresh();
  });
})();
