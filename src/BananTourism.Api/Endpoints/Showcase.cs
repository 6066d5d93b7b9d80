using BananTourism.Api.Hosting;
using BananTourism.Application.Media;
using BananTourism.Application.Media.DeletePhoto;
using BananTourism.Application.Media.UploadPhoto;
using BananTourism.Application.Offerings.PostSeason;
using BananTourism.Application.Reviews;
using BananTourism.Application.Reviews.HideReview;
using BananTourism.Application.Reviews.ListReviews;
using BananTourism.Application.Reviews.ReplyToReview;
using BananTourism.Application.Reviews.ReviewBooking;
using BananTourism.Domain.Common;
using BananTourism.Domain.Media;
using BananTourism.Domain.Offerings;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace BananTourism.Api.Endpoints;

/// <summary>What tourists choose by: photos (operators upload, anyone sees them at <c>/media</c>), the season's status,
/// and reviews of those who came.</summary>
public sealed class Showcase : IEndpointGroup
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var operators = app.MapGroup("/api/v1/operator").WithTags("Operators").RequireAuthorization(AuthSetup.Operator);
        operators.MapPost("/venues/{id:guid}/photos", UploadVenuePhoto).WithName(nameof(UploadVenuePhoto))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        operators.MapPost("/offerings/{id:guid}/photos", UploadOfferingPhoto).WithName(nameof(UploadOfferingPhoto))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data");
        operators.MapDelete("/photos/{id:guid}", DeletePhoto).WithName(nameof(DeletePhoto));
        operators.MapPost("/offerings/{id:guid}/season", PostSeason).WithName(nameof(PostSeason));
        operators.MapPost("/reviews/{id:guid}/reply", ReplyToReview).WithName(nameof(ReplyToReview));

        app.MapPost("/api/v1/bookings/{id:guid}/review", ReviewBooking).WithTags("Bookings").WithName(nameof(ReviewBooking))
            .RequireAuthorization(AuthSetup.Tourist);
        app.MapGet("/api/v1/offerings/{id:guid}/reviews", ListReviews).WithTags("Catalog").WithName(nameof(ListReviews)).AllowAnonymous()
            .WithDescription("An offering's visible reviews, newest first, authors masked, with the average and count.");
        app.MapPost("/api/v1/admin/reviews/{id:guid}/hide", HideReview).WithTags("Admin").WithName(nameof(HideReview))
            .RequireAuthorization(AuthSetup.Admin);
        app.MapGet("/media/{id:guid}/{size}", GetMedia).WithTags("Catalog").WithName(nameof(GetMedia)).AllowAnonymous()
            .WithDescription("A photo as JPEG: `thumb` (≤ 400 px wide) or `large` (≤ 1600 px). The ETag is the photo's id; cached for a year.");
    }

    public static Task<IResult> UploadVenuePhoto(Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
        UploadAsync(request, content => new UploadPhoto(id, null, content), sender, ct);

    public static Task<IResult> UploadOfferingPhoto(Guid id, HttpRequest request, ISender sender, CancellationToken ct) =>
        UploadAsync(request, content => new UploadPhoto(null, id, content), sender, ct);

    /// <summary>Reads the form's <c>file</c> into memory (at most 10 MB, as the size limit already ensured) and hands
    /// the bytes on; the name and type the browser claims are not trusted.</summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, Func<ReadOnlyMemory<byte>, UploadPhoto> command, ISender sender, CancellationToken ct)
    {
        // Refused while it arrives, not after 100 MB were read.
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = PhotoUploads.MaxRequest;
        }

        if (request.ContentLength > PhotoUploads.MaxRequest)
        {
            return new[] { PhotoErrors.TooManyBytes(UploadPhotoHandler.MaxBytes) }.ToProblem();
        }

        if (!request.HasFormContentType)
        {
            return new[] { Error.Validation("file", "Send the picture as multipart/form-data in a field named file.") }.ToProblem();
        }

        IFormFile? file;
        try
        {
            file = (await request.ReadFormAsync(ct)).Files.GetFile("file");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new[] { PhotoErrors.TooManyBytes(UploadPhotoHandler.MaxBytes) }.ToProblem();
        }
        catch (InvalidDataException)
        {
            return new[] { Error.Validation("file", "The form could not be read.") }.ToProblem();
        }

        var content = await PhotoUploads.ReadAsync(file, ct);
        if (!content.IsSuccess)
        {
            return content.Errors.ToProblem();
        }

        var result = await sender.Send(command(content.Value), ct);
        return result.IsSuccess ? TypedResults.Created(result.Value.Url, result.Value) : result.Errors.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeletePhoto(Guid id, ISender sender, CancellationToken ct) =>
        (await sender.Send(new DeletePhoto(id), ct)).ToNoContent();

    /// <summary>A photo's size, as stored: its id names its content, so the ETag is the id and a cache may keep it a year.</summary>
    public static async Task<IResult> GetMedia(Guid id, string size, HttpContext http, IMediaStore store, CancellationToken ct)
    {
        PhotoSize? which = size switch { "thumb" => PhotoSize.Thumb, "large" => PhotoSize.Large, _ => null };
        if (which is null)
        {
            return new[] { Error.Validation("size", "The size is thumb or large.") }.ToProblem();
        }

        var etag = new EntityTagHeaderValue($"\"{id:N}-{size}\"");
        var headers = http.Response.GetTypedHeaders();
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            headers.ETag = etag;
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var found = await store.GetAsync(MediaKeys.Of(id, which.Value), ct);
        if (found is null)
        {
            return new[] { PhotoErrors.NotFound }.ToProblem();
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(found.Content, found.ContentType, entityTag: etag);
    }

    public static async Task<Results<Created<SeasonDto>, ProblemHttpResult>> PostSeason(Guid id, SeasonBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new PostSeason(id, body.Status, body.Note, body.NoteEn), ct)).ToCreated(_ => $"/api/v1/offerings/{id}");

    public static async Task<Results<Created<ReviewDto>, ProblemHttpResult>> ReviewBooking(Guid id, ReviewBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ReviewBooking(id, body.Rating, body.Text), ct)).ToCreated(r => $"/api/v1/bookings/{id}/review");

    public static async Task<Results<Ok<ReviewPage>, ProblemHttpResult>> ListReviews(Guid id, int? page, int? pageSize, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ListReviews(id, page, pageSize), ct)).ToOk();

    public static async Task<Results<Ok<ReviewDto>, ProblemHttpResult>> ReplyToReview(Guid id, TextBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new ReplyToReview(id, body.Text), ct)).ToOk();

    public static async Task<Results<Ok<HiddenReviewDto>, ProblemHttpResult>> HideReview(Guid id, HideBody body, ISender sender, CancellationToken ct) =>
        (await sender.Send(new HideReview(id, body.Reason), ct)).ToOk();

    public sealed record SeasonBody(SeasonStatus? Status, string? Note, string? NoteEn);

    public sealed record ReviewBody(int? Rating, string? Text);

    public sealed record TextBody(string? Text);

    public sealed record HideBody(string? Reason);
}
