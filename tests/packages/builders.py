"""SCORM packages and H5P files written for the tests, in our own words: a three-page
exercise about everyday exercise that talks to the runtime API as a real package does
(initialize, location, suspend data, an answer, commit, finish), and the smallest H5P
content type we could write, whose script reports an xAPI 'completed' with a score."""

import io
import json
import zipfile

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hyteopas.liike.12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Arkiliikunta puheeksi</title>
      <item identifier="item1" identifierref="res1"><title>Harjoitus</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="sivut/index.html">
      <file href="sivut/index.html"/><file href="sivut/harjoitus.js"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="hyteopas.liike.2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Arkiliikunta puheeksi</title>
      <item identifier="osa"><title>Osa</title>
        <item identifier="item1" identifierref="res1"><title>Harjoitus</title></item>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="sivut/index.html">
      <file href="sivut/index.html"/>
    </resource>
  </resources>
</manifest>
"""

PAGE = """<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><title>Harjoitus</title></head>
<body>
<main>
  <p id="sivu">Sivu 1/3</p>
  <p id="aiempi"></p>
  <section data-sivu="1"><h1>Miksi arkiliikunta?</h1><p>Pienetkin askeleet kannattavat.</p></section>
  <section data-sivu="2" hidden><h1>Kysymys</h1>
    <p>Kuinka monta minuuttia reipasta liikettä viikossa suositellaan aikuiselle?</p>
    <button type="button" data-vastaus="150">150 minuuttia</button>
    <button type="button" data-vastaus="30">30 minuuttia</button>
  </section>
  <section data-sivu="3" hidden><h1>Valmista</h1><p>Kiitos, olet käynyt harjoituksen läpi.</p>
    <button type="button" id="valmis">Lopeta harjoitus</button></section>
  <button type="button" id="seuraava">Seuraava sivu</button>
  <p id="tila"></p>
