// Follow an export job without reloading: the progress bar moves; when the file is
// ready (or the job failed), the page loads once more to show the result.
(function () {
  "use strict";
  const job = document.getElementById("export-job");
  if (!job) { return; }
  const statusUrl = job.dataset.statusUrl;
  const bar = document.getElementById("export-progress");
  const rows = document.getElementById("export-rows");
  function poll() {
    fetch(statusUrl, {credentials: "same-origin"}).then(function (response) {
      return response.json();
    }).then(function (state) {
      if (state.status === "done" || state.status === "failed") {
        window.location.reload();
        return;
      }
      bar.value = state.percent;
      if (state.rows_total) { rows.textContent = state.rows_text; }
      window.setTimeout(poll, 1000);
    }).catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
})();
