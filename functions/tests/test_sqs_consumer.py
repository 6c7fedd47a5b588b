"""Unit tests for the sqs-consumer function (standard library only, no AWS calls)."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import sys
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any, Iterator
from unittest import mock

FUNCTIONS_DIR = Path(__file__).resolve().parent.parent
TABLE_NAME = "chatbot-questions"
SPAN_NAME = "DynamoDB Operation"


def load_app(folder: str) -> ModuleType:
    """Loads <folder>/app.py as a fresh module (folder names may contain hyphens)."""
    spec = importlib.util.spec_from_file_location(f"{folder.replace('-', '_')}_app", FUNCTIONS_DIR / folder / "app.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while it loads
    # No __pycache__ next to app.py: the function folders are zipped as they are.
    with mock.patch.object(sys, "dont_write_bytecode", True):
        spec.loader.exec_module(module)
    return module


def quiet_logs(test: unittest.TestCase, logger: logging.Logger) -> None:
    """Keeps expected warnings out of the test output; assertLogs still sees them."""
    null_handler = logging.NullHandler()
    logger.addHandler(null_handler)
    logger.propagate = False
    test.addCleanup(logger.removeHandler, null_handler)
    test.addCleanup(setattr, logger, "propagate", True)


class FakeTracer:
    """Records spans and knows which one is current, like OpenTelemetry's tracer."""

    def __init__(self) -> None:
        self.active: list[str] = []
        self.started: list[tuple[str, dict[str, Any]]] = []

    @contextlib.contextmanager
    def start_as_current_span(self, name: str, **kwargs: Any) -> Iterator[str]:
        self.started.append((name, kwargs.get("attributes", {})))
        self.active.append(name)
        try:
            yield name
        finally:
            self.active.pop()


class FakeDynamoDb:
    def __init__(self, tracer: FakeTracer, failing_questions: tuple[str, ...] = ()) -> None:
        self.tracer = tracer
        self.failing_questions = failing_questions
        self.puts: list[dict[str, Any]] = []

    def put_item(self, **kwargs: Any) -> dict[str, Any]:
        if kwargs["Item"]["question"]["S"] in self.failing_questions:
            raise RuntimeError("ProvisionedThroughputExceededException")
        self.puts.append({"kwargs": kwargs, "active_spans": list(self.tracer.active)})
        return {}


def sqs_record(message_id: str, body: str) -> dict[str, Any]:
    return {"messageId": message_id, "body": body, "eventSource": "aws:sqs", "attributes": {}}


def question_message(question: str, request_id: str = "api-req-1") -> str:
    return json.dumps({"question": question, "requestId": request_id})


CONTEXT = SimpleNamespace(aws_request_id="lambda-req-1")


class SqsConsumerTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.app = load_app("sqs-consumer")
        self.tracer = FakeTracer()
        self.dynamodb = FakeDynamoDb(self.tracer)
        self.app.tracer = self.tracer
        self.app.clients = self.app.LazyClients(factory={"dynamodb": self.dynamodb}.__getitem__)
        patcher = mock.patch.dict(os.environ, {"TABLE_NAME": TABLE_NAME})
        patcher.start()
        self.addCleanup(patcher.stop)
        quiet_logs(self, self.app.logger)


class AllGoodTests(SqsConsumerTestCase):
    def test_records_every_question_inside_a_dynamodb_span(self) -> None:
        before = datetime.now(timezone.utc)
        event = {
            "Records": [
                sqs_record("m-1", question_message("What is X-Ray?", "req-1")),
                sqs_record("m-2", question_message("What is ADOT?", "req-2")),
            ]
        }

        result = self.app.handler(event, CONTEXT)

        self.assertEqual(result, {"batchItemFailures": []})
        self.assertEqual(len(self.dynamodb.puts), 2)
        for put, (message_id, question, request_id) in zip(
            self.dynamodb.puts, [("m-1", "What is X-Ray?", "req-1"), ("m-2", "What is ADOT?", "req-2")]
        ):
            kwargs = put["kwargs"]
            self.assertEqual(kwargs["TableName"], TABLE_NAME)
            item = dict(kwargs["Item"])
            received_at = item.pop("receivedAt")["S"]
            self.assertEqual(
                item,
                {"messageId": {"S": message_id}, "question": {"S": question}, "requestId": {"S": request_id}},
            )
            parsed = datetime.fromisoformat(received_at.replace("Z", "+00:00"))
            self.assertEqual(parsed.utcoffset(), timedelta(0), "receivedAt is in UTC")
            self.assertLessEqual(before - timedelta(seconds=1), parsed)
            self.assertEqual(put["active_spans"], [SPAN_NAME], "put_item runs inside the span")

        self.assertEqual([name for name, _ in self.tracer.started], [SPAN_NAME, SPAN_NAME])
        self.assertEqual(self.tracer.started[0][1]["aws.dynamodb.table_names"], [TABLE_NAME])
        self.assertEqual(self.tracer.active, [], "spans are closed")

    def test_empty_batch(self) -> None:
        self.assertEqual(self.app.handler({"Records": []}, CONTEXT), {"batchItemFailures": []})

    def test_missing_request_id_is_recorded_as_unknown(self) -> None:
        result = self.app.handler({"Records": [sqs_record("m-1", json.dumps({"question": "Hi"}))]}, CONTEXT)

        self.assertEqual(result, {"batchItemFailures": []})
        self.assertEqual(self.dynamodb.puts[0]["kwargs"]["Item"]["requestId"], {"S": "unknown"})


