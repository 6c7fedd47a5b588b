"""The README's quick start runs `scripts/verify-traces <stack>`: each such line, with exactly its arguments, passes
against the fakes of test_verify_traces (fake `pulumi` and `aws`, a local API), so the line a reader copies works.

The quick start is read as tests/Delivery.Tests reads it: the "## Quick start" section, its one ```sh block, one
command a line, a comment after '#'.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

try:
    from .test_verify_traces import VerifyTracesHarness
except ImportError:  # run with scripts/tests as the top-level directory
    from test_verify_traces import VerifyTracesHarness  # type: ignore[no-redef]

README = Path(__file__).resolve().parents[2] / "README.md"
SCRIPTS_TEST = Path(__file__).resolve().parents[1] / "test"
PROGRAM = "scripts/verify-traces"
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*(\S*)")
HEADING = re.compile(r"^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$")
COMMENT = re.compile(r"(^|\s)#.*$")


def quick_start_commands(markdown: str) -> list[tuple[int, list[str]]]:
    """(line, words) of each command in the ```sh block of the "## Quick start" section."""
    lines = markdown.splitlines()
    fence: str | None = None
    in_section = False
    block: list[tuple[int, list[str]]] | None = None
    blocks: list[list[tuple[int, list[str]]]] = []
    for number, line in enumerate(lines, start=1):
        opening = FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence) and not opening.group(2):
                fence = None
                if block is not None:
                    blocks.append(block)
                    block = None
            elif block is not None:
                text = COMMENT.sub("", line).strip()
                if text:
                    block.append((number, text.split()))
            continue
        if opening:
            fence = opening.group(1)
            if in_section:
                block = [] if opening.group(2) == "sh" else None
                if opening.group(2) != "sh":
                    blocks.append([])
            continue
        heading = HEADING.match(line)
        if heading and len(heading.group(1)) <= 2:
            in_section = len(heading.group(1)) == 2 and (heading.group(2) or "") == "Quick start"
    if len(blocks) != 1:
        raise AssertionError(f"README.md: the quick start has {len(blocks)} code blocks; expected one ```sh block")
    return blocks[0]


class QuickStartParsingTest(unittest.TestCase):
    SAMPLE = "\n".join([
        "# Project",
        "```sh",
        "scripts/verify-traces before  # not the quick start",
        "```",
        "## Quick start",
        "Prerequisites.",
        "```sh",
        "scripts/plan dev     # offline",
        "",
        "scripts/verify-traces dev --timeout 30   # one request",
        "```",
        "## Next",
        "```sh",
        "scripts/verify-traces after",
        "```",
    ])

    def test_only_the_quick_start_block_is_read_with_comments_dropped(self) -> None:
        self.assertEqual(
            quick_start_commands(self.SAMPLE),
            [(8, ["scripts/plan", "dev"]), (10, ["scripts/verify-traces", "dev", "--timeout", "30"])],
        )

    def test_a_quick_start_without_one_sh_block_is_an_error(self) -> None:
        with self.assertRaisesRegex(AssertionError, "has 0 code blocks"):
            quick_start_commands(self.SAMPLE.replace("## Quick start", "## Getting started"))
        with self.assertRaisesRegex(AssertionError, "has 2 code blocks"):
            quick_start_commands(self.SAMPLE.replace("Prerequisites.", "```bash\nls\n```"))


class QuickStartVerifyTracesTest(VerifyTracesHarness):
    def run_line(self, words: list[str]):
        # Every hop of the request traced, and each function's INIT found at once (no poll waits at the default interval).
        scenario = self.ok_scenario(logs={"/aws/lambda/adot-tracing-sqs-consumer-dev": "logs_consumer_cold_json.json"})
        return self.run_script(*words[1:], scenario=scenario)

    def test_every_verify_traces_line_of_the_quick_start_passes_as_written(self) -> None:
        lines = [(n, w) for n, w in quick_start_commands(README.read_text(encoding="utf-8")) if w[0] == PROGRAM]
        self.assertTrue(lines, f"README.md's quick start has no {PROGRAM} line")
        for number, words in lines:
            with self.subTest(line=number):
                self.state.joinpath("pulumi_calls.jsonl").unlink(missing_ok=True)
                proc = self.run_line(words)
                self.assert_exit(proc, 0)
                self.assertIn("verify-traces: OK", proc.stdout)
                # The stack the line names is the one whose outputs were read.
                [call] = self.pulumi_calls()
                self.assertEqual(call[call.index("-s") + 1], words[1], call)

    def test_a_line_naming_a_stack_that_does_not_exist_fails(self) -> None:
        proc = self.run_line([PROGRAM, "nosuchstack"])
        self.assert_exit(proc, 2)


class ScriptsTestRunsTheQuickStartChecksTest(unittest.TestCase):
    """The quick start's checks live in tests/Delivery.Tests, tests/Infra.Plan.Tests and this module: scripts/test (which
    .ci/run runs) must run all three. Run in a scratch copy with a fake `dotnet` that records what it is asked to test."""

    FAKE_DOTNET = textwrap.dedent(
        """\
        #!/usr/bin/env python3
        import json, os, sys
        with open(os.environ["FAKE_DOTNET_LOG"], "a", encoding="utf-8") as f:
            f.write(json.dumps(sys.argv[1:]) + "\\n")
        if sys.argv[1] == "test":
            print("Passed!  - Failed:     0, Passed:     1, Skipped:     0, Total:     1, Duration: 1 s - Suite.dll (net10.0)")
        """
    )

    MARKER_TEST = textwrap.dedent(
        """\
        import os
        import unittest


        class Marker(unittest.TestCase):
            def test_ran(self):
                open(os.environ["QUICK_START_MARKER"], "w").close()
        """
    )

    def test_the_suites_holding_the_quick_start_checks_all_run(self) -> None:
        scratch = Path(tempfile.mkdtemp(prefix="scripts-test-quick-start-"))
        self.addCleanup(shutil.rmtree, scratch)
        (scratch / "scripts" / "tests").mkdir(parents=True)
        shutil.copy(SCRIPTS_TEST, scratch / "scripts" / "test")
        (scratch / "scripts" / "tests" / "__init__.py").write_text("", encoding="utf-8")
        (scratch / "scripts" / "tests" / Path(__file__).name).write_text(self.MARKER_TEST, encoding="utf-8")
        for project in ("Infra.Core.Tests", "Infra.Plan.Tests", "Delivery.Tests"):
            (scratch / "tests" / project).mkdir(parents=True)
        bin_dir = scratch / "bin"
        bin_dir.mkdir()
        fake = bin_dir / "dotnet"
        fake.write_text(self.FAKE_DOTNET, encoding="utf-8")
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        log, marker = scratch / "dotnet.jsonl", scratch / "marker"
        env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", FAKE_DOTNET_LOG=str(log), QUICK_START_MARKER=str(marker))
        env.pop("REQUIRE_PULUMI", None)

        result = subprocess.run(["bash", str(scratch / "scripts" / "test")], env=env, capture_output=True, text=True, timeout=60, check=False)

        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        tested = [call[1] for call in map(json.loads, log.read_text(encoding="utf-8").splitlines()) if call[0] == "test"]
        self.assertIn("tests/Infra.Plan.Tests", tested)
        self.assertIn("tests/Delivery.Tests", tested)
        self.assertTrue(marker.exists(), f"scripts/test did not run scripts/tests/{Path(__file__).name}:\n{result.stdout}")


if __name__ == "__main__":
    unittest.main()
