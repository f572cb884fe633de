// Plays one H5P package with h5p-standalone and hands each xAPI statement with a result
// to the lesson page that frames this player (same origin only).
(function () {
  "use strict";
  var element = document.getElementById("h5p-container");
  var options = {
    h5pJsonPath: element.dataset.content,
    frameJs: element.dataset.frameJs,
    frameCss: element.dataset.frameCss,
    frame: false,
    copyright: false,
    export: false,
    icon: false,
  };
  new H5PStandalone.H5P(element, options).then(function () {
    H5P.externalDispatcher.on("xAPI", function (event) {
      var statement = event.data && event.data.statement;
      if (!statement || !statement.result) {
        return;
      }
      window.parent.postMessage(
        { type: "hyteopas-h5p-xapi", statement: statement },
        window.location.origin
      );
    });
    window.parent.postMessage({ type: "hyteopas-h5p-ready" }, window.location.origin);
  });
})();
