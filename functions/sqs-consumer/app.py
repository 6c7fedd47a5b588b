"""SQS consumer Lambda function: records each chatbot question in DynamoDB.

The event source mapping uses ReportBatchItemFailures, so the handler returns
the ids of the messages it could not process; SQS retries only those.

The DynamoDB write runs inside a manually created OpenTelemetry span named
"DynamoDB Operation", as in the article's manual-instrumentation example. The
ADOT Lambda layer provides the ``opentelemetry`` package at run time; where it
is missing (for example in unit tests) a no-op tracer is used instead.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from datetime import datetime, timezone
from typing import Any, Callable, ContextManager, Mapping, Protocol

SPAN_NAME = "DynamoDB Operation"

logger = logging.getLogger(__name__)
if "AWS_LAMBDA_LOG_LEVEL" not in os.environ:
    # With JSON logging the runtime applies the function's configured log
    # level; without it the root logger only shows warnings.
    logger.setLevel(logging.INFO)


# --------------------------------------------------------------------------
# AWS clients
# --------------------------------------------------------------------------


def _create_boto3_client(service_name: str) -> Any:
    import boto3  # Imported lazily: provided by the Lambda runtime.

    return boto3.client(service_name)


class LazyClients:
    """Creates AWS SDK clients on first use and reuses them across invocations.

    Tests replace the module-level ``clients`` with an instance built around a
    factory that returns fakes, so no AWS SDK is needed to run them.
    """

    def __init__(self, factory: Callable[[str], Any] = _create_boto3_client) -> None:
        self._factory = factory
        self._cache: dict[str, Any] = {}

    def get(self, service_name: str) -> Any:
        if service_name not in self._cache:
            self._cache[service_name] = self._factory(service_name)
        return self._cache[service_name]


clients = LazyClients()


# --------------------------------------------------------------------------
# Tracing
# --------------------------------------------------------------------------


class Tracer(Protocol):
    """The part of opentelemetry.trace.Tracer this function uses."""

    def start_as_current_span(self, name: str, **kwargs: Any) -> ContextManager[Any]: ...


class NoOpTracer:
    """Stands in for OpenTelemetry when the package is not available."""

    def start_as_current_span(self, name: str, **kwargs: Any) -> ContextManager[Any]:
        return contextlib.nullcontext()


# Set this to inject a tracer (tests do); otherwise resolved on first use.
tracer: Tracer | None = None


def get_tracer() -> Tracer:
    global tracer
    if tracer is None:
        try:
            from opentelemetry import trace
        except ImportError:
            logger.info("opentelemetry is not installed; spans are not recorded")
            tracer = NoOpTracer()
        else:
            tracer = trace.get_tracer(__name__)
    return tracer


# --------------------------------------------------------------------------
# Message processing
# --------------------------------------------------------------------------


class InvalidMessage(ValueError):
    """The message body is not a question this function can record."""


def parse_message(body: str) -> tuple[str, str]:
    """Returns (question, requestId) from a message sent by the chatbot."""
    try:
        payload = json.loads(body)
    except (TypeError, json.JSONDecodeError):
        raise InvalidMessage("message body is not valid JSON") from None
    if not isinstance(payload, dict):
        raise InvalidMessage("message body is not a JSON object")
    question = payload.get("question")
    if not isinstance(question, str) or not question.strip():
        raise InvalidMessage('message body has no non-empty "question" string')
    request_id = payload.get("requestId")
    return question, request_id if isinstance(request_id, str) and request_id else "unknown"


def utc_now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record_question(message_id: str, question: str, request_id: str, table_name: str) -> None:
    """Writes the question to DynamoDB inside the "DynamoDB Operation" span.

    The item is keyed by the SQS message id, so a redelivered message
    overwrites its own item instead of creating a duplicate.
    """
    item = {
        "messageId": {"S": message_id},
        "question": {"S": question},
        "requestId": {"S": request_id},
        "receivedAt": {"S": utc_now_iso()},
    }
    attributes = {
        "db.system": "dynamodb",
        "db.operation": "PutItem",
        "aws.dynamodb.table_names": [table_name],
        "messaging.message.id": message_id,
    }
    with get_tracer().start_as_current_span(SPAN_NAME, attributes=attributes):
        clients.get("dynamodb").put_item(TableName=table_name, Item=item)


def process_record(record: Mapping[str, Any], table_name: str) -> None:
    question, request_id = parse_message(record.get("body"))
    record_question(record["messageId"], question, request_id, table_name)


# --------------------------------------------------------------------------
# Handler
# --------------------------------------------------------------------------


def _table_name() -> str:
    table_name = os.environ.get("TABLE_NAME", "").strip()
    if not table_name:
        # Failing the whole invocation is right here: every message would fail.
        raise RuntimeError("Environment variable TABLE_NAME is required.")
    return table_name


def handler(event: dict[str, Any], context: Any) -> dict[str, list[dict[str, str]]]:
    table_name = _table_name()
    failures: list[dict[str, str]] = []

    for record in event.get("Records", []):
        message_id = record.get("messageId", "")
        try:
            process_record(record, table_name)
        except InvalidMessage as error:
            logger.warning("Message rejected", extra={"sqsMessageId": message_id, "reason": str(error)})
            failures.append({"itemIdentifier": message_id})
        except Exception as error:  # Any other failure must not fail the rest of the batch.
            logger.exception(
                "Message processing failed",
                extra={"sqsMessageId": message_id, "reason": f"{type(error).__name__}: {error}"},
            )
            failures.append({"itemIdentifier": message_id})
        else:
            logger.info("Question recorded", extra={"sqsMessageId": message_id})

    return {"batchItemFailures": failures}
