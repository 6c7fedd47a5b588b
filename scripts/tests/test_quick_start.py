"""The README's quick start runs `scripts/verify-traces <stack>`: each such line, with exactly its arguments, passes
against the fakes of test_verify_traces (fake `pulumi` and `aws`, a local API), so the line a reader copies works.

The quick start is read as tests/Delivery.Tests reads it: the "## Quick start" section, its one ```sh block, one
command a line, a comment after '#'.
"""

from __future__ import annotations

import re
import unittest
from pathlib import Path

try:
    from .test_verify_traces import VerifyTracesHarness
except ImportError:  # run with scripts/tests as the top-level directory
    from test_verify_traces import VerifyTracesHarness  # type: ignore[no-redef]

README = Path(__file__).resolve().parents[2] / "README.md"
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


if __name__ == "__main__":
    unittest.main()
