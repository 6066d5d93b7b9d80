using System.Security.Cryptography;

namespace BananTourism.Application.Common;

/// <summary>Random codes in Crockford's base 32 (no I, L, O or U), easy to read aloud at a gate and to type:
/// 8 characters are 40 bits, far beyond guessing at a rate-limited check-in.</summary>
public static class Codes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New(int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[bytes[i] & 31];
        }

        return new string(chars);
    }

    /// <summary>What a person typed, in canonical form: upper case, dashes and spaces dropped, and the letters
    /// people confuse with digits read as those digits (O→0, I/L→1).</summary>
    public static string Normalize(string typed)
    {
        var chars = typed.Trim().ToUpperInvariant()
            .Where(c => c is not ('-' or ' '))
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        return new string(chars.ToArray());
    }

    public static string Format(string code) => code.Length == 8 ? $"{code[..4]}-{code[4..]}" : code;
}
