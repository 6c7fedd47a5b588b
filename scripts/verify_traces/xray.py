"""Pure functions that read AWS X-Ray API responses and decide what a trace proves.

Nothing in this module performs I/O; ``verify_traces.cli`` feeds it the JSON printed by
``aws xray batch-get-traces`` / ``aws xray get-trace-summaries``.

References (the shapes this module relies on):

* BatchGetTraces returns ``Traces[].Segments[]`` where each segment's ``Document`` is the
  segment document *as a JSON string* that has to be parsed again:
  https://docs.aws.amazon.com/xray/latest/api/API_BatchGetTraces.html and
  https://docs.aws.amazon.com/xray/latest/api/API_Segment.html ("Document - The segment
  document. Type: String").
* Segment document fields (``name``, ``origin``, ``start_time``/``end_time``, nested
  ``subsegments``, ``namespace`` "aws" for AWS SDK calls, ``aws.operation``,
  ``aws.queue_url`` "For operations on an Amazon SQS queue", ``fault`` and
  ``cause.exceptions[].message``):
  https://docs.aws.amazon.com/xray/latest/devguide/xray-api-segmentdocuments.html
* An API Gateway REST stage records a segment named ``<api name>/<stage>`` with
  ``origin`` ``AWS::ApiGateway::Stage`` (example trace segment "testxray/dev"):
  https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-understanding-xray-traces.html
* Lambda active tracing records an ``AWS::Lambda`` service segment and an
  ``AWS::Lambda::Function`` function segment; traces of SQS message producers are linked
  automatically to the traces of the downstream Lambda consumers (a separate trace):
  https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html and
  https://docs.aws.amazon.com/xray/latest/devguide/xray-tracelinking.html
* A linked trace shows up in segment documents as a ``links`` array of
  ``{"trace_id", "id", "attributes": {"aws.xray.reserved.reference_type": "parent"|"child", ...}}``
  on the segment or on a subsegment (the X-Ray developer guide describes linked traces only
  from the console side; this field shape is taken from the BatchGetTraces fixtures and
  the trace-tree walker in AWS's own integration test kit, github.com/awslabs/aws-iatk,
  internal/pkg/xray/testdata/traceWithLinks01.json and internal/pkg/xray/tree.go).
* Lambda's function segment has an ``Initialization`` subsegment, "time spent loading your
  function and running initialization code", only for the first event each instance of the
  function processes (a cold start); the ``AWS::Lambda`` service segment carries the invocation's
  ``aws.request_id``: https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html
* An SQS send recorded by the X-Ray SDK is a subsegment named ``SQS`` with namespace
  ``aws`` and ``aws.operation`` ``SendMessage``; the OpenTelemetry (ADOT) exporter
  translates the botocore span ``SQS.SendMessage`` (``rpc.service`` SQS, ``rpc.method``
  SendMessage) into the same shape. Both forms are accepted here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

API_STAGE_ORIGIN = "AWS::ApiGateway::Stage"
LAMBDA_FUNCTION_ORIGIN = "AWS::Lambda::Function"
LAMBDA_SERVICE_ORIGIN = "AWS::Lambda"
SQS_SEND_OPERATIONS = ("SendMessage", "SendMessageBatch")
DYNAMODB_SPAN_NAME = "DynamoDB Operation"
INITIALIZATION_SUBSEGMENT = "Initialization"


class TraceFormatError(ValueError):
    """The AWS CLI printed something that is not an X-Ray API response."""


@dataclass
class Node:
    """A segment or (nested) subsegment, flattened with a pointer to its segment."""

    doc: dict[str, Any]
    trace_id: str
    segment: dict[str, Any]
    depth: int

    @property
    def name(self) -> str:
        return str(self.doc.get("name", ""))

    @property
    def duration_ms(self) -> float | None:
        start = self.doc.get("start_time")
        end = self.doc.get("end_time")
        if isinstance(start, (int, float)) and isinstance(end, (int, float)):
            return max(0.0, (end - start) * 1000.0)
        return None


@dataclass
class Trace:
    trace_id: str
    segments: list[dict[str, Any]] = field(default_factory=list)

    def nodes(self) -> Iterator[Node]:
        for segment in self.segments:
            yield from _walk(segment, self.trace_id, segment, 0)


def _walk(doc: dict[str, Any], trace_id: str, segment: dict[str, Any], depth: int) -> Iterator[Node]:
    yield Node(doc, trace_id, segment, depth)
    for sub in doc.get("subsegments") or []:
        if isinstance(sub, dict):
            yield from _walk(sub, trace_id, segment, depth + 1)


# --------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------

def parse_batch_get_traces(payload: Any) -> dict[str, Trace]:
    """Turn a BatchGetTraces response into {trace id: Trace} with parsed documents."""
    if not isinstance(payload, dict) or not isinstance(payload.get("Traces", []), list):
        raise TraceFormatError("expected an object with a 'Traces' array")
    traces: dict[str, Trace] = {}
    for raw in payload.get("Traces") or []:
        trace_id = str(raw.get("Id", ""))
        trace = traces.setdefault(trace_id, Trace(trace_id))
        for segment in raw.get("Segments") or []:
            document = segment.get("Document")
            if isinstance(document, str):
                try:
                    document = json.loads(document)
                except json.JSONDecodeError as exc:
                    raise TraceFormatError(
                        f"segment {segment.get('Id')} of trace {trace_id} has a Document that is not JSON: {exc}"
                    ) from exc
            if isinstance(document, dict):
                trace.segments.append(document)
    return traces


def parse_trace_summaries(payload: Any) -> list[str]:
    """Trace ids from a GetTraceSummaries response (``TraceSummaries[].Id``)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("TraceSummaries", []), list):
        raise TraceFormatError("expected an object with a 'TraceSummaries' array")
    ids: list[str] = []
    for summary in payload.get("TraceSummaries") or []:
        trace_id = summary.get("Id")
        if isinstance(trace_id, str) and trace_id not in ids:
            ids.append(trace_id)
    return ids


