// Policy configuration shared by the policies: exceptions (`exclude`) and the small helpers that read config.
// Enforcement levels are configured by the Pulumi CLI and service for every policy without any schema of ours
// (https://www.pulumi.com/docs/iac/using-pulumi/crossguard/configuration/): config/dev.json makes every policy
// advisory, config/prod.json mandatory.
import type { PolicyConfigSchema } from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

/** `*` matches any run of characters, `?` one; everything else literally. Case-sensitive, like resource names. */
export function globMatches(pattern: string, value: string): boolean {
    const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${source}$`).test(value);
}

export const excludeSchema: PolicyConfigJSONSchema = {
    type: "array",
    items: { type: "string" },
    default: [],
    description: "Exceptions: glob patterns (* and ?) matched against a resource's logical name, its physical name (function name, "
        + "stage name, rule name) and its URN. A matching resource is not checked.",
};

export interface ExcludeConfig { exclude?: string[] }

/** The names a resource is known by, for `exclude`: logical name, URN and the physical names it declares. */
export function isExcluded(config: ExcludeConfig, names: (string | undefined)[]): boolean {
    const patterns = config.exclude ?? [];
    return patterns.some(pattern => names.some(name => typeof name === "string" && globMatches(pattern, name)));
}

export function schemaWith(properties: Record<string, PolicyConfigJSONSchema>): PolicyConfigSchema {
    return { properties: { exclude: excludeSchema, ...properties } };
}

/** A string property of a resource, or undefined when it is absent or not a string. */
export function stringProp(value: unknown): string | undefined {
    return typeof value === "string" ? value : undefined;
}
