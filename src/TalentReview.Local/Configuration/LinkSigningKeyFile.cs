using System.Security.Cryptography;
using System.Text.Json;

namespace TalentReview.Local.Configuration;

/// <summary>
/// The development key that signs links, generated on first start and kept in the data folder
/// (never in the repository), so links in emails sent before a restart still verify after it.
/// </summary>
public sealed record LinkSigningKeyFile(string KeyId, string Key)
{
    public const string FileName = "link-signing-key.json";

    public static LinkSigningKeyFile LoadOrCreate(string dataFolder)
    {
        var path = Path.Combine(dataFolder, FileName);
        if (File.Exists(path))
        {
            return JsonSerializer.Deserialize<LinkSigningKeyFile>(File.ReadAllText(path))
                ?? throw new InvalidDataException($"{path} does not hold a link signing key.");
        }

        var created = new LinkSigningKeyFile($"local-{DateTimeOffset.UtcNow:yyyyMMdd}", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Directory.CreateDirectory(dataFolder);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(created));
        File.Move(temporary, path, overwrite: false);
        return created;
    }
}
