"""scripts/verify-traces: send one traced request through a deployed stack and prove the trace.

Usage: scripts/verify-traces <stack> [--expect-fault] [--timeout SECONDS] [--poll-interval SECONDS]

1. Reads the stack outputs with ``pulumi stack output --json -s <stack>``.
2. Generates an X-Ray trace id and POSTs ``{"question": ...}`` to ``{apiUrl}/chat`` with
   ``X-Amzn-Trace-Id: Root=<id>;Sampled=1``.
3. Polls ``aws xray batch-get-traces`` (and, for the SQS consumer's linked trace,
   ``aws xray get-trace-summaries`` + ``batch-get-traces``) until every check passes or
   the timeout expires.
4. Next to each function's check, prints the INIT phase of the invocation it traced: the
   trace's Initialization subsegment, else the invocation's report in the function's log
   group (``aws logs filter-log-events``; the JSON ``platform.report`` record's
   ``initDurationMs`` or the text REPORT line's ``Init Duration``), else that it is not known.
   No INIT phase means a warm start. Lambda bills the INIT phase, so this is the cold-start
   cost of the layer and the code.

Exit codes: 0 all checks passed; 1 a check failed / the trace did not show up in time /
the API answered with the wrong status; 2 usage error, missing stack output or missing tool.

Why the request is always traced: the header carries the sampling decision ``Sampled=1``.
"API Gateway reads the tracing header and creates a segment for sampled requests" and
"the stage still records a segment if the request comes from a service that sampled the
request and started a trace" -- AWS X-Ray Developer Guide, "Amazon API Gateway active
tracing support for AWS X-Ray":
https://docs.aws.amazon.com/xray/latest/devguide/xray-services-apigateway.html
The tracing header format (``Root=1-<8 hex epoch seconds>-<24 hex>;Sampled=1``) is from
https://docs.aws.amazon.com/xray/latest/devguide/xray-concepts.html#xray-concepts-tracingheader
and Lambda follows the upstream sampling decision carried in that header
(https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html).
"""

from __future__ import annotations

import argparse
import json
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from . import lambda_logs, xray

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

REQUIRED_OUTPUTS = (
    "apiUrl",
    "apiName",
    "stageName",
    "chatbotFunctionName",
    "consumerFunctionName",
    "region",
)
OPTIONAL_OUTPUTS = ("queueUrl", "queueName", "apiStageArn", "xrayGroupName")
BATCH_GET_TRACES_MAX_IDS = 5  # BatchGetTraces accepts a handful of ids per call
REPORT_LOOKUPS = 3  # Lambda writes the report after the invocation; look a few times


class UsageError(Exception):
    """Exit 2: wrong arguments, missing outputs, missing tools."""


class CommandError(Exception):
    """An external command failed; the message holds its stderr."""


@dataclass
class Outputs:
    api_url: str
    api_name: str
    stage_name: str
    chatbot: str
    consumer: str
    region: str
    queue_url: str | None
    queue_name: str | None


def new_trace_id(now: float | None = None) -> str:
    epoch = int(time.time() if now is None else now)
    return f"1-{epoch:08x}-{secrets.token_hex(12)}"


def trace_header(trace_id: str) -> str:
    return f"Root={trace_id};Sampled=1"


def console_link(region: str, trace_id: str) -> str:
    """Console deep link to one trace (https://docs.aws.amazon.com/xray/latest/devguide/xray-console-deeplinks.html)."""
    return f"https://console.aws.amazon.com/xray/home?region={region}#/traces/{trace_id}"


# --------------------------------------------------------------------------------------
# External tools
# --------------------------------------------------------------------------------------

def _require_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        hint = {
            "pulumi": "install the Pulumi CLI (https://www.pulumi.com/docs/install/)",
            "aws": "install the AWS CLI (GitHub-hosted runners have it preinstalled)",
        }.get(name, "")
        raise UsageError(f"'{name}' was not found on PATH; {hint}".rstrip("; "))
    return path


