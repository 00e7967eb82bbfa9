"""The examples in python/README.md and in the main README's "From Python" section run as printed: the first python
block, run from a folder that sees proofs/, prints exactly the text block after it."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

READMES = [Path(__file__).resolve().parents[1] / "README.md", Path(__file__).resolve().parents[2] / "README.md"]


@pytest.mark.parametrize("readme", READMES, ids=["python/README.md", "README.md"])
def test_readme_example_prints_what_the_readme_says(readme, attest_binary, repository, tmp_path):
    text = readme.read_text(encoding="utf-8")
    if readme == READMES[1]:
        text = text[text.index("## From Python"):]
    block = re.search(r"```python\n(.*?)```", text, re.S)
    code = block.group(1)
    printed = re.compile(r"```text\n(.*?)```", re.S).search(text, block.end()).group(1)
    (tmp_path / "proofs").symlink_to(repository / "proofs")
    env = dict(os.environ, PATH=str(Path(attest_binary).parent) + os.pathsep + os.environ.get("PATH", ""),
               MPLBACKEND="Agg")
    env.pop("ATTEST", None)  # the example finds attest on PATH, as it says
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout == printed
    assert (tmp_path / "kl.png").stat().st_size > 10_000
