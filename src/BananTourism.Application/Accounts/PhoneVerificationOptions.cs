namespace BananTourism.Application.Accounts;

/// <summary>Configuration section <c>PhoneVerification</c>: limits on the SMS codes the service pays for, beyond
/// the contract's one a minute and five a day per number and per account.</summary>
public sealed class PhoneVerificationOptions
{
    public const string Section = "PhoneVerification";

    /// <summary>Codes one client address (IPv4, or an IPv6 /64) may ask for a day: a village's shared Wi-Fi serves
    /// many tourists, a script registering accounts by the hundred does not get that far.</summary>
    public int CodesPerAddressPerDay { get; set; } = 30;

    /// <summary>Codes the whole service sends a day; past it, 503 <c>sms_unavailable</c> until tomorrow and an error
    /// in the log, rather than an open-ended bill from an SMS-pumping flood.</summary>
    public int DailySmsBudget { get; set; } = 5000;
}