def _run_json(argv: Sequence[str], what: str) -> Any:
    try:
        proc = subprocess.run(list(argv), capture_output=True, text=True, timeout=120, check=False)
    except subprocess.TimeoutExpired as exc:
        raise CommandError(f"{what} did not finish within 120 s") from exc
    except OSError as exc:
        raise CommandError(f"{what} could not start: {exc}") from exc
    if proc.returncode != 0:
        message = (proc.stderr or proc.stdout or "").strip().splitlines()
        raise CommandError(f"{what} exited {proc.returncode}: {' '.join(message[-3:]) if message else 'no output'}")
    try:
        return json.loads(proc.stdout or "null")
    except json.JSONDecodeError as exc:
        raise CommandError(f"{what} did not print JSON: {exc}") from exc


def read_outputs(stack: str) -> Outputs:
    pulumi = _require_tool("pulumi")
    try:
        data = _run_json([pulumi, "stack", "output", "--json", "-s", stack], f"pulumi stack output -s {stack}")
    except CommandError as exc:
        raise UsageError(f"could not read the outputs of stack '{stack}': {exc}") from exc
    if not isinstance(data, dict):
        raise UsageError(f"'pulumi stack output --json -s {stack}' did not print an object")
    missing = [key for key in REQUIRED_OUTPUTS if not isinstance(data.get(key), str) or not data.get(key)]
    if missing:
        raise UsageError(
            f"stack '{stack}' is missing the output(s): {', '.join(missing)} "
            f"(has: {', '.join(sorted(data)) or 'none'}); deploy the stack with `pulumi up -s {stack}` first"
        )

    def optional(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) and value else None

    return Outputs(
        api_url=data["apiUrl"].rstrip("/"),
        api_name=data["apiName"],
        stage_name=data["stageName"],
        chatbot=data["chatbotFunctionName"],
        consumer=data["consumerFunctionName"],
        region=data["region"],
        queue_url=optional("queueUrl"),
        queue_name=optional("queueName"),
    )


class XRayClient:
    """Thin wrapper over the AWS CLI (``--output json``); no SDK dependency."""

    def __init__(self, region: str) -> None:
        self.aws = _require_tool("aws")
        self.region = region

    def batch_get_traces(self, trace_ids: Sequence[str]) -> dict[str, xray.Trace]:
        traces: dict[str, xray.Trace] = {}
        ids = list(dict.fromkeys(trace_ids))
        for start in range(0, len(ids), BATCH_GET_TRACES_MAX_IDS):
            chunk = ids[start : start + BATCH_GET_TRACES_MAX_IDS]
            payload = _run_json(
                [self.aws, "xray", "batch-get-traces", "--trace-ids", *chunk, "--region", self.region, "--output", "json"],
                "aws xray batch-get-traces",
            )
            traces.update(xray.parse_batch_get_traces(payload))
        return traces

    def trace_ids_for_service(self, service: str, start_time: int, end_time: int) -> list[str]:
        payload = _run_json(
            [
                self.aws, "xray", "get-trace-summaries",
                "--start-time", str(start_time),
                "--end-time", str(end_time),
                "--filter-expression", f'service("{service}")',
                "--region", self.region,
                "--output", "json",
            ],
            "aws xray get-trace-summaries",
        )
        return xray.parse_trace_summaries(payload)

    def lambda_report_events(self, log_group: str, start_time_ms: int, terms: Sequence[str]) -> Any:
        """Log events holding any of the terms (``?"a" ?"b"`` matches either:
        https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html)."""
        return _run_json(
            [
                self.aws, "logs", "filter-log-events",
                "--log-group-name", log_group,
                "--start-time", str(start_time_ms),
                "--filter-pattern", " ".join(f'?"{term}"' for term in terms),
                "--region", self.region,
                "--output", "json",
            ],
            "aws logs filter-log-events",
        )


# --------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------

