import * as adot from "@pulumi/adot-tracing";

const hello = new adot.TracedFunction("hello", {
    runtime: "python3.12",
    handler: "app.handler",
    codePath: "../app",
    architecture: "arm64",
    memorySize: 256,
    environment: { GREETING: "hello" },
});

const api = new adot.TracedRestApi("hello-api", {
    routes: [{ method: "GET", path: "/hello", functionArn: hello.functionArn }],
    stageName: "api",
});

const sampling = new adot.TracedSamplingRule("hello-sampling", {
    ruleName: "hello-get",
    priority: 100,
    fixedRate: 0.1,
    reservoirSize: 1,
    httpMethod: "GET",
    urlPath: "/hello",
});

export const url = api.invokeUrl;
export const functionName = hello.functionName;
export const samplingRule = sampling.ruleName;
