"""Calendar files read by clients nobody here wrote:

- libical's RFC 5545/5546 restriction check (`icalrestriction_check`, which Evolution
  runs), through its GObject binding (Debian's gir1.2-ical-3.0 and python3-gi, for the
  system Python, installed by scripts/test.sh);
- ical.js, Thunderbird's parser, through Node (tests/ical_check, `npm ci`);
- the `icalendar` library's parser.
Each is required in CI (`need`)."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.conftest import need

SYSTEM_PYTHON = "/usr/bin/python3"
ICAL_JS = Path(__file__).resolve().parent.parent / "ical_check"

_LIBICAL = r"""
import sys
import gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib

component = ICalGLib.Component.new_from_string(sys.stdin.read())
if component is None:
    print("unparsable")
    sys.exit(0)
ICalGLib.restriction_check(component)
problems = []
def walk(part):
    prop = part.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        problems.append(prop.get_xlicerror())
        prop = part.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = part.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        walk(child)
        child = part.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
walk(component)
print("\n".join(problems))
"""


def libical_problems(data: bytes) -> list[str]:
    """What libical's restriction check says of the file (empty: it passes)."""
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
        capture_output=True,
    )
    need(probe.returncode == 0, "libical's GObject binding (gir1.2-ical-3.0, python3-gi)")
    result = subprocess.run(
        [SYSTEM_PYTHON, "-c", _LIBICAL], input=data, capture_output=True, check=True, timeout=60
    )
    return [line for line in result.stdout.decode().splitlines() if line.strip()]


def ical_js(data: bytes) -> dict:
    """The file as ical.js reads it (method and events), or an AssertionError."""
    node = shutil.which("node")
    need(node is not None and (ICAL_JS / "node_modules" / "ical.js").exists(), "ical.js (node)")
    result = subprocess.run(
        [node, str(ICAL_JS / "check.mjs")], input=data, capture_output=True, timeout=60
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)
