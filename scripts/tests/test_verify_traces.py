"""End-to-end tests of scripts/verify-traces against fakes only.

* `pulumi` and `aws` are the fake executables in scripts/tests/fakebin, put first on PATH;
  they print the JSON fixtures in scripts/tests/fixtures (shaped like the X-Ray API:
  Traces[].Segments[].Document as a JSON string, TraceSummaries[]).
* The API is a throwaway http.server bound to 127.0.0.1 on a free port.
Nothing here talks to AWS or to any other network.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import unittest
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
SCRIPTS_DIR = TESTS_DIR.parent
SCRIPT = SCRIPTS_DIR / "verify-traces"
FIXTURES = TESTS_DIR / "fixtures"
FAKEBIN = TESTS_DIR / "fakebin"

CONSUMER_TRACE = "1-6745a1b3-4f1c2d3e4a5b6c7d8e9f0a1b"
UNRELATED_TRACE = "1-6745a1b1-0a0b0c0d0e0f101112131415"
TRACE_ID_RE = re.compile(r"^1-[0-9a-f]{8}-[0-9a-f]{24}$")

FAST_FAIL = ["--timeout", "0.6", "--poll-interval", "0.2"]
FAST_PASS = ["--timeout", "10", "--poll-interval", "0.1"]


class _FakeApi(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state_dir: Path, status: int, body: dict) -> None:
        self.state_dir = state_dir
        self.status = status
        self.body = body
        self.requests: list[dict] = []
        super().__init__(("127.0.0.1", 0), _FakeApiHandler)


class _FakeApiHandler(http.server.BaseHTTPRequestHandler):
    server: _FakeApi

    def do_POST(self) -> None:  # noqa: N802 (http.server naming)
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode("utf-8")
        header = self.headers.get("X-Amzn-Trace-Id", "")
        self.server.requests.append({"path": self.path, "header": header, "body": raw})
        match = re.match(r"Root=([^;]+)", header)
        if match:
            (self.server.state_dir / "trace_id").write_text(match.group(1), encoding="utf-8")
        payload = json.dumps(self.server.body).encode("utf-8")
        self.send_response(self.server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (keep test output quiet)
        pass


class VerifyTracesHarness(unittest.TestCase):
    """The fakes, the local API and a way to run the script against them; no test of its own."""

    def setUp(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="verify-traces-test-")
        self.addCleanup(self._tmp.cleanup)
        self.tmp = Path(self._tmp.name)
        self.bin = self.tmp / "bin"
        self.bin.mkdir()
        for tool in ("aws", "pulumi"):
            target = self.bin / tool
            shutil.copyfile(FAKEBIN / tool, target)
            target.chmod(target.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        # The fakes start with `#!/usr/bin/env python3`; make that resolve to this interpreter.
        (self.bin / "python3").symlink_to(sys.executable)
        self.state = self.tmp / "state"
        self.state.mkdir()
        self.outputs = json.loads((FIXTURES / "outputs.json").read_text(encoding="utf-8"))
        self.api: _FakeApi | None = None

    def start_api(self, status: int = 200, body: dict | None = None) -> str:
        if body is None:
            body = {"answer": "Sample critical paths at 100%.", "sources": ["runbook.md"], "messageId": "9f8e7d6c-5b4a-4321-8765-0fedcba98765"}
        self.api = _FakeApi(self.state, status, body)
        thread = threading.Thread(target=self.api.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        self.addCleanup(self.api.server_close)
        self.addCleanup(self.api.shutdown)
        host, port = self.api.server_address[:2]
        return f"http://{host}:{port}/dev"

    def run_script(self, *args: str, scenario: dict | None = None, status: int = 200,
                   only_tools: tuple[str, ...] | None = None) -> subprocess.CompletedProcess[str]:
        api_url = self.start_api(status)
        outputs_path = self.tmp / "outputs.json"
        outputs_path.write_text(json.dumps(self.outputs), encoding="utf-8")
        scenario_path = self.tmp / "scenario.json"
        scenario_path.write_text(json.dumps(scenario or {}), encoding="utf-8")
        if only_tools is not None:
            for tool in ("aws", "pulumi"):
                if tool not in only_tools:
                    (self.bin / tool).unlink()
        env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
        env.update(
            PATH=str(self.bin) if only_tools is not None else str(self.bin) + os.pathsep + env.get("PATH", ""),
            NO_PROXY="127.0.0.1,localhost",
            no_proxy="127.0.0.1,localhost",
            FAKE_STATE_DIR=str(self.state),
            FAKE_FIXTURES=str(FIXTURES),
            FAKE_SCENARIO=str(scenario_path),
            FAKE_PULUMI_OUTPUTS=str(outputs_path),
            FAKE_PULUMI_UNKNOWN_STACK="nosuchstack",
            FAKE_API_URL=api_url,
            PYTHONIOENCODING="utf-8",
        )
        return subprocess.run(
            [sys.executable, str(SCRIPT), *args],
            env=env, capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
        )

    def aws_calls(self) -> list[list[str]]:
        path = self.state / "aws_calls.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

    def assert_exit(self, proc: subprocess.CompletedProcess[str], code: int) -> None:
        self.assertEqual(proc.returncode, code, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")

    def pulumi_calls(self) -> list[list[str]]:
        path = self.state / "pulumi_calls.jsonl"
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]

    def ok_scenario(self, **extra: object) -> dict:
        """A request whose trace has every hop (API stage, chatbot, SQS send, linked consumer)."""
        scenario: dict = {
            "main": "trace_ok.json",
            "summaries": "summaries_consumer.json",
            "traces": {CONSUMER_TRACE: "consumer_linked.json", UNRELATED_TRACE: "consumer_unlinked.json"},
        }
        scenario.update(extra)
        return scenario


class VerifyTracesTest(VerifyTracesHarness):
    # ------------------------------------------------------------------ scenarios

    def test_complete_trace_passes_with_a_summary_of_every_check(self) -> None:
        proc = self.run_script("dev", *FAST_PASS, scenario={
            "main": "trace_ok.json",
            "summaries": "summaries_consumer.json",
            "traces": {CONSUMER_TRACE: "consumer_linked.json", UNRELATED_TRACE: "consumer_unlinked.json"},
        })
        self.assert_exit(proc, 0)
        out = proc.stdout
        self.assertIn("✔ API stage: adot-tracing-api-dev/dev (412 ms)", out)
        self.assertIn("✔ chatbot: adot-tracing-chatbot-dev (380 ms)", out)
        self.assertIn("✔ SQS send: SQS SendMessage -> adot-tracing-questions-dev (25 ms)", out)
        self.assertIn(f"✔ consumer: linked trace {CONSUMER_TRACE}: adot-tracing-sqs-consumer-dev", out)
        self.assertIn('span "DynamoDB Operation" (15 ms)', out)
        self.assertIn("verify-traces: OK", out)
        self.assertRegex(out, r"https://console\.aws\.amazon\.com/xray/home\?region=us-west-2#/traces/1-[0-9a-f]{8}-[0-9a-f]{24}")

        # The request: POST {apiUrl}/chat, JSON question, a sampled X-Ray trace header.
        assert self.api is not None
        [request] = self.api.requests
        self.assertEqual(request["path"], "/dev/chat")
        self.assertIn("question", json.loads(request["body"]))
        match = re.fullmatch(r"Root=(1-[0-9a-f]{8}-[0-9a-f]{24});Sampled=1", request["header"])
        self.assertIsNotNone(match, request["header"])
        trace_id = match.group(1)  # type: ignore[union-attr]
        self.assertRegex(trace_id, TRACE_ID_RE)

        calls = self.aws_calls()
        self.assertIn(["xray", "batch-get-traces", "--trace-ids", trace_id, "--region", "us-west-2", "--output", "json"], calls)
        summaries = [c for c in calls if c[:2] == ["xray", "get-trace-summaries"]]
        self.assertTrue(summaries, calls)
        self.assertIn('service("adot-tracing-sqs-consumer-dev")', summaries[0])
        self.assertIn("--start-time", summaries[0])
        self.assertIn("--end-time", summaries[0])

    def test_missing_sqs_send_fails_and_names_it(self) -> None:
        proc = self.run_script("dev", *FAST_FAIL, scenario={
            "main": "trace_missing_sqs.json",
            "summaries": "summaries_consumer.json",
            "traces": {CONSUMER_TRACE: "consumer_linked.json"},
        })
        self.assert_exit(proc, 1)
        self.assertIn("✘ missing SQS send", proc.stderr)
        self.assertIn("aws.operation SendMessage", proc.stderr)
        self.assertIn("✔ API stage", proc.stderr)
        self.assertNotIn("verify-traces: OK", proc.stdout)

    def test_no_linked_consumer_trace_fails(self) -> None:
        proc = self.run_script("dev", *FAST_FAIL, scenario={
            "main": "trace_ok.json",
            "summaries": "summaries_unrelated_only.json",
            "traces": {UNRELATED_TRACE: "consumer_unlinked.json"},
        })
        self.assert_exit(proc, 1)
        self.assertIn("✘ missing consumer", proc.stderr)
        self.assertIn("adot-tracing-sqs-consumer-dev", proc.stderr)
        self.assertIn("✔ SQS send", proc.stderr)

    def test_expect_fault_passes_on_the_exact_simulated_exception(self) -> None:
        proc = self.run_script("dev", "--expect-fault", *FAST_PASS, status=502, scenario={"main": "trace_fault.json"})
        self.assert_exit(proc, 0)
        self.assertIn("✔ POST /chat returned 502", proc.stdout)
        self.assertIn('✔ chatbot fault: Invocation: "Simulated failure in OpenSearch query"', proc.stdout)
        self.assertIn("fault verified", proc.stdout)
        # The consumer is not required with --expect-fault.
        self.assertFalse([c for c in self.aws_calls() if c[:2] == ["xray", "get-trace-summaries"]])

    def test_fault_with_another_message_fails(self) -> None:
        proc = self.run_script("dev", "--expect-fault", *FAST_FAIL, status=502, scenario={"main": "trace_fault_other_message.json"})
        self.assert_exit(proc, 1)
        self.assertIn("✘ missing chatbot fault", proc.stderr)
        self.assertIn('"Connection refused by OpenSearch domain"', proc.stderr)

    def test_trace_that_never_appears_times_out(self) -> None:
        # Long enough for several polls even on a busy machine.
        proc = self.run_script("dev", "--timeout", "2", "--poll-interval", "0.1", scenario={"main": "trace_not_found.json", "summaries": "summaries_empty.json"})
        self.assert_exit(proc, 1)
        self.assertIn("did not appear in X-Ray within 2s", proc.stderr)
        progress = [line for line in proc.stderr.splitlines() if line.startswith("waiting for trace 1-")]
        self.assertGreaterEqual(len(progress), 2, proc.stderr)
        self.assertRegex(progress[0], r"^waiting for trace 1-[0-9a-f]{8}-[0-9a-f]{24} \([\d.]+s/2s\): found nothing yet; missing: API stage, chatbot, SQS send, consumer$")

    def test_missing_stack_output_exits_2_and_names_it(self) -> None:
        del self.outputs["chatbotFunctionName"]
        proc = self.run_script("dev", *FAST_FAIL, scenario={"main": "trace_ok.json"})
        self.assert_exit(proc, 2)
        self.assertIn("missing the output(s): chatbotFunctionName", proc.stderr)
        assert self.api is not None
        self.assertEqual(self.api.requests, [], "no request may be sent without complete outputs")
        self.assertEqual(self.aws_calls(), [])

    # ------------------------------------------------------------------ cold start

    def test_init_duration_from_the_trace_sits_next_to_the_function_check(self) -> None:
        proc = self.run_script("dev", *FAST_PASS, scenario=self.ok_scenario())
        self.assert_exit(proc, 0)
        self.assertIn("✔ chatbot: adot-tracing-chatbot-dev (380 ms); INIT 390 ms (cold start, trace Initialization subsegment)", proc.stdout)
        # The trace answered for the chatbot: its logs are not read.
        groups = [c[c.index("--log-group-name") + 1] for c in self.aws_calls() if c[:2] == ["logs", "filter-log-events"]]
        self.assertNotIn("/aws/lambda/adot-tracing-chatbot-dev", groups)

    def test_init_duration_from_the_json_report_when_the_trace_has_none(self) -> None:
        proc = self.run_script("dev", *FAST_PASS, scenario=self.ok_scenario(
            logs={"/aws/lambda/adot-tracing-sqs-consumer-dev": "logs_consumer_cold_json.json"}))
        self.assert_exit(proc, 0)
        [line] = [line for line in proc.stdout.splitlines() if line.startswith("✔ consumer:")]
        self.assertTrue(line.endswith("; INIT 1187 ms (cold start, platform.report initDurationMs)"), line)
        [call] = [c for c in self.aws_calls() if c[:2] == ["logs", "filter-log-events"]]
        self.assertEqual(call[call.index("--log-group-name") + 1], "/aws/lambda/adot-tracing-sqs-consumer-dev")
        self.assertIn(f'?"{CONSUMER_TRACE}"', call[call.index("--filter-pattern") + 1])
        self.assertEqual(call[call.index("--region") + 1], "us-west-2")

    def test_a_report_without_init_is_a_warm_start(self) -> None:
        proc = self.run_script("dev", *FAST_PASS, scenario=self.ok_scenario(
            logs={"/aws/lambda/adot-tracing-sqs-consumer-dev": "logs_consumer_warm_text.json"}))
        self.assert_exit(proc, 0)
        self.assertRegex(proc.stdout, r"✔ consumer: .*; warm start, no INIT phase")

    def test_no_report_yet_is_said_and_does_not_fail_the_run(self) -> None:
        proc = self.run_script("dev", *FAST_PASS, scenario=self.ok_scenario())
        self.assert_exit(proc, 0)
        self.assertRegex(proc.stdout, r"✔ consumer: .*; INIT not known yet \(no report for this invocation in /aws/lambda/adot-tracing-sqs-consumer-dev\)")
        self.assertEqual(len([c for c in self.aws_calls() if c[:2] == ["logs", "filter-log-events"]]), 3)

    def test_a_logs_error_is_reported_next_to_the_check(self) -> None:
        proc = self.run_script("dev", *FAST_PASS, scenario=self.ok_scenario(
            logs_error="An error occurred (AccessDeniedException) when calling the FilterLogEvents operation"))
        self.assert_exit(proc, 0)
        self.assertRegex(proc.stdout, r"✔ consumer: .*; INIT not known \(aws logs filter-log-events exited 254: .*AccessDeniedException")

    # ------------------------------------------------------------------ edges

    def test_unknown_stack_exits_2(self) -> None:
        proc = self.run_script("nosuchstack", *FAST_FAIL)
        self.assert_exit(proc, 2)
        self.assertIn("no stack named 'nosuchstack' found", proc.stderr)

    def test_missing_aws_cli_exits_2_and_says_which_tool(self) -> None:
        proc = self.run_script("dev", *FAST_FAIL, only_tools=("pulumi",))
        self.assert_exit(proc, 2)
        self.assertIn("'aws' was not found on PATH", proc.stderr)

    def test_missing_pulumi_cli_exits_2_and_says_which_tool(self) -> None:
        proc = self.run_script("dev", *FAST_FAIL, only_tools=("aws",))
        self.assert_exit(proc, 2)
        self.assertIn("'pulumi' was not found on PATH", proc.stderr)

    def test_usage_error_exits_2(self) -> None:
        proc = self.run_script("--timeout", "5")
        self.assert_exit(proc, 2)
        self.assertIn("usage:", proc.stderr)

    def test_non_200_without_expect_fault_fails_at_once(self) -> None:
        proc = self.run_script("dev", *FAST_FAIL, status=502, scenario={"main": "trace_fault.json"})
        self.assert_exit(proc, 1)
        self.assertIn("POST /chat returned 502, expected 200", proc.stderr)
        self.assertEqual(self.aws_calls(), [])

    def test_expect_fault_but_api_answers_200_fails(self) -> None:
        proc = self.run_script("dev", "--expect-fault", *FAST_FAIL, status=200, scenario={"main": "trace_ok.json"})
        self.assert_exit(proc, 1)
        self.assertIn("expected a 5xx with --expect-fault", proc.stderr)

    def test_aws_errors_are_reported_when_the_wait_ends(self) -> None:
        proc = self.run_script("dev", *FAST_FAIL, scenario={
            "main": "trace_ok.json",
            "summaries_error": "An error occurred (AccessDeniedException) when calling the GetTraceSummaries operation",
        })
        self.assert_exit(proc, 1)
        self.assertIn("last AWS CLI error", proc.stderr)
        self.assertIn("AccessDeniedException", proc.stderr)


class ScriptFileTest(unittest.TestCase):
    def test_script_is_an_executable_python3_program(self) -> None:
        self.assertTrue(os.access(SCRIPT, os.X_OK), f"{SCRIPT} must be executable")
        first_line = SCRIPT.read_text(encoding="utf-8").splitlines()[0]
        self.assertEqual(first_line, "#!/usr/bin/env python3")


if __name__ == "__main__":
    unittest.main()
