using System.Text;

namespace SysRift.Recipes.Reading;

/// <summary>
/// Where a recipe's bytes are. It can be opened more than once: the reader reads the header and the steps once,
/// and a Content step's items are read again, one at a time (by an import, which validates them as it applies
/// them, or by validation alone), so a recipe of any size is never held in memory whole.
/// </summary>
public abstract class RecipeSource
{
    /// <summary>A readable, seekable stream positioned at the start.</summary>
    public abstract Stream Open();

    /// <summary>
    /// Changes when the bytes may have changed (a file's length and time of last write): items read again must
    /// be the items that were validated.
    /// </summary>
    public abstract string Version { get; }

    public static RecipeSource FromFile(string path) => new FileSource(path);

    /// <summary>A recipe given as text (shipped setup recipes, tests); held as UTF-8 bytes.</summary>
    public static RecipeSource FromText(string json) => new BytesSource(Encoding.UTF8.GetBytes(json));

    private sealed class FileSource(string path) : RecipeSource
    {
        // A small buffer: the reader buffers itself, and reads each item's bytes at most a few times.
        public override Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

        public override string Version
        {
            get
            {
                var file = new FileInfo(path);
                return file.Exists ? $"{file.Length}@{file.LastWriteTimeUtc.Ticks}" : "gone";
            }
        }
    }

    private sealed class BytesSource(byte[] bytes) : RecipeSource
    {
        public override Stream Open() => new MemoryStream(bytes, writable: false);

        public override string Version => "in memory";
    }
}