def post_question(api_url: str, trace_id: str, question: str, timeout: float = 30.0) -> tuple[int, str]:
    body = json.dumps({"question": question}).encode("utf-8")
    request = urllib.request.Request(
        f"{api_url}/chat",
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            "X-Amzn-Trace-Id": trace_header(trace_id),
            "User-Agent": "verify-traces",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (URL comes from stack outputs)
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


# --------------------------------------------------------------------------------------
# Main loop
# --------------------------------------------------------------------------------------

def _parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="scripts/verify-traces",
        description="POST one X-Ray-traced question to {apiUrl}/chat and verify the trace "
        "(API Gateway stage -> chatbot Lambda -> SQS send -> linked sqs-consumer trace).",
    )
    parser.add_argument("stack", help="Pulumi stack name, e.g. dev")
    parser.add_argument(
        "--expect-fault",
        action="store_true",
        help="expect a 5xx and a chatbot fault with 'Simulated failure in OpenSearch query' (app.simulateFailure on)",
    )
    parser.add_argument("--timeout", type=float, default=120.0, metavar="SECONDS", help="how long to wait for the trace (default 120)")
    parser.add_argument("--poll-interval", type=float, default=5.0, metavar="SECONDS", help="seconds between X-Ray polls (default 5)")
    parser.add_argument("--question", default=None, help=argparse.SUPPRESS)

    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        if exc.code in (0, None):  # --help
            raise
        raise UsageError("") from exc  # argparse already printed the usage error (exit 2)
    if args.timeout <= 0:
        raise UsageError("--timeout must be a positive number of seconds")
    if args.poll_interval <= 0:
        raise UsageError("--poll-interval must be a positive number of seconds")
    return args


def _secs(value: float) -> str:
    return f"{value:.0f}s" if value >= 10 or float(value).is_integer() else f"{value:.1f}s"


def _progress_line(trace_id: str, elapsed: float, timeout: float, checks: list[xray.Check], note: str) -> str:
    found = [c.label for c in checks if c.ok]
    missing = [c.label for c in checks if not c.ok]
    text = f"waiting for trace {trace_id} ({_secs(elapsed)}/{_secs(timeout)}): found {', '.join(found) if found else 'nothing yet'}"
    if missing:
        text += f"; missing: {', '.join(missing)}"
    if note:
        text += f" [{note}]"
    return text


def cold_start_notes(
    checks: Sequence[xray.Check],
    client: XRayClient,
    since_ms: int,
    sleep: Callable[[float], None],
    poll_interval: float,
) -> dict[str, str]:
    """For each function check: the INIT phase of the invocation it found, from the trace or the logs."""
    notes: dict[str, str] = {}
    for check in checks:
        trace = check.run_trace
        if not (check.ok and check.function and trace):
            continue
        init = xray.init_duration_ms(trace, check.function)
        if init is not None:
            notes[check.key] = f"INIT {init:.0f} ms (cold start, trace Initialization subsegment)"
            continue
        log_group = xray.log_group_of(trace, check.function)
        request_id = xray.lambda_request_id(trace, check.function)
        terms = [trace.trace_id] + ([request_id] if request_id else [])
        report = None
        try:
            for attempt in range(REPORT_LOOKUPS):
                if attempt:
                    sleep(poll_interval)
                payload = client.lambda_report_events(log_group, since_ms, terms)
                report = lambda_logs.find_report(payload, trace.trace_id, request_id)
                if report:
                    break
        except (CommandError, ValueError) as exc:
            notes[check.key] = f"INIT not known ({exc})"
            continue
        notes[check.key] = lambda_logs.describe(report, log_group)
    return notes


