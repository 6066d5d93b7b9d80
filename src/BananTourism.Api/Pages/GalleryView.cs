using BananTourism.Application.Catalog;

namespace BananTourism.Api.Pages;

public sealed record GalleryView(string Name, IReadOnlyList<PhotoRef> Photos);
