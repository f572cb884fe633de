// Plays a lesson's SCORM package or H5P activity (courses/blocks/package.html).
// SCORM: scorm-again's runtime is set up as window.API (1.2) or window.API_1484_11
// (2004) with the learner's stored runtime data, before the package's first page is
// opened in the frame, so the package resumes where it was left; each commit and the
// finish are sent to the lesson's commit address. H5P: the player page in the frame
// hands over each xAPI statement with a result, which is sent to the same address.
(function () {
  "use strict";

  function csrfToken(player) {
    var input = player.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function announce(player, answer) {
    var status = player.parentNode.querySelector(".package-status");
    if (!status || !answer) {
      return;
    }
    if (answer.completedUrl) {
      status.textContent = "";
      var link = document.createElement("a");
      link.href = answer.completedUrl;
      link.className = "button";
      link.textContent = player.dataset.completedText;
      status.appendChild(link);
    } else if (answer.lessonDone) {
      status.textContent = "✓ " + player.dataset.doneText;
    }
  }

  function playH5P(player, frame) {
    var commit = player.dataset.commit;
    window.addEventListener("message", function (event) {
      if (event.origin !== window.location.origin || event.source !== frame.contentWindow) {
        return;
      }
      if (!commit || !event.data || event.data.type !== "hyteopas-h5p-xapi") {
        return;
      }
      fetch(commit, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(player) },
        body: JSON.stringify({ statement: event.data.statement }),
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          announce(player, answer);
        });
    });
    frame.src = player.dataset.launch;
  }

  function playScorm(player, frame) {
    var resume = {};
    var stored = document.getElementById(player.dataset.resumeId);
    if (stored) {
      resume = JSON.parse(stored.textContent || "{}") || {};
    }
    var settings = {
      autocommit: true,
      autocommitSeconds: 15,
      lmsCommitUrl: player.dataset.commit || false,
      dataCommitFormat: "json",
      alwaysSendTotalTime: true,
      xhrHeaders: { "X-CSRFToken": csrfToken(player) },
      logLevel: 4,
      xhrResponseHandler: function (xhr) {
        var answer;
        try {
          answer = JSON.parse(xhr.responseText);
        } catch (error) {
          return { result: false, errorCode: 101 };
        }
        announce(player, answer);
        return { result: answer.result === true, errorCode: answer.errorCode || 0 };
      },
    };
    var api;
    if (player.dataset.kind === "scorm2004") {
      api = new window.Scorm2004API(settings);
      window.API_1484_11 = api;
    } else {
      api = new window.Scorm12API(settings);
      window.API = api;
    }
    if (Object.keys(resume).length) {
      api.loadFromJSON(resume, "");
    }
    frame.src = player.dataset.launch;
  }

  document.querySelectorAll(".package-player").forEach(function (player) {
    if (player.dataset.started) {
      return;
    }
    player.dataset.started = "1";
    var frame = player.querySelector("iframe");
    if (player.dataset.kind === "h5p") {
      playH5P(player, frame);
    } else {
      playScorm(player, frame);
    }
  });
})();