def run(
    argv: Sequence[str],
    out: Callable[[str], None],
    err: Callable[[str], None],
    clock: Callable[[], float] = time.monotonic,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    try:
        args = _parse_args(argv)
        outputs = read_outputs(args.stack)
        client = XRayClient(outputs.region)
    except UsageError as exc:
        if str(exc):
            err(f"verify-traces: error: {exc}")
        return EXIT_USAGE

    trace_id = new_trace_id()
    question = args.question or f"verify-traces probe {trace_id}: what does the runbook say about sampling?"
    sent_at = int(time.time())
    err(f"POST {outputs.api_url}/chat with X-Amzn-Trace-Id: {trace_header(trace_id)}")
    try:
        status, body = post_question(outputs.api_url, trace_id, question)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        err(f"verify-traces: FAILED: could not reach {outputs.api_url}/chat: {exc}")
        return EXIT_FAILED

    message_id = ""
    if args.expect_fault:
        if not 500 <= status <= 599:
            err(f"verify-traces: FAILED: POST /chat returned {status}, expected a 5xx with --expect-fault "
                f"(is adot-tracing:app.simulateFailure true and deployed with `pulumi up -s {args.stack}`?)")
            return EXIT_FAILED
    else:
        if status != 200:
            err(f"verify-traces: FAILED: POST /chat returned {status}, expected 200: {body[:300]}")
            return EXIT_FAILED
        try:
            parsed = json.loads(body)
            if isinstance(parsed, dict):
                message_id = str(parsed.get("messageId") or "")
        except json.JSONDecodeError:
            pass
    out(f"✔ POST /chat returned {status}" + (f" (messageId {message_id})" if message_id else ""))

    expectation = xray.Expectation(
        trace_id=trace_id,
        api_name=outputs.api_name,
        stage_name=outputs.stage_name,
        chatbot=outputs.chatbot,
        consumer=outputs.consumer,
        queue_url=outputs.queue_url,
        queue_name=outputs.queue_name,
        expect_fault=args.expect_fault,
    )

    started = clock()
    checks: list[xray.Check] = []
    main_seen = False
    last_error = ""
    while True:
        note = ""
        try:
            traces = client.batch_get_traces([trace_id])
            main = traces.get(trace_id)
            main_seen = main_seen or bool(main and main.segments)
            linked: list[xray.Trace] = []
            if main and not args.expect_fault:
                preliminary = xray.evaluate(main, [], expectation)
                if not all(c.ok for c in preliminary):
                    candidates = xray.child_link_trace_ids(main)
                    if not any(c.key == "consumer" and c.ok for c in preliminary):
                        candidates += client.trace_ids_for_service(outputs.consumer, sent_at - 60, int(time.time()) + 60)
                    candidates = [c for c in dict.fromkeys(candidates) if c != trace_id]
                    if candidates:
                        linked = list(client.batch_get_traces(candidates).values())
            checks = xray.evaluate(main, linked, expectation)
            last_error = ""
        except (CommandError, xray.TraceFormatError) as exc:
            last_error = str(exc)
            note = f"aws error: {last_error}"
            if not checks:
                checks = xray.evaluate(None, [], expectation)

        elapsed = clock() - started
        if checks and all(c.ok for c in checks):
            break
        if elapsed >= args.timeout:
            err(_progress_line(trace_id, elapsed, args.timeout, checks, note))
            failed = [c for c in checks if not c.ok]
            if not main_seen:
                err(f"verify-traces: FAILED: trace {trace_id} did not appear in X-Ray within {_secs(args.timeout)} "
                    f"(region {outputs.region}).")
            else:
                err(f"verify-traces: FAILED: trace {trace_id} is incomplete after {_secs(args.timeout)}.")
            for check in checks:
                if check.ok:
                    err(f"  ✔ {check.label}: {check.detail}")
            for check in failed:
                err(f"  ✘ missing {check.label}: expected {check.hint}")
            if last_error:
                err(f"  last AWS CLI error: {last_error}")
            if main_seen:
                err(f"  trace in the console: {console_link(outputs.region, trace_id)}")
            return EXIT_FAILED
        err(_progress_line(trace_id, elapsed, args.timeout, checks, note))
        sleep(min(args.poll_interval, args.timeout - elapsed))

    elapsed = clock() - started
    notes = cold_start_notes(checks, client, (sent_at - 60) * 1000, sleep, args.poll_interval)
    for check in checks:
        note = notes.get(check.key)
        out(f"✔ {check.label}: {check.detail}" + (f"; {note}" if note else ""))
    mode = "fault verified" if args.expect_fault else "end-to-end trace verified"
    out(f"  trace in the console: {console_link(outputs.region, trace_id)}")
    out(f"verify-traces: OK: stack {args.stack}, trace {trace_id}: {mode} in {_secs(elapsed)}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")

    def out(line: str) -> None:
        print(line, flush=True)

    def err(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    return run(sys.argv[1:] if argv is None else argv, out, err)
