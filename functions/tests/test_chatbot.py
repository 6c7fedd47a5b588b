"""Unit tests for the chatbot function (standard library only, no AWS calls)."""

from __future__ import annotations

import base64
import importlib.util
import json
import logging
import os
import sys
import unittest
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any
from unittest import mock

FUNCTIONS_DIR = Path(__file__).resolve().parent.parent
QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/chatbot-questions"
ENV_NAMES = ("QUEUE_URL", "KNOWLEDGE_BASE_ID", "SIMULATE_FAILURE", "KNOWLEDGE_BASE_RESULTS")


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


class FakeSqs:
    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    def send_message(self, **kwargs: Any) -> dict[str, str]:
        self.sent.append(kwargs)
        return {"MessageId": f"msg-{len(self.sent)}"}


class FakeBedrockAgentRuntime:
    def __init__(self, response: dict[str, Any]) -> None:
        self.response = response
        self.calls: list[dict[str, Any]] = []

    def retrieve(self, **kwargs: Any) -> dict[str, Any]:
        self.calls.append(kwargs)
        return self.response


def api_event(body: Any, *, base64_encoded: bool = False, request_id: str | None = "api-req-1") -> dict[str, Any]:
    event: dict[str, Any] = {"httpMethod": "POST", "path": "/chat", "body": body, "isBase64Encoded": base64_encoded}
    if request_id is not None:
        event["requestContext"] = {"requestId": request_id}
    return event


def question_body(question: Any) -> str:
    return json.dumps({"question": question})


CONTEXT = SimpleNamespace(aws_request_id="lambda-req-1")


class ChatbotTestCase(unittest.TestCase):
    def setUp(self) -> None:
        self.app = load_app("chatbot")
        self.sqs = FakeSqs()
        self.bedrock = FakeBedrockAgentRuntime({"retrievalResults": []})
        self.created_clients: list[str] = []
        self.app.clients = self.app.LazyClients(factory=self._fake_client)
        self.set_env(QUEUE_URL=QUEUE_URL)
        quiet_logs(self, self.app.logger)

    def _fake_client(self, service_name: str) -> Any:
        self.created_clients.append(service_name)
        return {"sqs": self.sqs, "bedrock-agent-runtime": self.bedrock}[service_name]

    def set_env(self, **values: str) -> None:
        """Sets exactly the given function variables; the others are unset."""
        patcher = mock.patch.dict(os.environ, values)
        patcher.start()
        self.addCleanup(patcher.stop)
        for name in ENV_NAMES:
            if name not in values:
                os.environ.pop(name, None)

    def invoke(self, event: dict[str, Any]) -> tuple[int, dict[str, str], dict[str, Any]]:
        response = self.app.handler(event, CONTEXT)
        return response["statusCode"], response["headers"], json.loads(response["body"])


class SuccessTests(ChatbotTestCase):
    def test_answers_and_queues_the_question(self) -> None:
        status, headers, body = self.invoke(api_event(question_body("What is X-Ray?")))

        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertIn("No knowledge base is configured", body["answer"])
        self.assertEqual(body["sources"], [])
        self.assertEqual(body["messageId"], "msg-1")

        self.assertEqual(len(self.sqs.sent), 1)
        sent = self.sqs.sent[0]
        self.assertEqual(sent["QueueUrl"], QUEUE_URL)
        self.assertEqual(json.loads(sent["MessageBody"]), {"question": "What is X-Ray?", "requestId": "api-req-1"})
        self.assertNotIn("MessageAttributes", sent)

    def test_stand_in_answer_is_deterministic_and_uses_no_knowledge_base(self) -> None:
        _, _, first = self.invoke(api_event(question_body("one")))
        _, _, second = self.invoke(api_event(question_body("two")))

        self.assertEqual(first["answer"], second["answer"])
        self.assertEqual(self.bedrock.calls, [])
        self.assertEqual(self.created_clients, ["sqs"], "clients are created lazily and only once")

    def test_falls_back_to_lambda_request_id(self) -> None:
        self.invoke(api_event(question_body("Hello?"), request_id=None))

        self.assertEqual(json.loads(self.sqs.sent[0]["MessageBody"])["requestId"], "lambda-req-1")

    def test_base64_encoded_body(self) -> None:
        encoded = base64.b64encode(question_body("Où est la trace ?").encode("utf-8")).decode("ascii")

        status, _, _ = self.invoke(api_event(encoded, base64_encoded=True))

        self.assertEqual(status, 200)
        self.assertEqual(json.loads(self.sqs.sent[0]["MessageBody"])["question"], "Où est la trace ?")

    def test_question_of_maximum_length_is_accepted(self) -> None:
        status, _, _ = self.invoke(api_event(question_body("q" * 2000)))

        self.assertEqual(status, 200)

    def test_simulate_failure_false_in_any_case_answers(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, SIMULATE_FAILURE="False")

        status, _, _ = self.invoke(api_event(question_body("Hi")))

        self.assertEqual(status, 200)


