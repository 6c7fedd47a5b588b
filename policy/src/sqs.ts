// A trace that enters an SQS queue should come out of it: SQS carries the X-Ray trace header from the producer to the
// consumer (https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html), and a Lambda consumer records its
// part only with active tracing on. A traced producer whose consumer is not traced leaves every trace cut at the queue.
// A stack policy: it needs the function, the queue, the event source mapping and the producer's role at once.
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { ExcludeConfig, globMatches, isExcluded, schemaWith, stringProp } from "./config";
import { known, label } from "./known";
import { functionTypes, tokens } from "./tokens";

const queueTypes: readonly string[] = [tokens.awsQueue, tokens.nativeQueue];
const mappingTypes: readonly string[] = [tokens.awsEventSourceMapping, tokens.nativeEventSourceMapping];

/** The IAM actions that put a message on a queue (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_Operations.html). */
const sendActions = ["sqs:SendMessage", "sqs:SendMessageBatch"];

/** A queue as far as the stack tells it: during preview its ARN and URL may not be known yet, its name usually is. */
interface Queue { resource?: PolicyResource; arn?: string; url?: string; name?: string }

function isTraced(fn: PolicyResource): boolean {
    return fn.props.tracingConfig?.mode === "Active";
}

function physicalName(fn: PolicyResource): string | undefined {
    return known(() => stringProp(fn.type === tokens.awsFunction ? fn.props.name : fn.props.functionName));
}

/** The function an event source mapping invokes: by name, ARN or qualified ARN, or by the mapping's dependency on it. */
function consumerOf(mapping: PolicyResource, functions: PolicyResource[]): PolicyResource | undefined {
    const target = known(() => stringProp(mapping.props.functionName) ?? stringProp(mapping.props.functionArn));
    const byValue = target === undefined ? undefined : functions.find(fn => {
        const arn = known(() => stringProp(fn.props.arn));
        return target === physicalName(fn) || target === arn || (arn !== undefined && target.startsWith(`${arn}:`));
    });
    return byValue ?? mapping.propertyDependencies.functionName?.find(dependency => functionTypes.includes(dependency.type));
}

function queueOf(mapping: PolicyResource, queues: PolicyResource[]): Queue | undefined {
    const arn = known(() => stringProp(mapping.props.eventSourceArn));
    const resource = queues.find(queue => arn !== undefined && known(() => queue.props.arn) === arn)
        ?? mapping.propertyDependencies.eventSourceArn?.find(dependency => queueTypes.includes(dependency.type));
    if (!resource && (arn === undefined || !/^arn:[^:]+:sqs:/.test(arn))) {
        return undefined;
    }

    return {
        resource,
        arn: arn ?? known(() => stringProp(resource?.props.arn)),
        url: known(() => stringProp(resource?.props.url) ?? stringProp(resource?.props.queueUrl)),
        name: known(() => stringProp(resource?.props.queueName) ?? stringProp(resource?.props.name)) ?? arn?.split(":").pop(),
    };
}

/** Whether a string names the queue: its ARN or URL, or, while those are not known, a URL or ARN ending in its name. */
function names(value: string, queue: Queue): boolean {
    return value === queue.arn || value === queue.url
        || (queue.name !== undefined && (value.endsWith(`/${queue.name}`) || (value.includes(":sqs:") && value.endsWith(`:${queue.name}`))));
}

/**
 * Whether a function puts messages on the queue: its environment names the queue or is built from the queue resource,
 * or its role may send to the queue.
 */
function sendsTo(fn: PolicyResource, queue: Queue, resources: PolicyResource[]): boolean {
    // Each variable is read on its own: one not known during preview must not hide the others.
    const variables = known(() => fn.props.environment?.variables) as Record<string, unknown> | undefined;
    const values = variables ? Object.keys(variables).map(key => known(() => variables[key])) : [];
    if (values.some(value => typeof value === "string" && names(value, queue))) {
        return true;
    }

    if (queue.resource && fn.propertyDependencies.environment?.includes(queue.resource)) {
        return true;
    }

    return policyDocumentsOfRole(fn, resources).some(document => known(() => allowsSend(document, queue)) ?? false);
}