# --------------------------------------------------------------------------------------
# Matchers
# --------------------------------------------------------------------------------------

def _function_name_of(doc: dict[str, Any]) -> set[str]:
    names = {str(doc.get("name", ""))}
    arns = [doc.get("resource_arn")]
    aws = doc.get("aws")
    if isinstance(aws, dict):
        arns.append(aws.get("function_arn"))
        for resource in aws.get("resource_names") or []:
            names.add(str(resource))
    for arn in arns:
        if isinstance(arn, str) and ":function:" in arn:
            names.add(arn.split(":function:", 1)[1].split(":", 1)[0])
    names.discard("")
    return names


def is_api_stage(node: Node, api_name: str, stage_name: str) -> bool:
    if node.depth != 0:
        return False
    expected = f"{api_name}/{stage_name}"
    return node.name == expected and node.doc.get("origin") in (API_STAGE_ORIGIN, None)


def is_function_segment(node: Node, function_name: str) -> bool:
    return (
        node.depth == 0
        and node.doc.get("origin") == LAMBDA_FUNCTION_ORIGIN
        and function_name in _function_name_of(node.doc)
    )


def is_lambda_segment(node: Node, function_name: str) -> bool:
    """The function segment, or the Lambda service segment, of ``function_name``."""
    return (
        node.depth == 0
        and node.doc.get("origin") in (LAMBDA_FUNCTION_ORIGIN, LAMBDA_SERVICE_ORIGIN)
        and function_name in _function_name_of(node.doc)
    )


def is_sqs_send(node: Node, queue_url: str | None = None, queue_name: str | None = None) -> bool:
    doc = node.doc
    aws = doc.get("aws") if isinstance(doc.get("aws"), dict) else {}
    operation = aws.get("operation")
    name = node.name
    sqs_named = name.lower() in ("sqs", "amazon sqs", "aws::sqs", "aws::sqs::queue") or (
        queue_name is not None and name == queue_name
    )
    is_send = (operation in SQS_SEND_OPERATIONS and (sqs_named or doc.get("namespace") == "aws" or "queue_url" in aws)) or (
        name in ("SQS.SendMessage", "SQS.SendMessageBatch")
    )
    if not is_send:
        return False
    recorded_queue = aws.get("queue_url")
    if queue_url and isinstance(recorded_queue, str) and recorded_queue and recorded_queue != queue_url:
        return False
    return True


