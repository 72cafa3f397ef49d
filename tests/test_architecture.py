"""The wall between the pipeline library and the website, and the library's public API."""

from __future__ import annotations

import ast
import subprocess
import sys
import types
from pathlib import Path

import msdigest

LIBRARY = Path(msdigest.__file__).resolve().parent
FORBIDDEN = ("django", "msdigest_web", "msdigest_cli")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_library_module_imports_django_or_the_site() -> None:
    offenders = []
    for path in sorted(LIBRARY.rglob("*.py")):
        for name in _imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(LIBRARY.parent)} imports {name}")
    assert not offenders, "the pipeline library must not import Django:\n" + "\n".join(offenders)


def test_importing_every_library_module_loads_no_django() -> None:
    modules = sorted(
        ".".join(path.relative_to(LIBRARY.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in LIBRARY.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('django', 'msdigest_web')]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_public_api_is_exactly_what_all_lists() -> None:
    # Submodules become attributes once imported; the API is the non-module names.
    public = {
        name
        for name, value in vars(msdigest).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    } - {"annotations"}
    assert public == set(msdigest.__all__) - {"__version__"}
    for name in msdigest.__all__:
        assert hasattr(msdigest, name)