</main>
<script src="harjoitus.js"></script>
</body></html>
"""

# One script for both versions: it finds whichever runtime API the lesson offers.
SCRIPT = """(function () {
  "use strict";
  function find(name) {
    var here = window;
    for (var hops = 0; here && hops < 10; hops++) {
      if (here[name]) { return here[name]; }
      if (here.parent === here) { break; }
      here = here.parent;
    }
    return null;
  }
  var api2004 = find("API_1484_11");
  var api12 = api2004 ? null : find("API");
  var rt = api2004 ? {
    start: function () { return api2004.Initialize(""); },
    get: function (k) { return api2004.GetValue(k); },
    set: function (k, v) { return api2004.SetValue(k, v); },
    save: function () { return api2004.Commit(""); },
    end: function () { return api2004.Terminate(""); },
    location: "cmi.location",
    finish: function (raw) {
      api2004.SetValue("cmi.score.raw", String(raw));
      api2004.SetValue("cmi.score.min", "0");
      api2004.SetValue("cmi.score.max", "100");
      api2004.SetValue("cmi.score.scaled", String(raw / 100));
      api2004.SetValue("cmi.completion_status", "completed");
      api2004.SetValue("cmi.success_status", raw >= 50 ? "passed" : "failed");
      api2004.SetValue("cmi.exit", "normal");
    }
  } : {
    start: function () { return api12.LMSInitialize(""); },
    get: function (k) { return api12.LMSGetValue(k); },
    set: function (k, v) { return api12.LMSSetValue(k, v); },
    save: function () { return api12.LMSCommit(""); },
    end: function () { return api12.LMSFinish(""); },
    location: "cmi.core.lesson_location",
    finish: function (raw) {
      api12.LMSSetValue("cmi.core.score.raw", String(raw));
      api12.LMSSetValue("cmi.core.score.min", "0");
      api12.LMSSetValue("cmi.core.score.max", "100");
      api12.LMSSetValue("cmi.core.lesson_status", raw >= 50 ? "passed" : "failed");
      api12.LMSSetValue("cmi.core.exit", "");
    }
  };
  var tila = document.getElementById("tila");
  tila.textContent = String(rt.start()) === "true" ? "Yhteys oppimisalustaan" : "Ei yhteyttä";
  var sivu = parseInt(rt.get(rt.location), 10) || 1;
  var muisti = {};
  try { muisti = JSON.parse(rt.get("cmi.suspend_data") || "{}"); } catch (e) { muisti = {}; }
  if (muisti.vastaus) {
    document.getElementById("aiempi").textContent = "Aiempi vastauksesi: " + muisti.vastaus + " minuuttia";
  }
  function nayta() {
    document.getElementById("sivu").textContent = "Sivu " + sivu + "/3";
    document.querySelectorAll("section").forEach(function (osa) {
      osa.hidden = osa.getAttribute("data-sivu") !== String(sivu);
    });
    document.getElementById("seuraava").hidden = sivu >= 3;
  }
  function tallenna() {
    rt.set(rt.location, String(sivu));
    rt.set("cmi.suspend_data", JSON.stringify(muisti));
    tila.textContent = String(rt.save()) === "true" ? "Tallennettu sivulla " + sivu : "Tallennus epäonnistui";
  }
  document.querySelectorAll("[data-vastaus]").forEach(function (nappi) {
    nappi.addEventListener("click", function () {
      muisti.vastaus = nappi.getAttribute("data-vastaus");
      tallenna();
    });
  });
  document.getElementById("seuraava").addEventListener("click", function () {
    sivu += 1;
    nayta();
    tallenna();
  });
  document.getElementById("valmis").addEventListener("click", function () {
    rt.finish(muisti.vastaus === "150" ? 100 : 0);
    tallenna();
    rt.end();
    tila.textContent = "Harjoitus päättyi";
  });
  nayta();
})();
"""


def _zip(members: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def scorm_members(version: str = "1.2") -> dict[str, bytes | str]:
    return {
        "imsmanifest.xml": MANIFEST_12 if version == "1.2" else MANIFEST_2004,
        "sivut/index.html": PAGE,
        "sivut/harjoitus.js": SCRIPT,
    }


def scorm_zip(version: str = "1.2", *, extra: dict[str, bytes | str] | None = None) -> bytes:
    return _zip({**scorm_members(version), **(extra or {})})


def zip_of(members: dict[str, bytes | str], **options) -> bytes:
    return _zip(members, **options)


def zip_bomb(unpacked_bytes: int = 300 * 1024 * 1024) -> bytes:
    """A valid package plus one member of zeros that packs about a thousand to one."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in scorm_members().items():
            archive.writestr(name, content)
        with archive.open("sivut/nollat.bin", "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(unpacked_bytes // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


# --- H5P ----------------------------------------------------------------------------
# A content type of our own, Hyteopas.Kuittaus 1.0: a sentence and a button; pressing
# the button reports 'completed' with a full score through H5P's xAPI events.
LIBRARY = {
    "title": "Kuittaus",
    "machineName": "Hyteopas.Kuittaus",
    "majorVersion": 1,
    "minorVersion": 0,
    "patchVersion": 0,
    "runnable": 1,
    "preloadedJs": [{"path": "kuittaus.js"}],
}

# H5P finds a library's constructor at its machine name: window.Hyteopas.Kuittaus.
LIBRARY_JS = """var Hyteopas = window.Hyteopas || {};
Hyteopas.Kuittaus = (function () {
  function Kuittaus(params, contentId) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    this.contentId = contentId;
  }
  Kuittaus.prototype = Object.create(H5P.EventDispatcher.prototype);
  Kuittaus.prototype.constructor = Kuittaus;
  Kuittaus.prototype.attach = function ($container) {
    var self = this;
    var container = $container.get ? $container.get(0) : $container;
    container.innerHTML = "";
    var text = document.createElement("p");
    text.textContent = self.params.teksti;
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = self.params.nappi;
    button.addEventListener("click", function () {
      var event = self.createXAPIEventTemplate("completed");
      event.setScoredResult(4, 5, self, true, true);
      self.trigger(event);
      text.textContent = self.params.kiitos;
    });
    container.appendChild(text);
    container.appendChild(button);
  };
  return Kuittaus;
})();
"""


def h5p_members() -> dict[str, bytes | str]:
    return {
        "h5p.json": json.dumps(
            {
                "title": "Kuittaa lukeneesi",
                "language": "fi",
                "mainLibrary": "Hyteopas.Kuittaus",
                "embedTypes": ["div"],
                "license": "U",
                "preloadedDependencies": [
                    {"machineName": "Hyteopas.Kuittaus", "majorVersion": 1, "minorVersion": 0}
                ],
            }
        ),
        "content/content.json": json.dumps(
            {
                "teksti": "Lue ohje ja kuittaa se luetuksi.",
                "nappi": "Kuittaan luetuksi",
                "kiitos": "Kiitos, kuittaus tallentui.",
            }
        ),
        "Hyteopas.Kuittaus-1.0/library.json": json.dumps(LIBRARY),
        "Hyteopas.Kuittaus-1.0/kuittaus.js": LIBRARY_JS,
    }


def h5p_file() -> bytes:
    return _zip(h5p_members())


def package_course(package, *, lessons: int = 1, **fields):
    """A published course whose last lesson plays `package` (required)."""
    from courses.models import CoursePage
    from tests.courses.builders import lessons_of, make_course

    course = make_course(lessons=lessons, **fields)
    last = lessons_of(course)[-1]
    last.body = [
        (block.block_type, block.value)
        for block in last.body
        if block.block_type != "self_assessment"
    ] + [("package", {"package": package, "required": True, "height": 600})]
    last.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)
