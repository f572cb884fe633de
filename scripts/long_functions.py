"""List the application's functions longer than a limit (60 lines by default).

A function counts from its `def` line (decorators excluded) to its last line. The
application is every root package named in pyproject.toml's import-linter section,
migrations excepted. A long function may stay long when its signature (the `def` line,
or the line that closes a signature spread over several) carries a `# long: <reason>`
comment; `--unexplained` lists only those without one.

    python scripts/long_functions.py [--limit 60] [--unexplained]

Written with the standard library's `ast`: the question (lines per function) is too
small for a complexity tool.
"""

import argparse
import ast
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 60
REASON_MARK = "# long:"


@dataclass(frozen=True)
class LongFunction:
    path: str  # relative to the project root
    name: str  # qualified: Class.method, or outer.inner
    line: int
    length: int
    reason: str | None


def application_files(root: Path = ROOT) -> list[Path]:
    config = tomllib.loads((root / "pyproject.toml").read_text())
    packages = config["tool"]["importlinter"]["root_packages"]
    return sorted(
        path
        for package in packages
        for path in (root / package).rglob("*.py")
        if "migrations" not in path.relative_to(root).parts
    )


def _reason(lines: list[str], first: int, last: int) -> str | None:
    """The reason written on lines `first`..`last` (1-based, inclusive), if any."""
    for text in lines[first - 1 : last]:
        if REASON_MARK in text:
            return text.split(REASON_MARK, 1)[1].strip() or None
    return None


def long_functions(path: Path, *, root: Path = ROOT, limit: int = LIMIT) -> list[LongFunction]:
    source = path.read_text()
    lines = source.splitlines()
    found: list[LongFunction] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = f"{prefix}{child.name}"
                length = (child.end_lineno or child.lineno) - child.lineno + 1
                if length > limit:
                    found.append(
                        LongFunction(
                            str(path.relative_to(root)),
                            name,
                            child.lineno,
                            length,
                            _reason(
                                lines, child.lineno, max(child.lineno, child.body[0].lineno - 1)
                            ),
                        )
                    )
                visit(child, f"{name}.")
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.")
            else:
                visit(child, prefix)

    visit(ast.parse(source, filename=str(path)), "")
    return found


def all_long_functions(*, root: Path = ROOT, limit: int = LIMIT) -> list[LongFunction]:
    return [
        function
        for path in application_files(root)
        for function in long_functions(path, root=root, limit=limit)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=LIMIT)
    parser.add_argument("--unexplained", action="store_true", help="only those without a reason")
    arguments = parser.parse_args(argv)
    functions = all_long_functions(limit=arguments.limit)
    if arguments.unexplained:
        functions = [function for function in functions if function.reason is None]
    for function in sorted(functions, key=lambda f: -f.length):
        reason = f"  ({function.reason})" if function.reason else ""
        print(f"{function.length:4d}  {function.path}:{function.line}  {function.name}{reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
