"""Unit tests of the pure trace-reading logic in verify_traces.xray / cli helpers."""

from __future__ import annotations

import json
import re
import unittest
from pathlib import Path

from verify_traces import cli, xray

FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUR = "1-6745a1b0-aaaaaaaaaaaaaaaaaaaaaaaa"


def load(name: str, trace_id: str = OUR) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8").replace("__TRACE_ID__", trace_id))


def expectation(**overrides: object) -> xray.Expectation:
    values = dict(
        trace_id=OUR, api_name="adot-tracing-api-dev", stage_name="dev",
        chatbot="adot-tracing-chatbot-dev", consumer="adot-tracing-sqs-consumer-dev",
        queue_url="https://sqs.us-west-2.amazonaws.com/123456789012/adot-tracing-questions-dev",
        queue_name="adot-tracing-questions-dev",
    )
    values.update(overrides)
    return xray.Expectation(**values)  # type: ignore[arg-type]


def batch(trace_id: str, *documents: dict) -> dict:
    """A BatchGetTraces response with the documents serialised as strings, as the API returns them."""
    return {"Traces": [{"Id": trace_id, "Segments": [{"Id": d["id"], "Document": json.dumps(d)} for d in documents]}]}


class ParsingTest(unittest.TestCase):
    def test_documents_are_json_strings_and_get_parsed_with_nested_subsegments(self) -> None:
        traces = xray.parse_batch_get_traces(load("trace_ok.json"))
        trace = traces[OUR]
        names = [n.name for n in trace.nodes()]
        self.assertIn("adot-tracing-api-dev/dev", names)
        self.assertIn("OpenSearch query", names)  # three levels deep
        self.assertIn("SQS", names)

    def test_bad_document_is_a_format_error(self) -> None:
        with self.assertRaises(xray.TraceFormatError):
            xray.parse_batch_get_traces({"Traces": [{"Id": OUR, "Segments": [{"Id": "x", "Document": "{not json"}]}]})
        with self.assertRaises(xray.TraceFormatError):
            xray.parse_batch_get_traces(["not", "an", "object"])

    def test_trace_summaries_yield_unique_ids(self) -> None:
        ids = xray.parse_trace_summaries(load("summaries_consumer.json"))
        self.assertEqual(ids, ["1-6745a1b1-0a0b0c0d0e0f101112131415", "1-6745a1b3-4f1c2d3e4a5b6c7d8e9f0a1b"])


class EvaluateTest(unittest.TestCase):
    def main_trace(self, name: str = "trace_ok.json") -> xray.Trace:
        return xray.parse_batch_get_traces(load(name))[OUR]

    def linked(self, name: str) -> list[xray.Trace]:
        return list(xray.parse_batch_get_traces(load(name)).values())

    def test_everything_present(self) -> None:
        checks = xray.evaluate(self.main_trace(), self.linked("consumer_linked.json"), expectation())
        self.assertEqual([(c.key, c.ok) for c in checks], [("api", True), ("chatbot", True), ("sqs", True), ("consumer", True)])

    def test_api_stage_must_be_named_api_slash_stage(self) -> None:
        checks = xray.evaluate(self.main_trace(), [], expectation(stage_name="prod"))
        self.assertFalse(checks[0].ok)
        self.assertIn("adot-tracing-api-dev/prod", checks[0].hint)

    def test_sqs_send_to_another_queue_does_not_count(self) -> None:
        checks = xray.evaluate(self.main_trace(), [], expectation(queue_url="https://sqs.us-west-2.amazonaws.com/123456789012/other"))
        self.assertFalse({c.key: c for c in checks}["sqs"].ok)

    def test_consumer_found_through_a_child_link_in_our_trace(self) -> None:
        consumer_id = "1-6745a1b3-bbbbbbbbbbbbbbbbbbbbbbbb"
        function = {"id": "aaaaaaaaaaaaaaa1", "name": "adot-tracing-chatbot-dev", "trace_id": OUR, "start_time": 1.0, "end_time": 2.0,
                    "origin": "AWS::Lambda::Function",
                    "subsegments": [{"id": "aaaaaaaaaaaaaaa2", "name": "Invocation", "start_time": 1.0, "end_time": 2.0,
                                     "links": [{"trace_id": consumer_id, "id": "bbbbbbbbbbbbbbb1",
                                                "attributes": {"aws.xray.reserved.reference_type": "child"}}]}]}
        main = xray.parse_batch_get_traces(batch(OUR, function))[OUR]
        self.assertEqual(xray.child_link_trace_ids(main), [consumer_id])
        # The consumer trace itself carries no back-link here; the child link is enough.
        consumer_doc = {"id": "bbbbbbbbbbbbbbb1", "name": "adot-tracing-sqs-consumer-dev", "trace_id": consumer_id,
                        "start_time": 3.0, "end_time": 3.5, "origin": "AWS::Lambda",
                        "resource_arn": "arn:aws:lambda:us-west-2:123456789012:function:adot-tracing-sqs-consumer-dev"}
        linked = list(xray.parse_batch_get_traces(batch(consumer_id, consumer_doc)).values())
        consumer = {c.key: c for c in xray.evaluate(main, linked, expectation())}["consumer"]
        self.assertTrue(consumer.ok)
        self.assertIn(consumer_id, consumer.detail)

    def test_unlinked_consumer_trace_does_not_count(self) -> None:
        checks = xray.evaluate(self.main_trace(), self.linked("consumer_unlinked.json"), expectation())
        self.assertFalse({c.key: c for c in checks}["consumer"].ok)

    def test_opentelemetry_shaped_sqs_span_counts(self) -> None:
        doc = {"id": "cccccccccccccccc", "name": "adot-tracing-chatbot-dev", "trace_id": OUR, "start_time": 1.0, "end_time": 2.0,
               "origin": "AWS::Lambda::Function",
               "subsegments": [{"id": "ccccccccccccccc1", "name": "SQS.SendMessage", "start_time": 1.1, "end_time": 1.2}]}
        main = xray.parse_batch_get_traces(batch(OUR, doc))[OUR]
        self.assertTrue({c.key: c for c in xray.evaluate(main, [], expectation())}["sqs"].ok)

    def test_fault_requires_the_exact_message(self) -> None:
        ok = xray.evaluate(self.main_trace("trace_fault.json"), [], expectation(expect_fault=True))
        self.assertEqual([c.key for c in ok], ["api", "chatbot", "fault"])
        self.assertTrue(all(c.ok for c in ok))
        other = xray.evaluate(self.main_trace("trace_fault_other_message.json"), [], expectation(expect_fault=True))
        self.assertFalse(other[-1].ok)
        self.assertIn("Connection refused by OpenSearch domain", other[-1].hint)

    def test_fault_without_fault_flag_is_explained(self) -> None:
        checks = xray.evaluate(self.main_trace(), [], expectation(expect_fault=True))
        self.assertFalse(checks[-1].ok)
        self.assertIn("no fault: true", checks[-1].hint)


class TraceIdTest(unittest.TestCase):
    def test_trace_id_format_and_header(self) -> None:
        trace_id = cli.new_trace_id(now=1480615200)
        self.assertRegex(trace_id, r"^1-58406520-[0-9a-f]{24}$")
        self.assertNotEqual(cli.new_trace_id(), cli.new_trace_id())
        self.assertTrue(re.fullmatch(r"Root=1-[0-9a-f]{8}-[0-9a-f]{24};Sampled=1", cli.trace_header(cli.new_trace_id())))


if __name__ == "__main__":
    unittest.main()
