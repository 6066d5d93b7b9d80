using System.Text;
using BananTourism.Application.Common;
using BananTourism.Domain.Common;
using Microsoft.AspNetCore.Mvc;

namespace BananTourism.Api.Pages;

/// <summary>A use case's file (ticket, calendar) as a page handler's download; its errors as the statuses the
/// browser's error page explains.</summary>
public static class PageFiles
{
    public static IActionResult ToDownload(this Result<FileContent> file) => file.IsSuccess
        ? new FileContentResult(Encoding.UTF8.GetBytes(file.Value.Content), file.Value.ContentType) { FileDownloadName = file.Value.FileName }
        : new StatusCodeResult(file.FirstError.Kind == ErrorKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
}
