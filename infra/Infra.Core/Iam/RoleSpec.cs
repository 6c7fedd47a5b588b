namespace Infra.Core.Iam;

/// <summary>An inline policy of a role.</summary>
public sealed record InlinePolicy(string Name, PolicyDocument Document);

/// <summary>An IAM role: who may assume it and what it may do.</summary>
public sealed record RoleSpec(
    string Name,
    string Description,
    PolicyDocument TrustPolicy,
    IReadOnlyList<string> ManagedPolicyArns,
    IReadOnlyList<InlinePolicy> InlinePolicies);

/// <summary>A customer managed policy, such as the article's AWSDistroOpenTelemetryPolicy.</summary>
public sealed record ManagedPolicySpec(string Name, string Arn, string Description, PolicyDocument Document);
