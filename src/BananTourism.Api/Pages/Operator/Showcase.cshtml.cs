using BananTourism.Application.Media.DeletePhoto;
using BananTourism.Application.Media.GetVenueShowcase;
using BananTourism.Application.Media.UploadPhoto;
using BananTourism.Application.Offerings.PostSeason;
using BananTourism.Application.Reviews.ReplyToReview;
using BananTourism.Domain.Common;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BananTourism.Api.Pages.Operator;

/// <summary>照片、花期与点评: the photos of a venue and its offerings (from a phone's camera roll), each offering's season
/// line, and the newest reviews to answer. Every change goes back to a GET, so a reload repeats nothing.</summary>
[RequestSizeLimit(BananTourism.Api.Hosting.PhotoUploads.MaxRequest)]
public sealed class ShowcaseModel(ISender sender) : PageModel
{
    public VenueShowcase Showcase { get; private set; } = null!;

    public FormErrors Errors { get; } = new();

    /// <summary>Which form the errors belong to (the upload of a venue or offering, a season, a reply).</summary>
    public string? ErrorsFor { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, Guid? offeringId, IFormFile? file, CancellationToken ct)
    {
        var content = await BananTourism.Api.Hosting.PhotoUploads.ReadAsync(file, ct);
        var uploaded = !content.IsSuccess
            ? Result<PhotoDto>.Failure(content.Errors)
            : await sender.Send(offeringId is { } offering ? new UploadPhoto(null, offering, content.Value) : new UploadPhoto(id, null, content.Value), ct);
        return await AfterAsync(id, uploaded.IsSuccess, uploaded.Errors, offeringId is { } o ? $"photos-{o}" : "photos-venue", "photo", ["file"], ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, Guid photoId, CancellationToken ct)
    {
        var deleted = await sender.Send(new DeletePhoto(photoId), ct);
        return await AfterAsync(id, deleted.IsSuccess, deleted.Errors, "photos-venue", "deleted", [], ct);
    }

    public async Task<IActionResult> OnPostSeasonAsync(Guid id, Guid offeringId, SeasonStatus? status, string? note, string? noteEn, CancellationToken ct)
    {
        var posted = await sender.Send(new PostSeason(offeringId, status, note, string.IsNullOrWhiteSpace(noteEn) ? null : noteEn), ct);
        return await AfterAsync(id, posted.IsSuccess, posted.Errors, $"season-{offeringId}", "season", ["status", "note", "noteEn"], ct);
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid id, Guid reviewId, string? text, CancellationToken ct)
    {
        var replied = await sender.Send(new ReplyToReview(reviewId, text), ct);
        return await AfterAsync(id, replied.IsSuccess, replied.Errors, $"reply-{reviewId}", "reply", ["text"], ct);
    }

    private async Task<IActionResult> AfterAsync(
        Guid id, bool succeeded, IReadOnlyList<Error> errors, string form, string done, string[] fields, CancellationToken ct)
    {
        if (succeeded)
        {
            return Redirect($"/operator/venues/{id}/showcase?done={done}#{form}");
        }

        if (errors.Any(e => e.Kind == ErrorKind.NotFound) && errors.All(e => e.Code == "not_found") && !await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Errors.Add(errors, fields);
        ErrorsFor = form;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var showcase = await sender.Send(new GetVenueShowcase(id), ct);
        if (!showcase.IsSuccess)
        {
            return false;
        }

        Showcase = showcase.Value;
        return true;
    }
}
