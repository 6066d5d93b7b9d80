using BananTourism.Application.Common;
using BananTourism.Application.Common.Security;
using BananTourism.Application.Operators;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace BananTourism.Application.Offerings.PostSeason;

/// <summary>花期/果期: the operator says how far the flowers or the fruit are, with a short note ("东坡玫瑰盛开，周末人多").
/// Tourists see it with its date for 14 days; after that it is presumed stale and no longer shown.</summary>
[Allowed(Caller.Operator)]
public sealed record PostSeason(Guid OfferingId, SeasonStatus? Status, string? Note, string? NoteEn) : ICommand<Result<SeasonDto>>;

public sealed record SeasonDto(SeasonStatus Status, string Note, string? NoteEn, DateTimeOffset UpdatedAt)
{
    public static SeasonDto? Shown(SeasonLine? season, DateTimeOffset now) =>
        season is not null && season.IsCurrent(now) ? new SeasonDto(season.Status, season.Note, season.NoteEn, season.UpdatedAt) : null;
}

public sealed class PostSeasonHandler(IAppDbContext db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<PostSeason, Result<SeasonDto>>
{
    public async ValueTask<Result<SeasonDto>> Handle(PostSeason command, CancellationToken ct)
    {
        var offering = await db.OwnedOfferings(currentUser).SingleOrDefaultAsync(o => o.Id == command.OfferingId, ct);
        if (offering is null)
        {
            return OfferingErrors.NotFound;
        }

        offering.PostSeason(command.Status!.Value, command.Note ?? "", command.NoteEn, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var season = offering.Season!;
        return new SeasonDto(season.Status, season.Note, season.NoteEn, season.UpdatedAt);
    }
}

public sealed class PostSeasonValidator : AbstractValidator<PostSeason>
{
    public PostSeasonValidator()
    {
        RuleFor(c => c.Status).NotNull().IsInEnum();
        RuleFor(c => c.Note).NotEmpty().MaximumLength(200).SingleLine();
        RuleFor(c => c.NoteEn).MaximumLength(200).SingleLine();
    }
}
