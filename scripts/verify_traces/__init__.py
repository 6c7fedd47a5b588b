"""Support module for scripts/verify-traces (standard library only).

``verify_traces.xray`` holds the pure trace-reading logic, ``verify_traces.lambda_logs`` reads
Lambda's invocation reports (INIT duration), ``verify_traces.cli`` the pulumi/aws/HTTP plumbing
and the polling loop.
"""

from .cli import main, run

__all__ = ["main", "run"]