class PartialFailureTests(SqsConsumerTestCase):
    def test_reports_exactly_the_failed_messages(self) -> None:
        self.dynamodb.failing_questions = ("This write fails",)
        event = {
            "Records": [
                sqs_record("good-1", question_message("First")),
                sqs_record("bad-json", "{not json"),
                sqs_record("put-fails", question_message("This write fails")),
                sqs_record("good-2", question_message("Second")),
            ]
        }

        with self.assertLogs(self.app.logger, level="WARNING") as logs:
            result = self.app.handler(event, CONTEXT)

        self.assertEqual(
            result, {"batchItemFailures": [{"itemIdentifier": "bad-json"}, {"itemIdentifier": "put-fails"}]}
        )
        self.assertEqual([put["kwargs"]["Item"]["messageId"]["S"] for put in self.dynamodb.puts], ["good-1", "good-2"])

        failures = {record.sqsMessageId: record.reason for record in logs.records}
        self.assertEqual(set(failures), {"bad-json", "put-fails"})
        self.assertIn("not valid JSON", failures["bad-json"])
        self.assertIn("ProvisionedThroughputExceededException", failures["put-fails"])

    def test_invalid_messages_are_reported(self) -> None:
        cases = {
            "array": json.dumps(["question"]),
            "no-question": json.dumps({"requestId": "r"}),
            "empty-question": json.dumps({"question": "  "}),
            "number-question": json.dumps({"question": 7}),
        }
        event = {"Records": [sqs_record(message_id, body) for message_id, body in cases.items()]}

        with self.assertLogs(self.app.logger, level="WARNING"):
            result = self.app.handler(event, CONTEXT)

        self.assertEqual(result["batchItemFailures"], [{"itemIdentifier": message_id} for message_id in cases])
        self.assertEqual(self.dynamodb.puts, [])
        self.assertEqual(self.tracer.started, [], "no span is opened for a message that is never written")


class ConfigurationTests(SqsConsumerTestCase):
    def test_missing_table_name_fails_the_invocation(self) -> None:
        os.environ.pop("TABLE_NAME")

        with self.assertRaisesRegex(RuntimeError, "TABLE_NAME"):
            self.app.handler({"Records": [sqs_record("m-1", question_message("Hi"))]}, CONTEXT)


class TracerResolutionTests(unittest.TestCase):
    def setUp(self) -> None:
        self.app = load_app("sqs-consumer")
        quiet_logs(self, self.app.logger)

    def test_uses_opentelemetry_when_available(self) -> None:
        requested: list[str] = []
        otel_tracer = FakeTracer()

        def get_tracer(name: str) -> FakeTracer:
            requested.append(name)
            return otel_tracer

        trace_module = ModuleType("opentelemetry.trace")
        trace_module.get_tracer = get_tracer
        package = ModuleType("opentelemetry")
        package.trace = trace_module
        with mock.patch.dict(sys.modules, {"opentelemetry": package, "opentelemetry.trace": trace_module}):
            resolved = self.app.get_tracer()

        self.assertIs(resolved, otel_tracer)
        self.assertEqual(requested, [self.app.__name__])

    def test_falls_back_to_a_no_op_tracer(self) -> None:
        dynamodb = FakeDynamoDb(FakeTracer())
        self.app.clients = self.app.LazyClients(factory={"dynamodb": dynamodb}.__getitem__)

        # A None entry in sys.modules makes the import fail, even where the package is installed.
        with mock.patch.dict(sys.modules, {"opentelemetry": None}), mock.patch.dict(
            os.environ, {"TABLE_NAME": TABLE_NAME}
        ):
            result = self.app.handler({"Records": [sqs_record("m-1", question_message("Hi"))]}, CONTEXT)

        self.assertIsInstance(self.app.tracer, self.app.NoOpTracer)
        self.assertEqual(result, {"batchItemFailures": []})
        self.assertEqual(len(dynamodb.puts), 1)


if __name__ == "__main__":
    unittest.main()
