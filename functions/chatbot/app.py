"""Chatbot Lambda function behind an API Gateway REST API (Lambda proxy integration).

For every question it:

1. validates the request body (``{"question": "..."}``),
2. looks up an answer with :func:`query_opensearch`,
3. sends the question to an SQS queue so the ``sqs-consumer`` function can
   record it, and
4. returns the answer as JSON.

Tracing needs no code here: with active tracing and the ADOT layer, the AWS SDK
calls become subsegments and the SQS message carries the ``AWSTraceHeader``
system attribute, which links this trace to the consumer's trace in X-Ray.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import os
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

MAX_QUESTION_LENGTH = 2000
DEFAULT_KNOWLEDGE_BASE_RESULTS = 3
SIMULATED_FAILURE_MESSAGE = "Simulated failure in OpenSearch query"
EXPECTED_BODY = 'a JSON object such as {"question": "How do I enable tracing?"}'

logger = logging.getLogger(__name__)
if "AWS_LAMBDA_LOG_LEVEL" not in os.environ:
    # With JSON logging the runtime applies the function's configured log
    # level; without it the root logger only shows warnings.
    logger.setLevel(logging.INFO)

# Note: extra fields in log calls avoid the key "requestId", which the Lambda
# JSON log format reserves for the Lambda request id.


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
# Configuration
# --------------------------------------------------------------------------


class ConfigurationError(RuntimeError):
    """The function's environment is wrong; this is a deployment problem."""


@dataclass(frozen=True)
class Settings:
    queue_url: str
    knowledge_base_id: str = ""
    simulate_failure: bool = False
    knowledge_base_results: int = DEFAULT_KNOWLEDGE_BASE_RESULTS

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Reads the settings at invocation time so configuration errors surface clearly."""
        env = os.environ if env is None else env
        queue_url = env.get("QUEUE_URL", "").strip()
        if not queue_url:
            raise ConfigurationError("Environment variable QUEUE_URL is required.")
        return cls(
            queue_url=queue_url,
            knowledge_base_id=env.get("KNOWLEDGE_BASE_ID", "").strip(),
            simulate_failure=_parse_bool("SIMULATE_FAILURE", env.get("SIMULATE_FAILURE", "")),
            knowledge_base_results=_parse_result_count(env.get("KNOWLEDGE_BASE_RESULTS", "")),
        )


def _parse_bool(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("", "false"):
        return False
    if value == "true":
        return True
    raise ConfigurationError(f"Environment variable {name} must be 'true' or 'false', got {raw!r}.")


def _parse_result_count(raw: str) -> int:
    if not raw.strip():
        return DEFAULT_KNOWLEDGE_BASE_RESULTS
    try:
        count = int(raw)
    except ValueError:
        count = 0
    if not 1 <= count <= 100:
        raise ConfigurationError(
            f"Environment variable KNOWLEDGE_BASE_RESULTS must be an integer from 1 to 100, got {raw!r}."
        )
    return count


# --------------------------------------------------------------------------
# Request parsing
# --------------------------------------------------------------------------


class BadRequest(ValueError):
    """The client sent a request this function cannot answer (HTTP 400)."""


def parse_question(event: dict[str, Any]) -> str:
    """Returns the question from an API Gateway proxy event or raises BadRequest."""
    body = event.get("body")
    if body is None or body == "":
        raise BadRequest(f"The request body is missing; expected {EXPECTED_BODY}.")
    if not isinstance(body, str):
        raise BadRequest(f"The request body must be text; expected {EXPECTED_BODY}.")

    if event.get("isBase64Encoded"):
        try:
            body = base64.b64decode(body, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise BadRequest(
                f"The request body is marked as base64 but is not valid base64-encoded UTF-8; expected {EXPECTED_BODY}."
            ) from None

    try:
        payload = json.loads(body)
    except json.JSONDecodeError:
        raise BadRequest(f"The request body is not valid JSON; expected {EXPECTED_BODY}.") from None

    if not isinstance(payload, dict):
        raise BadRequest(
            f"The request body must be a JSON object, not a JSON {_json_type(payload)}; expected {EXPECTED_BODY}."
        )
    if "question" not in payload:
        raise BadRequest(f'The request body has no "question" field; expected {EXPECTED_BODY}.')

    question = payload["question"]
    if not isinstance(question, str):
        raise BadRequest(f'The "question" field must be a string, not a JSON {_json_type(question)}.')
    question = question.strip()
    if not question:
        raise BadRequest('The "question" field is empty; send a non-empty question.')
    if len(question) > MAX_QUESTION_LENGTH:
        raise BadRequest(
            f'The "question" field has {len(question)} characters; the maximum is {MAX_QUESTION_LENGTH}.'
        )
    return question


def _json_type(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if value is None:
        return "null"
    return "string"


def request_id_of(event: dict[str, Any], context: Any) -> str:
    """API Gateway's request id (matches its access logs), else the Lambda request id."""
    request_context = event.get("requestContext") or {}
    return request_context.get("requestId") or getattr(context, "aws_request_id", None) or "unknown"


