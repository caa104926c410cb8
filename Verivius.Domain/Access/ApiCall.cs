namespace Verivius.Domain.Access;

/// <summary>
/// One request a token made, whatever its answer. Saving it puts the call in the change log under the
/// token's name, and the newest one is the token's "last used".
/// </summary>
public sealed class ApiCall
{
    private ApiCall()
    {
    }

    public ApiCall(Guid apiTokenId, DateTimeOffset at, string method, string path, int status)
    {
        ApiTokenId = apiTokenId;
        At = at;
        Method = method;
        Path = path.Length <= 300 ? path : path[..300];
        Status = status;
    }

    public Guid Id { get; private init; } = Guid.NewGuid();

    public Guid ApiTokenId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Method { get; private set; } = "";

    public string Path { get; private set; } = "";

    /// <summary>The HTTP status it was answered with.</summary>
    public int Status { get; private set; }
}
