// The policy pack the Pulumi CLI runs: `pulumi preview --policy-pack policy` (after `npm ci && npm run build` here).
// Every policy is advisory unless policy config says otherwise (config/dev.json, config/prod.json, config/remediate.json).
import { PolicyPack } from "@pulumi/policy";
import { policies } from "./policies";

new PolicyPack("adot-tracing", {
    description: "Every Lambda function, REST API stage, X-Ray sampling rule and SQS-linked consumer traced, in any stack of any language.",
    enforcementLevel: "advisory",
    policies,
});
