"""One traced function behind a traced REST API with a sampling rule."""
import pulumi
import pulumi_adot_tracing as adot

hello = adot.TracedFunction(
    "hello",
    runtime="python3.12",
    handler="app.handler",
    code_path="../app",
    architecture="arm64",
    memory_size=256,
    environment={"GREETING": "hello"},
)

api = adot.TracedRestApi(
    "hello-api",
    routes=[adot.TracedRouteArgs(method="GET", path="/hello", function_arn=hello.function_arn)],
    stage_name="api",
)

sampling = adot.TracedSamplingRule(
    "hello-sampling",
    rule_name="hello-get",
    priority=100,
    fixed_rate=0.1,
    reservoir_size=1,
    http_method="GET",
    url_path="/hello",
)

pulumi.export("url", api.invoke_url)
pulumi.export("function_name", hello.function_name)
pulumi.export("sampling_rule", sampling.rule_name)