/** The inline policy documents of a function's role, from the role resource and from role policies attached to it. */
function policyDocumentsOfRole(fn: PolicyResource, resources: PolicyResource[]): unknown[] {
    const roleArn = known(() => stringProp(fn.props.role));
    const isRole = (resource: PolicyResource) => resource.type === tokens.awsRole || resource.type === tokens.nativeRole;
    const role = resources.find(resource => isRole(resource) && roleArn !== undefined && known(() => resource.props.arn) === roleArn)
        ?? fn.propertyDependencies.role?.find(isRole);
    if (!role) {
        return [];
    }

    const roleNames = [known(() => stringProp(role.props.name)), known(() => stringProp(role.props.roleName))].filter(name => name !== undefined);
    const documents: unknown[] = known(() => role.type === tokens.nativeRole
        ? (role.props.policies ?? []).map((policy: { policyDocument?: unknown }) => policy.policyDocument)
        : (role.props.inlinePolicies ?? []).map((policy: { policy?: unknown }) => policy.policy)) ?? [];
    for (const resource of resources) {
        if (resource.type !== tokens.awsRolePolicy && resource.type !== tokens.nativeRolePolicy) {
            continue;
        }

        const attached = roleNames.includes(known(() => resource.props.role)) || roleNames.includes(known(() => resource.props.roleName))
            || resource.propertyDependencies.role?.includes(role) || resource.propertyDependencies.roleName?.includes(role);
        if (attached) {
            documents.push(known(() => resource.props.policy ?? resource.props.policyDocument));
        }
    }

    return documents;
}

function allowsSend(document: unknown, queue: Queue): boolean {
    const parsed = typeof document === "string" ? safeParse(document) : document;
    const statements = (parsed as { Statement?: unknown })?.Statement;
    const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
    return list.some(statement => {
        const { Effect, Action, Resource } = statement as { Effect?: string; Action?: unknown; Resource?: unknown };
        const actions = [Action].flat().filter((action): action is string => typeof action === "string");
        const targets = [Resource].flat().filter((target): target is string => typeof target === "string");
        return Effect === "Allow"
            && actions.some(action => sendActions.some(send => globMatches(action.toLowerCase(), send.toLowerCase())))
            && targets.some(target => queue.arn !== undefined ? globMatches(target, queue.arn) : target === "*" || names(target, queue));
    });
}

function safeParse(text: string): unknown {
    try {
        return JSON.parse(text);
    } catch {
        return undefined;
    }
}

export function sqsViolations(resources: PolicyResource[], config: ExcludeConfig): { message: string; urn: string }[] {
    const functions = resources.filter(resource => functionTypes.includes(resource.type));
    const queues = resources.filter(resource => queueTypes.includes(resource.type));
    const violations: { message: string; urn: string }[] = [];
    for (const mapping of resources.filter(resource => mappingTypes.includes(resource.type))) {
        const queue = queueOf(mapping, queues);
        const consumer = queue && consumerOf(mapping, functions);
        if (!queue || !consumer || isTraced(consumer) || isExcluded(config, [consumer.name, consumer.urn, physicalName(consumer)])) {
            continue;
        }

        const traced = functions.filter(fn => fn !== consumer && isTraced(fn) && sendsTo(fn, queue, resources));
        if (traced.length > 0) {
            const mode = stringProp(consumer.props.tracingConfig?.mode) ?? "unset (PassThrough)";
            violations.push({
                urn: consumer.urn,
                message: `${label("Lambda function", physicalName(consumer), consumer.name)} consumes SQS queue ${queue.arn ?? queue.name ?? queue.resource?.name} (event source mapping "${mapping.name}") `
                    + `whose producer ${traced.map(fn => label("Lambda function", physicalName(fn), fn.name)).join(", ")} is traced, but its own tracing mode is ${mode}: `
                    + `set tracingConfig.mode to "Active" so traces continue past the queue.`,
            });
        }
    }

    return violations;
}

export const sqsConsumerTraced: StackValidationPolicy = {
    name: "sqs-consumer-traced-with-producer",
    description: "The Lambda consumer of an SQS event source mapping is traced whenever a producer of that queue is, so traces do not stop at the queue.",
    remediationSteps: "Set tracingConfig.mode to \"Active\" on the consumer function (the lambda-function-traced policy adds its ADOT layer).",
    url: "https://docs.aws.amazon.com/xray/latest/devguide/xray-services-sqs.html",
    configSchema: schemaWith({}),
    validateStack: (args, reportViolation) => {
        for (const violation of sqsViolations(args.resources, args.getConfig<ExcludeConfig>())) {
            reportViolation(violation.message, violation.urn);
        }
    },
};
