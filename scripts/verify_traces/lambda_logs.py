"""Pure functions that read a Lambda invocation's report from its CloudWatch log events.

``verify_traces.cli`` feeds them the JSON printed by ``aws logs filter-log-events``
(``events[].message``: https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html).

Lambda writes one report per invocation, in the function's log format:

* JSON (the stack's functions): a ``platform.report`` object whose ``record`` holds ``requestId``,
  ``metrics`` (``durationMs``, ``billedDurationMs``, ..., and ``initDurationMs`` only when the
  invocation ran the INIT phase) and, for traced invocations, ``tracing.value`` with the
  ``Root=<trace id>`` header: https://docs.aws.amazon.com/lambda/latest/dg/telemetry-schema-reference.html
  (platform.report) and https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-logformat.html
* Text: ``REPORT RequestId: <id>  Duration: N ms ... Init Duration: N ms  XRAY TraceId: <id> ...``,
  the Init Duration only on the first request an instance serves:
  https://docs.aws.amazon.com/lambda/latest/dg/python-logging.html
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

REPORT_TYPE = "platform.report"
_TEXT_REQUEST_ID = re.compile(r"^REPORT RequestId:\s*(\S+)")
_TEXT_INIT = re.compile(r"Init Duration:\s*([0-9]+(?:\.[0-9]+)?)\s*ms")
_TEXT_DURATION = re.compile(r"(?<!Init )(?<!Billed )Duration:\s*([0-9]+(?:\.[0-9]+)?)\s*ms")
_TEXT_TRACE = re.compile(r"XRAY TraceId:\s*(\S+)")


@dataclass(frozen=True)
class Report:
    request_id: str
    trace_id: str | None
    duration_ms: float | None
    init_ms: float | None  # None: the invocation had no INIT phase (a warm start)
    source: str  # which field the numbers come from


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _trace_of(header: Any) -> str | None:
    if not isinstance(header, str):
        return None
    for part in header.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "Root" and value:
            return value
    return None


def parse_report(message: str) -> Report | None:
    """The report in one log message (JSON platform.report or a text REPORT line), else None."""
    text = message.strip()
    if text.startswith("{"):
        try:
            payload = json.loads(text)
        except json.JSONDecodeError:
            return None
        if not isinstance(payload, dict) or payload.get("type") != REPORT_TYPE or not isinstance(payload.get("record"), dict):
            return None
        record = payload["record"]
        metrics = record.get("metrics") if isinstance(record.get("metrics"), dict) else {}
        tracing = record.get("tracing") if isinstance(record.get("tracing"), dict) else {}
        return Report(
            request_id=str(record.get("requestId") or ""),
            trace_id=_trace_of(tracing.get("value")),
            duration_ms=_number(metrics.get("durationMs")),
            init_ms=_number(metrics.get("initDurationMs")),
            source="platform.report initDurationMs",
        )
    match = _TEXT_REQUEST_ID.match(text)
    if not match:
        return None
    init = _TEXT_INIT.search(text)
    duration = _TEXT_DURATION.search(text)
    trace = _TEXT_TRACE.search(text)
    return Report(
        request_id=match.group(1),
        trace_id=trace.group(1) if trace else None,
        duration_ms=float(duration.group(1)) if duration else None,
        init_ms=float(init.group(1)) if init else None,
        source="REPORT Init Duration",
    )


def find_report(payload: Any, trace_id: str, request_id: str | None = None) -> Report | None:
    """The report of the invocation with this trace id (or request id) among FilterLogEvents events."""
    if not isinstance(payload, dict) or not isinstance(payload.get("events", []), list):
        raise ValueError("expected an object with an 'events' array")
    for event in payload.get("events") or []:
        message = event.get("message") if isinstance(event, dict) else None
        report = parse_report(message) if isinstance(message, str) else None
        if report and (report.trace_id == trace_id or (request_id is not None and report.request_id == request_id)):
            return report
    return None


def describe(report: Report | None, log_group: str) -> str:
    """What verify-traces prints next to a function's check."""
    if report is None:
        return f"INIT not known yet (no report for this invocation in {log_group})"
    if report.init_ms is None:
        return "warm start, no INIT phase (REPORT has no init duration)"
    return f"INIT {report.init_ms:.0f} ms (cold start, {report.source})"
