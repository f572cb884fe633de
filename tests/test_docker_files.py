"""docker/compose.yml and docker/Dockerfile say what the README promises: two web nodes
behind haproxy, two workers, beat, PostgreSQL, Redis and a mail catcher; one application
image built from the hash-locked requirements, settings from the
environment. No database and no Docker engine needed; `docker compose config` is run
only where the compose plugin is installed (it is not one of the project's requirements,
so its absence skips that check, in CI too).

PyYAML is not a dependency of the project, so the compose file is read with the small
YAML subset loader below (block mappings and lists, flow lists, quoted and plain
scalars, anchors, aliases and `<<` merge keys), or with PyYAML when it is installed.
"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = ROOT / "docker" / "compose.yml"
DOCKERFILE = ROOT / "docker" / "Dockerfile"
APP_SERVICES = ("web", "web2", "worker", "worker2", "beat")
HAPROXY_CFG = ROOT / "docker" / "haproxy.cfg"


# --- a YAML subset loader, enough for a compose file ------------------------------------


def _strip_comment(line: str) -> str:
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1] in " \t"):
            return line[:index].rstrip()
    return line.rstrip()


def _split_flow(text: str) -> list[str]:
    parts, current, quote = [], "", None
    for char in text:
        if quote:
            quote = None if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == ",":
            parts.append(current)
            current = ""
            continue
        current += char
    if current.strip():
        parts.append(current)
    return parts


def _scalar(text: str, anchors: dict):
    text = text.strip()
    if text.startswith("*"):
        return anchors[text[1:]]
    if text[:1] == '"' and text[-1:] == '"':
        return text[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if text[:1] == "'" and text[-1:] == "'":
        return text[1:-1].replace("''", "'")
    if text[:1] == "[" and text[-1:] == "]":
        return [_scalar(part, anchors) for part in _split_flow(text[1:-1])]
    if text[:1] in "{|>":
        raise ValueError(f"not in the supported YAML subset: {text!r}")
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if text in ("true", "false"):
        return text == "true"
    if text in ("", "~", "null"):
        return None
    return text


def _key_and_rest(content: str) -> tuple[str, str]:
    match = re.match(r"""^("[^"]*"|'[^']*'|[^:'"]+?)\s*:(?:\s+(.*))?$""", content)
    if not match:
        raise ValueError(f"not a mapping entry: {content!r}")
    key = match.group(1)
    return (key[1:-1] if key[:1] in "\"'" else key), (match.group(2) or "").strip()


def _block(lines: list[tuple[int, str]], i: int, indent: int, anchors: dict):
    if lines[i][1] == "-" or lines[i][1].startswith("- "):
        items = []
        while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("-"):
            item = lines[i][1][1:].strip()
            if re.match(r"^[^\"'\[]+?:(\s|$)", item):
                raise ValueError(f"mappings inside lists are not supported: {item!r}")
            items.append(_scalar(item, anchors))
            i += 1
        return items, i

    mapping: dict = {}
    merged: list[dict] = []
    while i < len(lines) and lines[i][0] == indent and not lines[i][1].startswith("- "):
        key, rest = _key_and_rest(lines[i][1])
        i += 1
        anchor = None
        if rest.startswith("&"):
            anchor, _, rest = rest.partition(" ")
            anchor = anchor[1:]
        if rest:
            value = _scalar(rest, anchors)
        elif i < len(lines) and (
            lines[i][0] > indent or (lines[i][0] == indent and lines[i][1].startswith("-"))
        ):
            value, i = _block(lines, i, lines[i][0], anchors)
        else:
            value = None
        if anchor:
            anchors[anchor] = value
        if key == "<<":
            merged.extend(value if isinstance(value, list) else [value])
        else:
            mapping[key] = value
    for source in merged:  # explicit keys win over merged ones
        for key, value in source.items():
            mapping.setdefault(key, value)
    return mapping, i


def load_yaml(text: str):
    try:
        import yaml
    except ImportError:
        lines = []
        for raw in text.splitlines():
            line = _strip_comment(raw)
            if line.strip():
                lines.append((len(line) - len(line.lstrip(" ")), line.strip()))
        value, end = _block(lines, 0, lines[0][0], {})
        if end != len(lines):
            raise ValueError(f"could not read line: {lines[end][1]!r}")
        return value
    return yaml.safe_load(text)


@pytest.fixture(scope="module")
def compose() -> dict:
    return load_yaml(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dockerfile() -> str:
    # Joined continuation lines, comments dropped.
    lines = [
        line
        for line in DOCKERFILE.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")
    ]
    return re.sub(r"\\\n\s*", " ", "\n".join(lines))


def _command(service: dict) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


# --- the loader itself ------------------------------------------------------------------


def test_the_subset_loader_reads_anchors_merges_and_lists():
    text = """
