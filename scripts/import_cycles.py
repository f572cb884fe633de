"""Count the import circles between the project's modules.

Builds the module import graph of the apps with grimp (the graph library import-linter
is built on, so the counts match what the layer contracts see: imports inside functions
count too) and finds its strongly connected components with Tarjan's algorithm. A
component of more than one module is an import circle: every module in it reaches every
other. Also lists the app-to-app arrows that close circles between apps.

    .venv/bin/python scripts/import_cycles.py           # summary
    .venv/bin/python scripts/import_cycles.py --verbose # every circle and its modules
    .venv/bin/python scripts/import_cycles.py --without-ignored
        # as if the imports the layer contracts still ignore were gone
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
# The apps are the root packages of the import-linter contracts: one list, in pyproject.
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]


def present_apps() -> list[str]:
    return [app for app in APPS if (ROOT / app / "__init__.py").exists()]


def strongly_connected(nodes: list[str], edges: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm, iterative (the module graph is deep enough to hit Python's
    recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for start in nodes:
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(sorted(component))
    return components


def ignored_imports() -> set[tuple[str, str]]:
    """The imports pyproject.toml's import-linter contracts still ignore."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pairs = set()
    for contract in config["tool"]["importlinter"]["contracts"]:
        for entry in contract.get("ignore_imports", []):
            importer, imported = (part.strip() for part in entry.split("->"))
            pairs.add((importer, imported))
    return pairs


def measure(without_ignored: bool = False) -> dict:
    sys.path.insert(0, str(ROOT))
    apps = present_apps()
    graph = grimp.build_graph(*apps, cache_dir=None)
    modules = sorted(graph.modules)
    edges = {m: set(graph.find_modules_directly_imported_by(m)) for m in modules}
    if without_ignored:
        for importer, imported in ignored_imports():
            edges.get(importer, set()).discard(imported)
    # A package's __init__ is not an import of its submodules; grimp adds no such edge.
    circles = [c for c in strongly_connected(modules, edges) if len(c) > 1]
    app_of = {m: m.split(".")[0] for m in modules}
    app_edges: dict[str, set[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            if app_of[source] != app_of[target]:
                app_edges.setdefault(app_of[source], set()).add(app_of[target])
    app_circles = [c for c in strongly_connected(apps, app_edges) if len(c) > 1]
    return {
        "apps": apps,
        "modules": len(modules),
        "imports": sum(len(t) for t in edges.values()),
        "module_circles": len(circles),
        "modules_in_circles": sum(len(c) for c in circles),
        "circles": circles,
        "app_circles": app_circles,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--without-ignored", action="store_true")
    args = parser.parse_args()
    result = measure(without_ignored=args.without_ignored)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"modules: {result['modules']}, imports between them: {result['imports']}")
    print(
        f"import circles between modules: {result['module_circles']} "
        f"({result['modules_in_circles']} modules in them)"
    )
    print(f"circles between apps: {len(result['app_circles'])}")
    for circle in result["app_circles"]:
        print("  " + " ↔ ".join(circle))
    if args.verbose:
        for circle in result["circles"]:
            print(f"- {len(circle)} modules: " + ", ".join(circle))


if __name__ == "__main__":
    main()
