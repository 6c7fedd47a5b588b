"""Unit tests of the INIT-duration reading: from the trace (verify_traces.xray) and from Lambda's reports
(verify_traces.lambda_logs). Report shapes follow the Lambda docs cited in lambda_logs."""

from __future__ import annotations

import json
import unittest
from pathlib import Path

from verify_traces import lambda_logs, xray

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUR = "1-6745a1b0-aaaaaaaaaaaaaaaaaaaaaaaa"
CONSUMER_TRACE = "1-6745a1b3-4f1c2d3e4a5b6c7d8e9f0a1b"


def load(name: str, trace_id: str = OUR) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8").replace("__TRACE_ID__", trace_id))


def platform_report(metrics: dict, request_id: str = "r-1", trace_id: str | None = None) -> str:
    record: dict = {"requestId": request_id, "metrics": metrics, "status": "success"}
    if trace_id:
        record["tracing"] = {"spanId": "0123456789abcdef", "type": "X-Amzn-Trace-Id", "value": f"Root={trace_id};Parent=0123456789abcdef;Sampled=1"}
    return json.dumps({"time": "2026-11-26T10:00:00.000Z", "type": "platform.report", "record": record})


class TraceInitTest(unittest.TestCase):
    def test_the_initialization_subsegment_is_the_init_phase(self) -> None:
        trace = xray.parse_batch_get_traces(load("trace_ok.json"))[OUR]
        self.assertAlmostEqual(xray.init_duration_ms(trace, "adot-tracing-chatbot-dev"), 390.0, places=0)

    def test_a_function_segment_without_it_had_no_init_in_this_trace(self) -> None:
        trace = xray.parse_batch_get_traces(load("consumer_linked.json", CONSUMER_TRACE))[CONSUMER_TRACE]
        self.assertIsNone(xray.init_duration_ms(trace, "adot-tracing-sqs-consumer-dev"))
        # Another function's Initialization does not count for this one.
        main = xray.parse_batch_get_traces(load("trace_ok.json"))[OUR]
        self.assertIsNone(xray.init_duration_ms(main, "adot-tracing-sqs-consumer-dev"))

    def test_request_id_and_log_group_come_from_the_segments(self) -> None:
        trace = xray.parse_batch_get_traces(load("trace_ok.json"))[OUR]
        self.assertEqual(xray.lambda_request_id(trace, "adot-tracing-chatbot-dev"), "5d1f7c0e-1111-2222-3333-444455556666")
        self.assertEqual(xray.log_group_of(trace, "adot-tracing-chatbot-dev"), "/aws/lambda/adot-tracing-chatbot-dev")
        consumer = xray.parse_batch_get_traces(load("consumer_linked.json", CONSUMER_TRACE))[CONSUMER_TRACE]
        # No cloudwatch_logs on that segment: Lambda's default group name.
        self.assertEqual(xray.log_group_of(consumer, "adot-tracing-sqs-consumer-dev"), "/aws/lambda/adot-tracing-sqs-consumer-dev")


class ReportTest(unittest.TestCase):
    def test_json_report_of_a_cold_start(self) -> None:
        report = lambda_logs.parse_report(platform_report({"durationMs": 41.5, "initDurationMs": 1187.42}, trace_id=CONSUMER_TRACE))
        assert report is not None
        self.assertEqual((report.init_ms, report.duration_ms, report.trace_id), (1187.42, 41.5, CONSUMER_TRACE))
        self.assertEqual(lambda_logs.describe(report, "/aws/lambda/f"), "INIT 1187 ms (cold start, platform.report initDurationMs)")

    def test_json_report_of_a_warm_start_has_no_init(self) -> None:
        report = lambda_logs.parse_report(platform_report({"durationMs": 3.1, "billedDurationMs": 4}))
        assert report is not None
        self.assertIsNone(report.init_ms)
        self.assertIn("warm start", lambda_logs.describe(report, "/aws/lambda/f"))

    def test_text_report_line(self) -> None:
        line = ("REPORT RequestId: 8f507cfc-1111-4222-8333-944455556677\tDuration: 102.12 ms\tBilled Duration: 103 ms\t"
                "Memory Size: 128 MB\tMax Memory Used: 58 MB\tInit Duration: 912.40 ms\t\n"
                "XRAY TraceId: 1-5e645f3e-1dfad076a177c5ccc5de12f5\tSegmentId: 094863be5b32b3d6\tSampled: true")
        report = lambda_logs.parse_report(line)
        assert report is not None
        self.assertEqual(report.request_id, "8f507cfc-1111-4222-8333-944455556677")
        self.assertEqual((report.duration_ms, report.init_ms), (102.12, 912.4))
        self.assertEqual(report.trace_id, "1-5e645f3e-1dfad076a177c5ccc5de12f5")
        self.assertEqual(report.source, "REPORT Init Duration")

    def test_other_lines_are_not_reports(self) -> None:
        for message in ("START RequestId: 1 Version: $LATEST", '{"level":"INFO","message":"Question recorded"}',
                        '{"type":"platform.start","record":{"requestId":"1"}}', "{not json"):
            self.assertIsNone(lambda_logs.parse_report(message), message)

    def test_the_report_of_this_invocation_is_picked(self) -> None:
        payload = load("logs_consumer_cold_json.json")
        report = lambda_logs.find_report(payload, CONSUMER_TRACE)
        assert report is not None
        self.assertEqual(report.init_ms, 1187.42)
        # By request id when the record carries no trace header.
        events = {"events": [{"message": platform_report({"durationMs": 1.0, "initDurationMs": 700.0}, request_id="r-9")}]}
        self.assertEqual(lambda_logs.find_report(events, CONSUMER_TRACE, "r-9").init_ms, 700.0)  # type: ignore[union-attr]
        self.assertIsNone(lambda_logs.find_report(events, CONSUMER_TRACE, "r-other"))

    def test_no_report_says_so(self) -> None:
        self.assertEqual(lambda_logs.describe(None, "/aws/lambda/f"), "INIT not known yet (no report for this invocation in /aws/lambda/f)")

    def test_a_response_without_events_is_refused(self) -> None:
        with self.assertRaises(ValueError):
            lambda_logs.find_report(["not", "an", "object"], CONSUMER_TRACE)


if __name__ == "__main__":
    unittest.main()