def links_of(node: Node) -> list[dict[str, Any]]:
    links = node.doc.get("links")
    return [link for link in links if isinstance(link, dict)] if isinstance(links, list) else []


def child_link_trace_ids(trace: Trace) -> list[str]:
    """Trace ids this trace links to as children (e.g. the SQS consumer's trace)."""
    ids: list[str] = []
    for node in trace.nodes():
        for link in links_of(node):
            linked = link.get("trace_id")
            attrs = link.get("attributes") if isinstance(link.get("attributes"), dict) else {}
            ref_type = attrs.get("aws.xray.reserved.reference_type")
            if isinstance(linked, str) and linked != trace.trace_id and ref_type in (None, "child") and linked not in ids:
                ids.append(linked)
    return ids


def links_to(trace: Trace, target_trace_id: str) -> bool:
    return any(link.get("trace_id") == target_trace_id for node in trace.nodes() for link in links_of(node))


def exception_messages(doc: dict[str, Any]) -> list[str]:
    cause = doc.get("cause")
    if not isinstance(cause, dict):
        return []  # a bare string is an exception id pointing elsewhere in the trace
    messages = []
    for exc in cause.get("exceptions") or []:
        if isinstance(exc, dict) and isinstance(exc.get("message"), str):
            messages.append(exc["message"])
    return messages


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------

@dataclass
class Check:
    key: str
    label: str
    ok: bool = False
    detail: str = ""
    hint: str = ""
    function: str = ""  # for a function check: the Lambda function it found
    run_trace: Trace | None = None  # ... and the trace that function ran in


@dataclass
class Expectation:
    trace_id: str
    api_name: str
    stage_name: str
    chatbot: str
    consumer: str
    queue_url: str | None
    queue_name: str | None
    expect_fault: bool = False
    fault_message: str = "Simulated failure in OpenSearch query"


def _fmt(node: Node) -> str:
    duration = node.duration_ms
    return f"{node.name} ({duration:.0f} ms)" if duration is not None else node.name


def evaluate(main: Trace | None, linked: Iterable[Trace], exp: Expectation) -> list[Check]:
    """Run every check against the request's trace and the candidate linked traces."""
    api = Check("api", "API stage", hint=f"a segment named '{exp.api_name}/{exp.stage_name}' (origin {API_STAGE_ORIGIN})")
    chatbot = Check("chatbot", "chatbot", hint=f"a segment with origin {LAMBDA_FUNCTION_ORIGIN} for '{exp.chatbot}'")
    checks = [api, chatbot]
    nodes = list(main.nodes()) if main else []

    for node in nodes:
        if not api.ok and is_api_stage(node, exp.api_name, exp.stage_name):
            api.ok, api.detail = True, _fmt(node)
    function_segments = [n for n in nodes if is_function_segment(n, exp.chatbot)]
    if function_segments:
        chatbot.ok, chatbot.detail = True, _fmt(function_segments[0])
        chatbot.function, chatbot.run_trace = exp.chatbot, main

    if exp.expect_fault:
        fault = Check(
            "fault",
            "chatbot fault",
            hint=f"fault: true and an exception with message exactly \"{exp.fault_message}\" on the chatbot function segment or its subsegments",
        )
        checks.append(fault)
        seen_messages: list[str] = []
        faulted = False
        found = False
        for segment_node in function_segments:
            for node in _walk(segment_node.doc, segment_node.trace_id, segment_node.doc, 0):
                faulted = faulted or node.doc.get("fault") is True
                messages = exception_messages(node.doc)
                seen_messages.extend(messages)
                if node.doc.get("fault") is True and exp.fault_message in messages:
                    fault.ok = True
                    fault.detail = f"{node.name}: \"{exp.fault_message}\""
                    found = True
                    break
            if found:
                break
        if not fault.ok and function_segments:
            if not faulted:
                fault.hint = "the chatbot function segment has no fault: true (did `pulumi up` run after switching app.simulateFailure on?)"
            elif seen_messages:
                shown = ", ".join(f"\"{m}\"" for m in seen_messages[:3])
                fault.hint = f"the chatbot faulted with {shown}, not \"{exp.fault_message}\""
            else:
                fault.hint = f"the chatbot faulted but recorded no exception message (expected \"{exp.fault_message}\")"
        return checks

    sqs = Check("sqs", "SQS send", hint=f"a subsegment with namespace aws, name SQS, aws.operation SendMessage (queue {exp.queue_name or exp.queue_url})")
    consumer = Check("consumer", "consumer", hint=f"a trace linked to {exp.trace_id} (X-Ray `links`) in which '{exp.consumer}' ran")
    checks += [sqs, consumer]

    for node in nodes:
        if is_sqs_send(node, exp.queue_url, exp.queue_name):
            queue = ""
            aws = node.doc.get("aws")
            if isinstance(aws, dict) and aws.get("queue_url"):
                queue = " -> " + str(aws["queue_url"]).rsplit("/", 1)[-1]
            duration = node.duration_ms
            sqs.ok = True
            sqs.detail = f"{node.name} SendMessage{queue}" + (f" ({duration:.0f} ms)" if duration is not None else "")
            break

    # The consumer may run inside the same trace (header propagated through SQS) ...
    same_trace = [n for n in nodes if is_lambda_segment(n, exp.consumer)]
    if same_trace:
        consumer.ok = True
        consumer.detail = f"{_fmt(same_trace[0])} in the same trace{_dynamodb_note(main)}"
        consumer.function, consumer.run_trace = exp.consumer, main
        return checks

    # ... or, normally, in a separate trace linked to ours (X-Ray trace linking).
    child_ids = set(child_link_trace_ids(main)) if main else set()
    for trace in linked:
        if trace.trace_id == exp.trace_id:
            continue
        if not (trace.trace_id in child_ids or links_to(trace, exp.trace_id)):
            continue
        runs = [n for n in trace.nodes() if is_lambda_segment(n, exp.consumer)]
        if runs:
            preferred = [n for n in runs if n.doc.get("origin") == LAMBDA_FUNCTION_ORIGIN] or runs
            consumer.ok = True
            consumer.detail = f"linked trace {trace.trace_id}: {_fmt(preferred[0])}{_dynamodb_note(trace)}"
            consumer.function, consumer.run_trace = exp.consumer, trace
            break
    return checks


