using System.Reflection;
using System.Xml.Linq;

namespace Verivius.Tests.Architecture;

/// <summary>References run one way, Web → Infrastructure → Domain, and the domain uses no package.</summary>
public class LayerReferenceTests
{
    private static readonly Assembly Domain = typeof(Verivius.Domain.Sites.Site).Assembly;
    private static readonly Assembly Infrastructure = typeof(Verivius.Infrastructure.Persistence.VeriviusDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void Domain_ReferencesOnlyTheFramework()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            $"The domain references {name}; it must stay free of packages and of the other layers."));
    }

    [Fact]
    public void Infrastructure_ReferencesDomainButNotWeb()
    {
        var references = Infrastructure.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains(Domain.GetName().Name, references);
        Assert.DoesNotContain(Web.GetName().Name, references);
    }

    [Fact]
    public void Web_ReferencesInfrastructure()
    {
        Assert.Contains(Infrastructure.GetName().Name, Web.GetReferencedAssemblies().Select(a => a.Name));
    }

    [Fact]
    public void DomainProject_HasNoPackageReferences()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "Verivius.Domain", "Verivius.Domain.csproj"));

        Assert.DoesNotContain(project.Descendants(), e => e.Name.LocalName is "PackageReference" or "ProjectReference");
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Verivius.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Verivius.sln not found above the test binaries.");
    }
}
