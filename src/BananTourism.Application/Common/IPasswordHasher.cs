namespace BananTourism.Application.Common;

public interface IPasswordHasher
{
    string Hash(string password);

    /// <summary>Also called with <see cref="DummyHash"/> for unknown accounts, so a login takes the same time
    /// whether or not the email exists.</summary>
    bool Verify(string hash, string password);

    string DummyHash { get; }
}