def _dynamodb_note(trace: Trace | None) -> str:
    if trace is None:
        return ""
    for node in trace.nodes():
        if node.name == DYNAMODB_SPAN_NAME:
            duration = node.duration_ms
            return f", span \"{DYNAMODB_SPAN_NAME}\"" + (f" ({duration:.0f} ms)" if duration is not None else "")
    return ""


# --------------------------------------------------------------------------------------
# Cold start
# --------------------------------------------------------------------------------------

def init_duration_ms(trace: Trace, function_name: str) -> float | None:
    """The INIT phase of ``function_name`` in this trace: its Initialization subsegment, if it had one."""
    for node in trace.nodes():
        if node.depth == 0 and is_function_segment(node, function_name):
            for sub in node.doc.get("subsegments") or []:
                if isinstance(sub, dict) and sub.get("name") == INITIALIZATION_SUBSEGMENT:
                    duration = Node(sub, trace.trace_id, node.doc, 1).duration_ms
                    if duration is not None:
                        return duration
    return None


def lambda_request_id(trace: Trace, function_name: str) -> str | None:
    """The Lambda request id of ``function_name``'s invocation in this trace (its service segment's aws.request_id)."""
    for node in trace.nodes():
        if node.depth == 0 and node.doc.get("origin") == LAMBDA_SERVICE_ORIGIN and function_name in _function_name_of(node.doc):
            aws = node.doc.get("aws")
            if isinstance(aws, dict) and isinstance(aws.get("request_id"), str) and aws["request_id"]:
                return aws["request_id"]
    return None


def log_group_of(trace: Trace, function_name: str) -> str:
    """The function's log group as its segment records it, else Lambda's default ``/aws/lambda/<function>``."""
    for node in trace.nodes():
        if node.depth == 0 and is_function_segment(node, function_name):
            aws = node.doc.get("aws")
            groups = aws.get("cloudwatch_logs") if isinstance(aws, dict) else None
            for group in groups or []:
                if isinstance(group, dict) and isinstance(group.get("log_group"), str) and group["log_group"]:
                    return group["log_group"]
    return f"/aws/lambda/{function_name}"
