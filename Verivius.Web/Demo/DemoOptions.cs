namespace Verivius.Web.Demo;

/// <summary>The <c>Demo</c> section of appsettings.json.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Create the demo provider on the first start of an empty embedded database.</summary>
    public bool Seed { get; set; } = true;

    /// <summary>The demo users' password: a demo on a local database, never a production credential.</summary>
    public string Password { get; set; } = "verivius-demo-password";

    /// <summary>How many complete months of packs the demo sites get, imported through the real upload path.</summary>
    public int Months { get; set; } = 12;
}
