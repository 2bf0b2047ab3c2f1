"""The shape of the code: what it runs on is pinned, and a module holds one idea."""

import re
import sys
from importlib import metadata
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
# Modules over MAX_LINES that are honestly one idea, each with why (none today).
ONE_IDEA: dict[str, str] = {}
MAX_LINES = 500


def third_party_imports() -> set[str]:
    """Top-level names of the packages lib/ and pages/ import, outside the standard library."""
    graph = grimp.build_graph("lib", "pages", include_external_packages=True)
    return {
        module
        for module in graph.modules
        if not module.startswith(("lib", "pages")) and module not in sys.stdlib_module_names
    }


def pinned() -> dict[str, str]:
    """requirements.txt's distributions (lower case) and their pinned versions."""
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    found = (re.match(r"([A-Za-z0-9_.-]+)==(\S+)", line) for line in lines)
    return {m.group(1).lower(): m.group(2) for m in found if m}


def test_every_package_the_app_imports_is_pinned_in_requirements():
    distributions = metadata.packages_distributions()
    versions = pinned()
    for module in third_party_imports():
        names = [name.lower() for name in distributions.get(module, [module])]
        assert any(name in versions for name in names), f"{module} ({names}) is not pinned"


def test_the_pins_are_what_is_installed():
    for name, version in pinned().items():
        assert metadata.version(name) == version, name


def test_no_module_of_lib_holds_more_than_one_idea():
    too_long = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for path in (ROOT / "lib").rglob("*.py")
        if len(path.read_text().splitlines()) > MAX_LINES
    }
    assert set(too_long) <= set(ONE_IDEA), too_long