x-base: &base
  image: app:1   # a comment
  environment: &env
    A: "1"
    B: 'two # not a comment'
services:
  one:
    <<: *base
    image: app:2
    command: ["run", "--flag", "x, y"]
    ports:
    - "80:80"
  two:
    environment: *env
    retries: 3
    enabled: false
"""
    data = load_yaml(text)
    assert data["services"]["one"] == {
        "image": "app:2",
        "environment": {"A": "1", "B": "two # not a comment"},
        "command": ["run", "--flag", "x, y"],
        "ports": ["80:80"],
    }
    assert data["services"]["two"] == {
        "environment": {"A": "1", "B": "two # not a comment"},
        "retries": 3,
        "enabled": False,
    }


# --- compose.yml ------------------------------------------------------------------------


def test_compose_has_the_services(compose):
    assert {
        "web",
        "web2",
        "proxy",
        "worker",
        "worker2",
        "beat",
        "postgres",
        "redis",
        "mailpit",
    } <= set(compose["services"])


def test_web_worker_and_beat_run_the_same_image_build(compose):
    services = compose["services"]
    builds = {
        name: (services[name].get("image"), services[name].get("build")) for name in APP_SERVICES
    }
    assert len(set(map(repr, builds.values()))) == 1, builds
    image, build = builds["web"]
    assert image
    assert build == {"context": "..", "dockerfile": "docker/Dockerfile"}
    # The one-shot migrate service uses the same image too.
    assert (services["migrate"]["image"], services["migrate"]["build"]) == (image, build)


def test_app_services_run_their_commands(compose):
    services = compose["services"]
    for web in ("web", "web2"):
        assert "gunicorn learning.wsgi" in _command(services[web])
        assert "--preload" in _command(services[web])  # lemma data loaded once, shared
    for worker in ("worker", "worker2"):
        assert "celery -A learning worker" in _command(services[worker])
        # Time for a warm shutdown before Docker's SIGKILL.
        assert services[worker]["stop_grace_period"] == "60s"
    assert "celery -A learning beat" in _command(services["beat"])
    assert "manage.py migrate" in _command(services["migrate"])


def test_app_services_start_after_migrations(compose):
    services = compose["services"]
    assert services["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    for name in APP_SERVICES:
        depends_on = services[name]["depends_on"]
        assert depends_on["migrate"]["condition"] == "service_completed_successfully", name


def test_app_environment_names_the_settings_reads(compose):
    for name in (*APP_SERVICES, "migrate"):
        environment = compose["services"][name]["environment"]
        assert environment["DJANGO_SETTINGS_MODULE"] == "learning.settings.production"
        assert environment["DATABASE_URL"].startswith("postgres://")
        assert "@postgres:5432/" in environment["DATABASE_URL"]
        assert environment["CELERY_BROKER_URL"].startswith("redis://redis:6379/")
        assert environment["EMAIL_URL"] == "smtp://mailpit:1025"
        assert str(environment["SECURE_SSL_REDIRECT"]).lower() == "false"
        for variable in ("SECRET_KEY", "ALLOWED_HOSTS", "CSRF_TRUSTED_ORIGINS", "SITE_URL"):
            assert environment[variable], variable


def test_two_web_nodes_behind_haproxy(compose):
    services = compose["services"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("haproxy:")
    assert proxy["ports"] == ["8000:8000"]
    assert "./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro" in proxy["volumes"]
    assert set(proxy["depends_on"]) == {"web", "web2"}
    # Only the proxy is published; the nodes are reached through it.
    assert "ports" not in services["web"] and "ports" not in services["web2"]
    config = HAPROXY_CFG.read_text(encoding="utf-8")
    servers = re.findall(r"^\s*server\s+\S+\s+(\S+)", config, re.MULTILINE)
    assert servers == ["web:8000", "web2:8000"]
    assert re.search(r"^\s*bind\s+:8000$", config, re.MULTILINE)
    # Sessions and exports are shared: web and workers mount the same exports volume.
    for name in APP_SERVICES:
        assert "exports:/app/var/exports" in services[name]["volumes"], name


def test_backing_services(compose):
    services = compose["services"]
    assert services["postgres"]["image"] == "postgres:15"
    assert services["redis"]["image"] == "redis:7"
    redis_command = _command(services["redis"])
    assert "--appendonly yes" in redis_command
    assert "--maxmemory-policy noeviction" in redis_command
    assert services["mailpit"]["image"].startswith("axllent/mailpit")


# --- Dockerfile -------------------------------------------------------------------------


def test_dockerfile_installs_the_locked_requirements_with_hashes(dockerfile):
    assert re.search(r"python -m venv \.venv", dockerfile)
    assert re.search(r"pip install --require-hashes -r requirements\.lock", dockerfile)
    assert "requirements-dev.lock" not in dockerfile


def test_dockerfile_collects_static_files_with_a_build_time_key(dockerfile):
    match = re.search(r"RUN [^\n]*manage\.py collectstatic --noinput[^\n]*", dockerfile)
    assert match
    assert "SECRET_KEY=" in match.group(0)
    # The throwaway key is not left in the image's environment.
    assert not re.search(r"^ENV [^\n]*SECRET_KEY", dockerfile, re.MULTILINE)


def test_the_production_settings_collect_every_static_file(tmp_path):
    """The image's collectstatic, run here: the manifest storage follows every reference
    in the files (the players' source maps included) and fails on a missing one."""
    import os
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "learning.settings.production",
        "SECRET_KEY": "build-time-only-not-secret",
        "HYTEOPAS_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_dockerfile_runs_as_an_unprivileged_user(dockerfile):
    users = re.findall(r"^USER\s+(\S+)", dockerfile, re.MULTILINE)
    assert users
    assert users[-1] not in ("root", "0", "0:0")


def test_dockerignore_keeps_local_state_out_of_the_image():
    ignored = set((ROOT / ".dockerignore").read_text(encoding="utf-8").split())
    assert {".git", ".venv", "var"} <= ignored


# --- docker compose config, where the plugin exists -------------------------------------


def _compose_command() -> list[str] | None:
    """`docker compose` (v2 plugin) where it exists, else Debian's `docker-compose`."""
    if shutil.which("docker") is not None:
        try:
            probe = subprocess.run(
                ["docker", "compose", "version"], capture_output=True, timeout=30
            )
        except (OSError, subprocess.TimeoutExpired):
            probe = None
        if probe is not None and probe.returncode == 0:
            return ["docker", "compose"]
    if shutil.which("docker-compose") is not None:
        return ["docker-compose"]
    return None


def test_docker_compose_accepts_the_file():
    from tests.conftest import need

    command = _compose_command()
    need(command is not None, "docker compose or docker-compose")
    result = subprocess.run(
        [*command, "-f", str(COMPOSE), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
