// The pack's policies, exported for index.ts (which serves them to the Pulumi engine) and for the tests, which call
// them through the engine's own protocol (test/engine.ts).
import type { Policies } from "@pulumi/policy";
import { lambdaFunctionTraced } from "./src/lambda";
import { samplingRulesSane } from "./src/sampling";
import { sqsConsumerTraced } from "./src/sqs";
import { restApiStageTraced } from "./src/stage";

export const policies: Policies = [lambdaFunctionTraced, restApiStageTraced, samplingRulesSane, sqsConsumerTraced];
