"""No application function over 60 lines without a reason written on its signature
(`# long: …`); scripts/long_functions.py lists them."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("long_functions", ROOT / "scripts/long_functions.py")
assert _spec and _spec.loader
long_functions = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(long_functions)


def test_every_long_function_says_why():
    unexplained = {
        (function.path, function.name): function.length
        for function in long_functions.all_long_functions()
        if function.reason is None
    }
    assert not unexplained, f"over {long_functions.LIMIT} lines without '# long: <reason>'"


def test_the_listing_counts_lines_and_reads_reasons(tmp_path):
    def body(indent: str) -> str:
        return "".join(f"{indent}x{n} = {n}\n" for n in range(60))

    source = (
        "def short():\n    return 1\n\n\n"
        f"def long_without():\n{body('    ')}\n\n"
        f"def long_with(\n    a,\n):  # long: a table of values\n{body('    ')}\n\n"
        f"class Holder:\n    def method(self):\n{body('        ')}"
    )
    path = tmp_path / "module.py"
    path.write_text(source)
    found = {f.name: f for f in long_functions.long_functions(path, root=tmp_path)}
    assert set(found) == {"long_without", "long_with", "Holder.method"}
    assert found["long_without"].length == 61 and found["long_without"].reason is None
    assert found["long_with"].reason == "a table of values"
    assert found["Holder.method"].reason is None
