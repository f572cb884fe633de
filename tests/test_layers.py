"""The app layers in pyproject.toml: kept by the code today, and a wrong-way import
written into a copy of the apps fails lint-imports with the broken rule's name. Also
which app serves the team pages, and the import-circle counter in scripts/."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from django.urls import resolve, reverse

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(cwd / "pyproject.toml")],
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def apps_copy(tmp_path_factory) -> Path:
    """The apps' Python files and pyproject.toml, in a folder of their own."""
    copy = tmp_path_factory.mktemp("layers")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    for package in CONFIG["root_packages"]:
        shutil.copytree(
            ROOT / package,
            copy / package,
            ignore=lambda folder, names: (
                [n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()]
                + ["__pycache__", "locale", "templates", "static"]
            ),
        )
    return copy


def test_the_code_keeps_every_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_copy_keeps_every_contract_before_it_is_changed(apps_copy):
    result = lint_imports(apps_copy)
    assert result.returncode == 0, result.stdout + result.stderr


WRONG_WAY = [
    # (file, import written at its end, the rule that must fail)
    (
        "people/selectors.py",
        "from supervision import views",
        "Apps stand in layers: an app knows only its own layer and those below",
    ),
    (
        "reporting/privacy.py",
        "import tasks.people",
        "Apps stand in layers: an app knows only its own layer and those below",
    ),
    ("organisations/models.py", "import people.models", "The ground apps do not know each other"),
    ("quizzes/services.py", "from courses import models", "Quizzes know nothing of course pages"),
    (
        "courses/selectors.py",
        "import phrases.models",
        "The phrase library and the courses do not know each other",
    ),
    (
        "phrases/models.py",
        "import quizzes.models",
        "The phrase library and the quizzes do not know each other",
    ),
    (
        "events/selectors.py",
        "import supervision.models",
        "Presentation sessions and supervision do not know each other",
    ),
]


@pytest.mark.parametrize(("module", "line", "rule"), WRONG_WAY, ids=[w[0] for w in WRONG_WAY])
def test_a_wrong_way_import_fails_with_the_rules_name(apps_copy, module, line, rule):
    path = apps_copy / module
    original = path.read_text()
    path.write_text(f"{original}\n{line}  # noqa\n")
    try:
        result = lint_imports(apps_copy)
    finally:
        path.write_text(original)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{rule} BROKEN" in result.stdout


def test_no_import_is_ignored():
    """Apps record follow-up work as task intents instead of importing the task layer,
    so no contract needs an exception."""
    ignored = [
        entry for contract in CONFIG["contracts"] for entry in contract.get("ignore_imports", [])
    ]
    assert ignored == []


def test_the_readme_draws_the_layers_of_the_contract():
    readme = (ROOT / "README.md").read_text()
    picture = readme.split("The apps stand in layers.", 1)[1].split("```")[1]
    drawn = [line.split("   ")[0].split() for line in picture.strip().splitlines()]
    (layers,) = [c["layers"] for c in CONFIG["contracts"] if c["type"] == "layers"]
    stated = [
        [name.strip() for name in layer.split(":") if not name.strip().startswith("(")]
        for layer in layers
    ]
    assert drawn == stated


def test_the_team_pages_keep_their_addresses_and_are_served_by_supervision():
    from supervision import views

    assert reverse("supervision:team") == "/tiimi/"
    assert reverse("supervision:team_member", args=["E123"]) == "/tiimi/E123/"
    assert resolve("/tiimi/").func is views.dashboard
    assert resolve("/tiimi/E123/").func is views.team_member
    people_routes = __import__("people.urls", fromlist=["urlpatterns"]).urlpatterns
    assert [str(route.pattern) for route in people_routes] == ["omat-tiedot/"]


def test_the_circle_counter_finds_circles_of_more_than_one_module():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from import_cycles import strongly_connected
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    components = strongly_connected(["a", "b", "c", "d", "e"], edges)
    assert sorted(c for c in components if len(c) > 1) == [["a", "b", "c"]]
