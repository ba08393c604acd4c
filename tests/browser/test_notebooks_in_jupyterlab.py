"""Real-browser test: every notebook runs in JupyterLab, driven by Playwright in Chromium.

Opt-in (slow, needs a browser): skipped unless ``RUN_BROWSER_TESTS=1``; ``scripts/browser-test.sh``
installs what it needs and runs it. For each notebook it starts from a fresh JupyterLab page,
runs all cells from the Run menu, waits until every cell has run and the kernel is idle, and
fails on any traceback or widget error in the outputs. The first article view found is saved
as a screenshot. Notebook files are never saved (autosave off, pages closed without saving).

Environment:
    BROWSER_NOTEBOOKS: folder of notebooks to run (default ``notebooks/``).
    BROWSER_SCREENSHOT: screenshot of the article view (default ``docs/article-view.png``).
    BROWSER_TIMEOUT: seconds allowed per notebook (default 300).
    CHROMIUM: browser binary (default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest

REPO = Path(__file__).resolve().parents[2]
NOTEBOOKS = Path(os.environ.get("BROWSER_NOTEBOOKS", REPO / "notebooks")).resolve()
SCREENSHOT = Path(os.environ.get("BROWSER_SCREENSHOT", REPO / "docs" / "article-view.png")).resolve()
TIMEOUT_S = float(os.environ.get("BROWSER_TIMEOUT", "300"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
#: JupyterLab settings for a test run: every cell in the DOM, no autosave, no news or update checks.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
ERROR_TEXT = re.compile(r"Traceback|\b\w*Error\b|Error displaying widget")

pytestmark = pytest.mark.skipif(os.environ.get("RUN_BROWSER_TESTS") != "1",
                                reason="browser test: set RUN_BROWSER_TESTS=1 (scripts/browser-test.sh)")


@dataclass
class Lab:
    """A running JupyterLab server."""

    base: str
    token: str

    def url(self, path: str) -> str:
        return f"{self.base}/{path}?token={self.token}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"{self.base}/api/{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def stop_kernels(self) -> None:
        for kernel in self.api("kernels"):
            self.api(f"kernels/{kernel['id']}", method="DELETE")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_settings(folder: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        path = folder / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


def wait_for_server(lab: Lab, process: subprocess.Popen, log: Path, timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            lab.api("status")
            return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer within {timeout_s:.0f} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 (random free port, random token) serving the notebooks folder."""
    home = tmp_path_factory.mktemp("jupyter")
    write_settings(home / "settings")
    port, token = free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"), "JUPYTER_DATA_DIR": str(home / "data"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime"), "IPYTHONDIR": str(home / "ipython")}
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}",
               f"--ServerApp.root_dir={NOTEBOOKS}", f"--LabApp.user_settings_dir={home / 'settings'}",
               f"--LabApp.workspaces_dir={home / 'workspaces'}",
               f"--FileCheckpoints.checkpoint_dir={home / 'checkpoints'}", "--LabApp.extension_manager=readonly"]
    if os.geteuid() == 0:  # containers and CI runners
        command.append("--allow-root")
    log = home / "jupyterlab.log"
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Lab(f"http://127.0.0.1:{port}", token)
    try:
        wait_for_server(server, process, log)
        yield server
    finally:
        shut_down(server, process)


def shut_down(lab: Lab, process: subprocess.Popen) -> None:
    """Stop every kernel, then the server (its whole process group if it does not stop)."""
    if process.poll() is None:
        try:
            lab.stop_kernels()
        except OSError:
            pass
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright not installed: run scripts/browser-test.sh (pip installs it)")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run scripts/browser-test.sh (installs Debian's chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def code_cells_to_run(notebook: Path) -> int:
    """Code cells JupyterLab executes on Run All (it skips empty ones)."""
    cells = nbformat.read(notebook, as_version=4).cells
    return sum(1 for cell in cells if cell.cell_type == "code" and cell.source.strip())


def wait_for_kernel(page) -> None:
    """Wait until the status bar shows the notebook's kernel as idle (``Python 3 (ipykernel) | Idle``)."""
    page.locator(".jp-StatusBar-Widget", has_text=re.compile(r"\S\s*\|\s*Idle")).first.wait_for()


def run_all_cells(page, panel) -> None:
    """Run > Run All Cells, then wait until the first cell is queued or has run."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    panel.locator(".jp-CodeCell .jp-InputPrompt", has_text=re.compile(r"\[(\*|\d+)\]")).first.wait_for()


def wait_until_run(panel, n_cells: int, timeout_s: float) -> None:
    """Wait until the kernel is idle with no cell queued (``[*]``) and either ``n_cells`` prompts
    show an execution count or an error stopped the run (JupyterLab skips the cells after it)."""
    deadline = time.monotonic() + timeout_s
    prompts = panel.locator(".jp-CodeCell .jp-InputPrompt")
    while time.monotonic() < deadline:
        texts = prompts.all_inner_texts()
        done = sum(1 for text in texts if re.search(r"\[\d+\]", text))
        running = any("*" in text for text in texts)
        idle = panel.locator('.jp-Notebook-ExecutionIndicator[data-status="idle"]').count() > 0
        if not running and idle and (done >= n_cells or error_outputs(panel)):
            return
        time.sleep(1)
    pytest.fail(f"cells still running after {timeout_s:.0f} s: prompts {prompts.all_inner_texts()}")


def error_outputs(panel) -> list[str]:
    """Text of every output showing a traceback, an exception or a widget that failed to render."""
    stderr = panel.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')
    everything = panel.locator(".jp-OutputArea-output")
    texts = stderr.all_inner_texts() + [t for t in everything.all_inner_texts()
                                        if "Traceback" in t or "Error displaying widget" in t]
    return sorted({text[:2000] for text in texts if ERROR_TEXT.search(text)})


def save_screenshot(page, element, path: Path) -> None:
    """Screenshot ``element`` whole: the window is made taller than it, so nothing overlaps it."""
    height = element.bounding_box()["height"]
    page.set_viewport_size({"width": page.viewport_size["width"], "height": int(height) + 400})
    element.scroll_into_view_if_needed()
    path.parent.mkdir(parents=True, exist_ok=True)
    element.screenshot(path=str(path))


NOTEBOOK_FILES = sorted(NOTEBOOKS.glob("*.ipynb"))
screenshots: list[Path] = []


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[path.name for path in NOTEBOOK_FILES])
def test_notebook_runs_in_jupyterlab_without_errors(lab, browser, notebook):
    saved = notebook.read_bytes()
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(120_000)
    try:
        # A workspace of its own, so JupyterLab does not reopen the previous notebooks.
        page.goto(lab.url(f"lab/workspaces/{quote(notebook.stem)}/tree/{quote(notebook.name)}"))
        panel = page.locator(".jp-NotebookPanel")
        wait_for_kernel(page)
        assert panel.count() == 1, "exactly one notebook open"
        run_all_cells(page, panel)
        wait_until_run(panel, code_cells_to_run(notebook), TIMEOUT_S)
        assert error_outputs(panel) == []
        view = panel.locator(".jp-OutputArea-output .article-view").first
        if not screenshots and view.count():
            save_screenshot(page, view, SCREENSHOT)
            screenshots.append(SCREENSHOT)
    finally:
        page.close()
        lab.stop_kernels()
    assert notebook.read_bytes() == saved, "the browser test must not save notebooks"


def test_an_article_view_was_captured():
    """Runs after the notebooks: at least one of them displayed ``analysis.view.show``."""
    assert screenshots and SCREENSHOT.stat().st_size > 0, f"no article view in {NOTEBOOKS}"
