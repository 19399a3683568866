"""The per-shard stage scripts import only what their own process needs: the extraction and
the checks run in worker children, so a stage process that imported them (and scipy) would pay
their start-up once more for each of a run's shard jobs."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "workflow" / "scripts"
# Imported by the worker children, never by the shard stages' own processes.
CHILD_ONLY = ("trialaudit.checks", "trialaudit.extract", "trialaudit.reanalysis", "scipy.stats")


def _imports_of(script: Path) -> str:
    """Return the script's top-level import statements as source."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    return "\n".join(
        ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
    )


def _modules_after(imports: str) -> set[str]:
    """Return the modules a fresh interpreter holds after running ``imports``."""
    code = f"{imports}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "script",
    ["normalize_text.py", "extract_statistics.py", "validate_tables.py", "check_consistency.py"],
)
def test_a_shard_stage_does_not_import_what_its_worker_child_runs(script):
    imports = _imports_of(SCRIPTS / script)
    assert "trialaudit" in imports  # the script's own imports were found
    loaded = _modules_after(imports)
    assert "trialaudit.stages" in loaded
    assert not loaded & set(CHILD_ONLY), sorted(loaded & set(CHILD_ONLY))


def test_the_check_stage_builds_its_settings_without_the_checks():
    loaded = _modules_after("from trialaudit.check_settings import Settings\nSettings()")
    assert "trialaudit.checks" not in loaded
    from trialaudit.check_settings import Settings as Light
    from trialaudit.checks import Settings

    assert Settings is Light  # one definition, used by the checks and the stage alike


def test_linking_does_not_import_the_extractor_grammar():
    """link_trials (on the aggregation's longest chain) needs the words the tables use for a
    cluster trial's unit, not the patterns that find them: importing arms for CLUSTERS cost it
    the grammar's ~400 compiled patterns."""
    loaded = _modules_after("import trialaudit.linking")
    assert "trialaudit.linking" in loaded
    assert not loaded & {"trialaudit.arms", "trialaudit.context", "trialaudit.grammar"}
    from trialaudit import arms, schemas, vocabulary

    assert arms.CLUSTERS == vocabulary.CLUSTERS == schemas.ALLOCATION_UNITS[1]
