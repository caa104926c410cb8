namespace Verivius.Web.Security;

/// <summary>Marks the few actions (change password, sign out, error pages) open to someone who must still change a one-time password.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowWithOneTimePasswordAttribute : Attribute
{
}
