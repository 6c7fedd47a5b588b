// The public ADOT Lambda layers: which account publishes which layer in which Region, for which runtimes and
// architectures, and the exec wrapper each needs. The facts are not kept here: data/adot-layers.json is the export
// of the project's layer catalog (infra/Infra.Core/Lambda/AdotLayerCatalog.cs, written by
// scripts/export-layer-catalog, held equal to the catalog by tests/Infra.Core.Tests LayerCatalogExportTests).
// The catalog's own sources: the ADOT layer tables at https://aws-otel.github.io/docs/getting-started/lambda and
// Application Signals' layer ARNs at
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch-Application-Signals-Enable-LambdaMain.html.
import exported from "../data/adot-layers.json";

export type Flavor = "distro" | "legacy";
export type Architecture = "x86_64" | "arm64";

interface DistroLanguage { key: string; layerName: string; runtimes: string[]; architectures: string[] }
interface DistroRegion { region: string; partition: string; account: string; layerVersions: Record<string, number> }
interface LegacyFamily {
    key: string; nameStem: string; runtimes: string[]; architectures: string[];
    execWrapper: string; execWrappers: string[]; releases: { version: string; layerVersion: number }[];
}
interface LayerCatalog {
    execWrapperVariable: string;
    distro: { execWrapper: string; languages: DistroLanguage[]; regions: DistroRegion[] };
    legacy: { account: string; architectureSuffixes: Record<string, string>; families: LegacyFamily[]; regions: { region: string; partition: string }[] };
}

export const catalog = checked(exported as unknown as LayerCatalog);

function checked(value: LayerCatalog): LayerCatalog {
    const missing = ["execWrapperVariable", "distro", "legacy"].filter(key => !(key in value));
    if (missing.length > 0 || !Array.isArray(value.distro?.regions) || !Array.isArray(value.legacy?.families)) {
        throw new Error(`data/adot-layers.json is not the layer catalog's export (missing: ${missing.join(", ") || "distro.regions or legacy.families"}); run scripts/export-layer-catalog.`);
    }

    return value;
}

/** The variable that makes Lambda start the runtime through the layer's wrapper script. */
export const execWrapperVariable = catalog.execWrapperVariable;

/** Every exec wrapper an ADOT layer family ships, for own-built ADOT layers named in policy config. */
export const allExecWrappers: readonly string[] = [...new Set([catalog.distro.execWrapper, ...catalog.legacy.families.flatMap(family => family.execWrappers)])];

/** A Lambda layer version ARN taken apart: arn:<partition>:lambda:<region>:<account>:layer:<name>:<version>. */
export interface LayerArn { partition: string; region: string; account: string; name: string; version: number }

const layerArnPattern = /^arn:(?<partition>aws[a-z-]*):lambda:(?<region>[a-z0-9-]+):(?<account>\d{12}):layer:(?<name>[A-Za-z0-9_-]+):(?<version>\d+)$/;

export function parseLayerArn(arn: string): LayerArn | undefined {
    const groups = layerArnPattern.exec(arn)?.groups;
    return groups && {
        partition: groups.partition, region: groups.region, account: groups.account, name: groups.name, version: Number(groups.version),
    };
}

/** An ADOT layer recognised by its name, whoever published it: the checks below decide whether it is the real one. */
export interface AdotLayer {
    arn: string;
    parsed: LayerArn;
    flavor: Flavor;
    /** The family: python, nodejs, java, dotnet (distro); python, nodejs, java-wrapper (legacy). */
    key: string;
    runtimes: readonly string[];
    architectures: readonly string[];
    /** For legacy layers, the architecture in the layer's name (amd64 is x86_64). */
    namedArchitecture?: Architecture;
    execWrappers: readonly string[];
}

export function identifyAdotLayer(arn: string): AdotLayer | undefined {
    const parsed = parseLayerArn(arn);
    if (!parsed) {
        return undefined;
    }

    const distro = catalog.distro.languages.find(language => language.layerName === parsed.name);
    if (distro) {
        return {
            arn, parsed, flavor: "distro", key: distro.key, runtimes: distro.runtimes, architectures: distro.architectures,
            execWrappers: [catalog.distro.execWrapper],
        };
    }

    for (const family of catalog.legacy.families) {
        for (const [architecture, suffix] of Object.entries(catalog.legacy.architectureSuffixes)) {
            if (new RegExp(`^${family.nameStem}-${suffix}-ver-\\d+-\\d+-\\d+$`).test(parsed.name)) {
                return {
                    arn, parsed, flavor: "legacy", key: family.key, runtimes: family.runtimes, architectures: family.architectures,
                    namedArchitecture: architecture as Architecture, execWrappers: family.execWrappers,
                };
            }
        }
    }

    return undefined;
}

/**
 * What is wrong with an ADOT layer on a function of this runtime, architecture and Region; empty when nothing is.
 * "Lambda layers are a regionalized resource, meaning that they can only be used in the Region in which they are
 * published" (https://aws-otel.github.io/docs/getting-started/lambda/lambda-python), so the layer's Region must be the
 * function's, and its account the one ADOT publishes from in that Region.
 */
