using System.Security.Cryptography;

namespace SysRift.Core.Ids;

/// <summary>
/// 26-character lowercase ids in the same alphabet and length as Orchard Core's content item ids, so ids
/// travel between the two systems unchanged.
/// </summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[17];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            // 5 bits per character, read from the random bytes.
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | bytes[(bit / 8) + 1]) >> (11 - (bit % 8)) & 0x1f;
            chars[i] = Alphabet[value];
        }

        return new string(chars);
    }
}
