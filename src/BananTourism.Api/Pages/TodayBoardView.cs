using BananTourism.Application.Reports;

namespace BananTourism.Api.Pages;

/// <summary>What the today board partial shows, and where its live rows come from.</summary>
public sealed record TodayBoardView(TodayReport Report, string StreamUrl);
