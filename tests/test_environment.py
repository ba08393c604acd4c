"""environment.yml mirrors pyproject.toml's dependencies (same packages, same version specs)."""

import re
import tomllib

from conftest import REPO


def normalise(requirement: str) -> tuple[str, str]:
    name, spec = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", requirement).groups()
    return name.lower().replace("_", "-"), spec.replace(" ", "")


def conda_dependencies() -> list[str]:
    lines = (REPO / "environment.yml").read_text(encoding="utf-8").splitlines()
    deps, in_deps = [], False
    for line in lines:
        if line.startswith("dependencies:"):
            in_deps = True
        elif in_deps and re.match(r"  - [^:]+$", line):
            deps.append(line.split("- ", 1)[1].strip())
    return deps


def test_environment_yml_mirrors_pyproject():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = dict(map(normalise, pyproject["project"]["dependencies"]))
    conda = dict(map(normalise, conda_dependencies()))
    conda.pop("pip")
    assert conda.pop("python") == ">=" + pyproject["project"]["requires-python"].lstrip(">=")
    assert conda == wanted


def test_environment_yml_installs_the_package_with_pip():
    text = (REPO / "environment.yml").read_text(encoding="utf-8")
    assert "conda-forge" in text and re.search(r"- pip:\n\s+- -e \.", text)


def test_notebook_numbers_depend_on_pinned_versions():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    pins = dict(map(normalise, pyproject["project"]["dependencies"]))
    for package in ("pandas", "textstat", "matplotlib"):
        assert pins[package].startswith("=="), package
