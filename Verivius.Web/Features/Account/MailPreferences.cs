using Mediator;
using Microsoft.AspNetCore.Identity;
using Verivius.Domain.Mail;
using Verivius.Infrastructure.Identity;
using Verivius.Infrastructure.Mail;
using Verivius.Infrastructure.Persistence;
using Verivius.Web.Common;
using Verivius.Web.Mail;
using Verivius.Web.Security;

namespace Verivius.Web.Features.Account;

/// <summary>What the signed-in person gets by e-mail, for the kinds their roles bring.</summary>
public sealed record GetMailPreferencesQuery : IQuery<MailPreferencesVm>;

/// <summary>The signed-in person's choices as the form sends them: the kinds they want, and each digest's frequency.</summary>
public sealed record SaveMailPreferencesCommand(IReadOnlyList<string> Wanted, DigestFrequency ChallengesDigest, DigestFrequency HighChallengesDigest) : ICommand<Outcome>;

/// <summary>What a signed unsubscribe link would turn off, or null if the link is not good.</summary>
public sealed record ReadUnsubscribeLinkQuery(string? Token) : IQuery<UnsubscribeVm?>;

/// <summary>Turns off the kind a signed unsubscribe link names, for the person it names; no sign-in needed.</summary>
public sealed record UnsubscribeCommand(string? Token) : ICommand<UnsubscribeVm?>;

/// <param name="Kinds">The kinds this person's roles bring, each with whether they get it.</param>
/// <param name="Always">The kinds nobody can turn off.</param>
/// <param name="MailIsOn">Whether this portal sends mail at all.</param>
public sealed record MailPreferencesVm(IReadOnlyList<MailKindChoiceVm> Kinds, IReadOnlyList<string> Always, bool MailIsOn);

/// <param name="Frequency">For a digest, how often it comes; null for a kind that is sent as things happen.</param>
public sealed record MailKindChoiceVm(string Kind, string Description, bool Wanted, DigestFrequency? Frequency);

/// <param name="Token">The link's token, for the form that confirms (and for mail clients' one-click post).</param>
public sealed record UnsubscribeVm(string Token, string Email, string Description, bool Done);

internal sealed class MailPreferencesHandler :
    IQueryHandler<GetMailPreferencesQuery, MailPreferencesVm>,
    ICommandHandler<SaveMailPreferencesCommand, Outcome>,
    IQueryHandler<ReadUnsubscribeLinkQuery, UnsubscribeVm?>,
    ICommandHandler<UnsubscribeCommand, UnsubscribeVm?>
{
    private readonly VeriviusDbContext _db;
    private readonly UserManager<VeriviusUser> _users;
    private readonly CurrentActor _actor;
    private readonly UnsubscribeLinks _links;
    private readonly MailOptions _options;

    public MailPreferencesHandler(VeriviusDbContext db, UserManager<VeriviusUser> users, CurrentActor actor, UnsubscribeLinks links, MailOptions options)
    {
        _db = db;
        _users = users;
        _actor = actor;
        _links = links;
        _options = options;
    }

    public async ValueTask<MailPreferencesVm> Handle(GetMailPreferencesQuery query, CancellationToken cancellationToken)
    {
        var (user, kinds) = await SignedInAsync();
        var choices = await MailComposer.ChoicesOfAsync(_db, user.Id, cancellationToken);
        return new MailPreferencesVm(
            [.. kinds.Select(kind => new MailKindChoiceVm(kind, MailKinds.Describe(kind), choices.Wants(kind), MailKinds.Digests.Contains(kind) ? choices.FrequencyOf(kind) : null))],
            [.. MailKinds.Urgent.Select(MailKinds.Describe)],
            _options.Delivery != MailDelivery.Off);
    }

    public async ValueTask<Outcome> Handle(SaveMailPreferencesCommand command, CancellationToken cancellationToken)
    {
        var (user, kinds) = await SignedInAsync();
        var unknown = command.Wanted.Where(kind => !kinds.Contains(kind)).ToList();
        if (unknown.Count > 0)
        {
            return Outcome.Refused("Wanted", $"\"{unknown[0]}\" is not a kind of message you can choose.");
        }

        var choices = await TrackedChoicesAsync(user.Id, cancellationToken);
        choices.Choose(command.Wanted, command.ChallengesDigest, command.HighChallengesDigest);
        await _db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async ValueTask<UnsubscribeVm?> Handle(ReadUnsubscribeLinkQuery query, CancellationToken cancellationToken) =>
        await LinkAsync(query.Token, done: false);

    public async ValueTask<UnsubscribeVm?> Handle(UnsubscribeCommand command, CancellationToken cancellationToken)
    {
        if (await LinkAsync(command.Token, done: true) is not { } link || _links.Read(command.Token) is not { } named)
        {
            return null;
        }

        var choices = await TrackedChoicesAsync(named.UserId, cancellationToken);
        choices.TurnOff(named.Kind);
        await _db.SaveChangesAsync(cancellationToken);
        return link;
    }

    private async Task<UnsubscribeVm?> LinkAsync(string? token, bool done)
    {
        if (_links.Read(token) is not { } named || !MailKinds.Choosable.Contains(named.Kind) || await _users.FindByIdAsync(named.UserId) is not { } user)
        {
            return null;
        }

        return new UnsubscribeVm(token!, user.Email!, MailKinds.Describe(named.Kind), done);
    }

    private async Task<(VeriviusUser User, IReadOnlyList<string> Kinds)> SignedInAsync()
    {
        var user = await _users.FindByIdAsync(_actor.UserId ?? "") ?? throw new NotFoundException("You are not signed in.");
        return (user, MailKinds.ForRoles([.. await _users.GetRolesAsync(user)]));
    }

    private async Task<MailChoices> TrackedChoicesAsync(string userId, CancellationToken cancellationToken)
    {
        var choices = await MailComposer.ChoicesOfAsync(_db, userId, cancellationToken);
        if (_db.Entry(choices).State == Microsoft.EntityFrameworkCore.EntityState.Detached)
        {
            _db.MailChoices.Add(choices);
        }

        return choices;
    }
}
