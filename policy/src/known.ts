// @pulumi/policy exports UnknownValueError at run time, but its published proxy.d.ts strips the declaration (it is
// marked @internal), so the type is stated here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UnknownValueError } = require("@pulumi/policy") as { UnknownValueError: new (...args: never[]) => Error };

/**
 * A value for a message or a name match, or undefined while preview cannot know it. Only for values a policy can
 * do without: reading one that decides the verdict must throw, so the engine reports that the policy could not run.
 */
export function known<T>(read: () => T): T | undefined {
    try {
        return read();
    } catch (error) {
        if (error instanceof UnknownValueError) {
            return undefined;
        }

        throw error;
    }
}

/** How a resource is named in messages: its physical name when it declares one, then its logical name. */
export function label(kind: string, physicalName: string | undefined, logicalName: string): string {
    return physicalName && physicalName !== logicalName ? `${kind} "${physicalName}" (${logicalName})` : `${kind} "${logicalName}"`;
}