class BadRequestTests(ChatbotTestCase):
    def assert_bad_request(self, event: dict[str, Any], *expected_fragments: str) -> str:
        with self.assertLogs(self.app.logger, level="WARNING") as logs:
            status, headers, body = self.invoke(event)

        self.assertEqual(status, 400)
        self.assertEqual(headers["Content-Type"], "application/json")
        self.assertEqual(list(body), ["error"])
        for fragment in expected_fragments:
            self.assertIn(fragment, body["error"])
        self.assertEqual(self.sqs.sent, [], "nothing is queued for a bad request")
        self.assertEqual(logs.records[0].reason, body["error"])
        return body["error"]

    def test_missing_body(self) -> None:
        self.assert_bad_request(api_event(None), "missing", '{"question"')

    def test_empty_body(self) -> None:
        self.assert_bad_request(api_event(""), "missing")

    def test_body_is_not_json(self) -> None:
        self.assert_bad_request(api_event("question=hello"), "not valid JSON", '{"question"')

    def test_body_is_json_array(self) -> None:
        self.assert_bad_request(api_event(json.dumps(["hello"])), "JSON object", "array")

    def test_question_missing(self) -> None:
        self.assert_bad_request(api_event(json.dumps({"q": "hello"})), 'no "question" field')

    def test_question_empty(self) -> None:
        self.assert_bad_request(api_event(question_body("   ")), "empty")

    def test_question_not_a_string(self) -> None:
        self.assert_bad_request(api_event(question_body(42)), "must be a string", "number")

    def test_question_too_long(self) -> None:
        self.assert_bad_request(api_event(question_body("q" * 2001)), "2001 characters", "maximum is 2000")

    def test_invalid_base64(self) -> None:
        self.assert_bad_request(api_event("not base64!", base64_encoded=True), "base64")


class SimulatedFailureTests(ChatbotTestCase):
    def test_raises_the_article_exception_and_queues_nothing(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, SIMULATE_FAILURE="TRUE")

        with self.assertRaises(Exception) as raised:
            self.app.handler(api_event(question_body("Will this fail?")), CONTEXT)

        self.assertIs(type(raised.exception), Exception)
        self.assertEqual(str(raised.exception), "Simulated failure in OpenSearch query")
        self.assertEqual(self.sqs.sent, [])

    def test_query_opensearch_reads_the_switch_from_the_environment(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, SIMULATE_FAILURE="true")

        with self.assertRaisesRegex(Exception, "^Simulated failure in OpenSearch query$"):
            self.app.query_opensearch("question")


class KnowledgeBaseTests(ChatbotTestCase):
    def test_answers_from_retrieved_passages(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, KNOWLEDGE_BASE_ID="KB12345678", KNOWLEDGE_BASE_RESULTS="5")
        self.bedrock.response = {
            "retrievalResults": [
                {
                    "content": {"text": "X-Ray traces requests."},
                    "location": {"type": "S3", "s3Location": {"uri": "s3://docs/xray.md"}},
                    "score": 0.9,
                },
                {
                    "content": {"text": "ADOT exports spans."},
                    "location": {"type": "WEB", "webLocation": {"url": "https://example.com/adot"}},
                },
                {
                    "content": {"text": "More on X-Ray."},
                    "location": {"type": "S3", "s3Location": {"uri": "s3://docs/xray.md"}},
                },
                {"content": {"text": "No location here."}},
            ]
        }

        status, _, body = self.invoke(api_event(question_body("How does tracing work?")))

        self.assertEqual(status, 200)
        self.assertEqual(
            self.bedrock.calls,
            [
                {
                    "knowledgeBaseId": "KB12345678",
                    "retrievalQuery": {"text": "How does tracing work?"},
                    "retrievalConfiguration": {"vectorSearchConfiguration": {"numberOfResults": 5}},
                }
            ],
        )
        for text in ("X-Ray traces requests.", "ADOT exports spans.", "More on X-Ray.", "No location here."):
            self.assertIn(text, body["answer"])
        self.assertEqual(body["sources"], ["s3://docs/xray.md", "https://example.com/adot"])
        self.assertEqual(len(self.sqs.sent), 1)

    def test_default_result_count_is_three(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, KNOWLEDGE_BASE_ID="KB12345678")

        self.invoke(api_event(question_body("Hi")))

        self.assertEqual(
            self.bedrock.calls[0]["retrievalConfiguration"], {"vectorSearchConfiguration": {"numberOfResults": 3}}
        )

    def test_no_results(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, KNOWLEDGE_BASE_ID="KB12345678")

        status, _, body = self.invoke(api_event(question_body("Unknown topic?")))

        self.assertEqual(status, 200)
        self.assertIn("No relevant information", body["answer"])
        self.assertEqual(body["sources"], [])


class ConfigurationTests(ChatbotTestCase):
    def test_missing_queue_url_fails_the_invocation(self) -> None:
        self.set_env()

        with self.assertRaisesRegex(self.app.ConfigurationError, "QUEUE_URL"):
            self.app.handler(api_event(question_body("Hi")), CONTEXT)

    def test_invalid_result_count_fails_the_invocation(self) -> None:
        for raw in ("three", "0", "101"):
            with self.subTest(raw=raw):
                self.set_env(QUEUE_URL=QUEUE_URL, KNOWLEDGE_BASE_ID="KB1", KNOWLEDGE_BASE_RESULTS=raw)
                with self.assertRaisesRegex(self.app.ConfigurationError, "KNOWLEDGE_BASE_RESULTS"):
                    self.app.handler(api_event(question_body("Hi")), CONTEXT)

    def test_unrecognised_failure_switch_fails_the_invocation(self) -> None:
        self.set_env(QUEUE_URL=QUEUE_URL, SIMULATE_FAILURE="yes")

        with self.assertRaisesRegex(self.app.ConfigurationError, "SIMULATE_FAILURE"):
            self.app.handler(api_event(question_body("Hi")), CONTEXT)


if __name__ == "__main__":
    unittest.main()