# --------------------------------------------------------------------------
# Knowledge lookup
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    text: str
    sources: list[str] = field(default_factory=list)


def query_opensearch(question: str, settings: Settings | None = None) -> Answer:
    """Looks up knowledge for the question.

    The name follows the article this sample is based on, where this step
    queries OpenSearch. Here it asks an Amazon Bedrock knowledge base (whose
    vector store is typically OpenSearch Serverless) when KNOWLEDGE_BASE_ID is
    set, and otherwise returns a fixed stand-in answer so the app works with
    no knowledge base at all.

    When SIMULATE_FAILURE is true it raises the article's exception. The
    handler lets it propagate so Lambda records a failed invocation and X-Ray
    shows the fault on this function's trace.
    """
    settings = settings or Settings.from_env()
    if settings.simulate_failure:
        raise Exception(SIMULATED_FAILURE_MESSAGE)
    if not settings.knowledge_base_id:
        return Answer(
            text=(
                "No knowledge base is configured, so this is a stand-in answer. "
                "Set KNOWLEDGE_BASE_ID to answer from an Amazon Bedrock knowledge base."
            )
        )
    return _retrieve_from_knowledge_base(question, settings)


def _retrieve_from_knowledge_base(question: str, settings: Settings) -> Answer:
    response = clients.get("bedrock-agent-runtime").retrieve(
        knowledgeBaseId=settings.knowledge_base_id,
        retrievalQuery={"text": question},
        retrievalConfiguration={
            "vectorSearchConfiguration": {"numberOfResults": settings.knowledge_base_results}
        },
    )
    results = response.get("retrievalResults", [])
    texts = [text for result in results if (text := (result.get("content") or {}).get("text"))]
    sources: list[str] = []
    for result in results:
        source = _source_of(result.get("location"))
        if source and source not in sources:
            sources.append(source)

    logger.info(
        "Knowledge base lookup finished",
        extra={"knowledgeBaseId": settings.knowledge_base_id, "resultCount": len(results)},
    )
    if not texts:
        return Answer(text="No relevant information was found in the knowledge base.", sources=sources)
    return Answer(text="\n\n".join(texts), sources=sources)


def _source_of(location: dict[str, Any] | None) -> str | None:
    """Returns the URI or URL of a retrieval result's location, whatever its type.

    Locations look like {"type": "S3", "s3Location": {"uri": "s3://..."}} or
    {"type": "WEB", "webLocation": {"url": "https://..."}}.
    """
    if not location:
        return None
    for value in location.values():
        if isinstance(value, dict):
            for key in ("uri", "url"):
                if value.get(key):
                    return str(value[key])
    return None


# --------------------------------------------------------------------------
# Queue
# --------------------------------------------------------------------------


def send_question(question: str, request_id: str, queue_url: str) -> str:
    """Sends the question to the queue and returns the SQS message id.

    The X-Ray trace header is added by the SDK/Lambda as the AWSTraceHeader
    system attribute, so no trace attribute is set here.
    """
    response = clients.get("sqs").send_message(
        QueueUrl=queue_url,
        MessageBody=json.dumps({"question": question, "requestId": request_id}),
    )
    return response["MessageId"]


# --------------------------------------------------------------------------
# Handler
# --------------------------------------------------------------------------


def _response(status_code: int, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "statusCode": status_code,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps(body),
    }


def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    settings = Settings.from_env()
    request_id = request_id_of(event, context)

    try:
        question = parse_question(event)
    except BadRequest as error:
        logger.warning("Rejected request", extra={"apiRequestId": request_id, "reason": str(error)})
        return _response(400, {"error": str(error)})

    # Not wrapped in try/except on purpose: a lookup failure must fail the
    # invocation so Lambda and X-Ray record it as an error.
    answer = query_opensearch(question, settings)
    message_id = send_question(question, request_id, settings.queue_url)

    logger.info(
        "Question answered and queued",
        extra={
            "apiRequestId": request_id,
            "questionLength": len(question),
            "sourceCount": len(answer.sources),
            "sqsMessageId": message_id,
        },
    )
    return _response(200, {"answer": answer.text, "sources": answer.sources, "messageId": message_id})