export function layerProblems(layer: AdotLayer, runtime: string, architecture: string, region: string): string[] {
    const problems: string[] = [];
    const { parsed } = layer;
    if (parsed.region !== region) {
        problems.push(`layer ${layer.arn} is in ${parsed.region} but the function is in ${region}; Lambda takes layers from the function's own Region`);
    }

    const publisher = publisherOf(layer, parsed.region);
    if (publisher === undefined) {
        problems.push(`ADOT publishes no ${layer.flavor} ${layer.key} layer in ${parsed.region}; it does in ${publishedRegions(layer).join(", ")}`);
    } else if (publisher !== parsed.account) {
        problems.push(`layer ${layer.arn} is from account ${parsed.account}, not from ${publisher}, the account ADOT publishes ${parsed.name.replace(/-ver-.*$/, "")} from in ${parsed.region}`);
    }

    if (!layer.runtimes.includes(runtime)) {
        problems.push(`the ${layer.flavor} ADOT ${layer.key} layer serves ${layer.runtimes.join(", ")}, not ${runtime}`);
    }

    if (!layer.architectures.includes(architecture)) {
        problems.push(`the ${layer.flavor} ADOT ${layer.key} layer is published for ${layer.architectures.join(", ")} only, not ${architecture}`);
    } else if (layer.namedArchitecture && layer.namedArchitecture !== architecture) {
        problems.push(`layer ${layer.arn} is built for ${layer.namedArchitecture} but the function runs on ${architecture}`);
    }

    return problems;
}

function publisherOf(layer: AdotLayer, region: string): string | undefined {
    if (layer.flavor === "legacy") {
        return catalog.legacy.regions.some(row => row.region === region) ? catalog.legacy.account : undefined;
    }

    const row = catalog.distro.regions.find(candidate => candidate.region === region);
    return row && row.layerVersions[layer.key] !== undefined ? row.account : undefined;
}

function publishedRegions(layer: AdotLayer): string[] {
    return layer.flavor === "legacy"
        ? catalog.legacy.regions.map(row => row.region)
        : catalog.distro.regions.filter(row => row.layerVersions[layer.key] !== undefined).map(row => row.region);
}

/** The layer to add to a function, or why there is none. */
export type Resolution =
    | { arn: string; execWrapper: string; key: string }
    | { error: string };

/**
 * The ADOT layer of a flavor for a runtime, architecture and Region: the catalog's version of the distro layer in that
 * Region, or the newest legacy release. The same choice Core's AdotLayers.Resolve makes for a stack without pins.
 */
export function resolveLayer(flavor: Flavor, runtime: string, architecture: string, region: string): Resolution {
    if (flavor === "distro") {
        const language = catalog.distro.languages.find(candidate => candidate.runtimes.includes(runtime));
        if (!language) {
            return { error: `runtime ${runtime} has no ADOT distro layer; the distro layers serve ${catalog.distro.languages.flatMap(candidate => candidate.runtimes).join(", ")}` };
        }

        if (!language.architectures.includes(architecture)) {
            return { error: `the ADOT distro layer for ${runtime} (${language.layerName}) is published for ${language.architectures.join(", ")} only, not ${architecture}` };
        }

        const row = catalog.distro.regions.find(candidate => candidate.region === region);
        const version = row?.layerVersions[language.key];
        if (!row || version === undefined) {
            const where = catalog.distro.regions.filter(candidate => candidate.layerVersions[language.key] !== undefined).map(candidate => candidate.region);
            return { error: `ADOT publishes no ${language.layerName} layer in ${region}; it does in ${where.join(", ")}` };
        }

        return { arn: `arn:${row.partition}:lambda:${region}:${row.account}:layer:${language.layerName}:${version}`, execWrapper: catalog.distro.execWrapper, key: language.key };
    }

    const family = catalog.legacy.families.find(candidate => candidate.runtimes.includes(runtime));
    if (!family) {
        return { error: `runtime ${runtime} has no legacy ADOT layer; the legacy layers serve ${catalog.legacy.families.flatMap(candidate => candidate.runtimes).join(", ")}` };
    }

    const row = catalog.legacy.regions.find(candidate => candidate.region === region);
    if (!row) {
        return { error: `ADOT publishes no legacy layers in ${region}; it does in ${catalog.legacy.regions.map(candidate => candidate.region).join(", ")}` };
    }

    const suffix = catalog.legacy.architectureSuffixes[architecture];
    if (!suffix || !family.architectures.includes(architecture)) {
        return { error: `the legacy ADOT ${family.key} layer is published for ${family.architectures.join(", ")} only, not ${architecture}` };
    }

    const [newest] = family.releases;
    const name = `${family.nameStem}-${suffix}-ver-${newest.version.replace(/\./g, "-")}`;
    return { arn: `arn:${row.partition}:lambda:${region}:${catalog.legacy.account}:layer:${name}:${newest.layerVersion}`, execWrapper: family.execWrapper, key: family.key };
}
