"""scripts/test's closing line, run in a scratch copy of the repository layout with a fake `dotnet`.

The fake answers `dotnet test` with one passing suite and `dotnet restore` of the Pulumi tests either with
success or with the NU1101 errors NuGet gives for packages no source has.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "test"

FAKE_DOTNET = textwrap.dedent(
    """\
    #!/usr/bin/env python3
    import os
    import sys

    command = sys.argv[1]
    if command == "restore":
        if os.environ["FAKE_PULUMI_PACKAGES"] == "missing":
            for package in ("Pulumi", "Pulumi.Aws", "Pulumi.AwsNative"):
                print(f"/repo/tests/Infra.Tests/Infra.Tests.csproj : error NU1101: Unable to find package {package}. "
                      "No packages exist with this id in source(s): nuget.org")
            sys.exit(1)
        sys.exit(0)
    if command == "test":
        print("Passed!  - Failed:     0, Passed:     4, Skipped:     0, Total:     4, Duration: 1 s - Suite.dll (net10.0)")
        sys.exit(0)
    sys.exit(f"fake dotnet: unsupported command {sys.argv[1:]}")
    """
)

PULUMI_TESTS = textwrap.dedent(
    """\
    public class StackTests
    {
        [Fact]
        public void One() { }

        [Theory]
        [InlineData("dev")]
        [InlineData("prod")]
        public void Two(string stack) { }

        [Theory]
        [MemberData(nameof(Stacks))]
        public void Three(string stack) { }
    }
    """
)


class ClosingLineTest(unittest.TestCase):
    def setUp(self) -> None:
        self.scratch = Path(tempfile.mkdtemp(prefix="scripts-test-"))
        self.addCleanup(shutil.rmtree, self.scratch)
        (self.scratch / "scripts").mkdir()
        shutil.copy(SCRIPT, self.scratch / "scripts" / "test")
        (self.scratch / "tests" / "Infra.Core.Tests").mkdir(parents=True)
        self.pulumi_tests = self.scratch / "tests" / "Infra.Tests"
        self.pulumi_tests.mkdir()
        (self.pulumi_tests / "Infra.Tests.csproj").write_text("<Project />\n", encoding="utf-8")
        bin_dir = self.scratch / "bin"
        bin_dir.mkdir()
        fake = bin_dir / "dotnet"
        fake.write_text(FAKE_DOTNET, encoding="utf-8")
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        self.path = f"{bin_dir}{os.pathsep}{os.environ['PATH']}"

    def run_script(self, packages: str, require_pulumi: str | None = None) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, PATH=self.path, FAKE_PULUMI_PACKAGES=packages)
        # ci.yml runs this suite with REQUIRE_PULUMI=1; each test decides it for the script it runs.
        env.pop("REQUIRE_PULUMI", None)
        if require_pulumi is not None:
            env["REQUIRE_PULUMI"] = require_pulumi
        return subprocess.run(
            ["bash", str(self.scratch / "scripts" / "test")],
            env=env, capture_output=True, text=True, timeout=60, check=False,
        )

    def closing_line(self, result: subprocess.CompletedProcess[str]) -> str:
        return result.stdout.rstrip("\n").splitlines()[-1]

    def test_skipped_pulumi_tests_are_counted_from_their_source(self) -> None:
        (self.pulumi_tests / "StackTests.cs").write_text(PULUMI_TESTS, encoding="utf-8")
        result = self.run_script("missing")
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        # One [Fact], two [InlineData] rows and one [MemberData] theory.
        self.assertEqual("4 passed, 0 failed, 4 skipped", self.closing_line(result))
        self.assertIn("skipped: infra/Infra, infra/Infra.Provider, tests/Infra.Tests, 4 tests not run", result.stdout)

    def test_a_skipped_suite_without_recognisable_tests_still_counts_as_one(self) -> None:
        result = self.run_script("missing")
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertEqual("4 passed, 0 failed, 1 skipped", self.closing_line(result))

    def test_nothing_is_skipped_when_the_pulumi_tests_run(self) -> None:
        (self.pulumi_tests / "StackTests.cs").write_text(PULUMI_TESTS, encoding="utf-8")
        result = self.run_script("present")
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertEqual("8 passed, 0 failed, 0 skipped", self.closing_line(result))
        self.assertNotIn("skipped:", result.stdout)

    def test_required_pulumi_projects_fail_instead_of_skipping(self) -> None:
        (self.pulumi_tests / "StackTests.cs").write_text(PULUMI_TESTS, encoding="utf-8")
        result = self.run_script("missing", require_pulumi="1")
        self.assertNotEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertEqual("4 passed, 1 failed, 0 skipped", self.closing_line(result))
        self.assertNotIn("skipped:", result.stdout)
        self.assertIn("REQUIRE_PULUMI=1", result.stdout)

    def test_required_pulumi_projects_run_where_they_restore(self) -> None:
        (self.pulumi_tests / "StackTests.cs").write_text(PULUMI_TESTS, encoding="utf-8")
        result = self.run_script("present", require_pulumi="1")
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertEqual("8 passed, 0 failed, 0 skipped", self.closing_line(result))

    def test_without_the_switch_a_missing_package_is_still_an_honest_skip(self) -> None:
        result = self.run_script("missing", require_pulumi="0")
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertEqual("4 passed, 0 failed, 1 skipped", self.closing_line(result))

    def test_an_unknown_switch_value_is_refused(self) -> None:
        result = self.run_script("present", require_pulumi="yes")
        self.assertEqual(2, result.returncode, result.stdout + result.stderr)
        self.assertIn("REQUIRE_PULUMI must be 1", result.stderr)
        self.assertIn("'yes'", result.stderr)


if __name__ == "__main__":
    unittest.main()
