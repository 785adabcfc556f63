using System.Security.Cryptography;
using Duban.Core.Common;
using Duban.Core.Data;
using Duban.Core.Documents;
using Microsoft.Extensions.Options;

namespace Duban.Core.Ledger;

/// <summary>A file accepted into the store: where it is (its hash), how big and what it is.</summary>
public sealed record StoredFile(string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// Evidence files on disk under the data folder (files/ab/abcdef…), named by SHA-256 so a file uploaded twice is
/// kept once. A file is accepted only when its whole structure is that of its type (see <see cref="FileFormats"/>
/// and <see cref="OfficePackages"/>): a renamed program, or an image or PDF with a web page attached, is refused.
/// </summary>
public sealed class EvidenceStore(DatabaseSettings settings, IOptions<LedgerOptions> options)
{
    private static readonly Dictionary<string, (string ContentType, Func<Stream, string?> Problem)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", FileFormats.Pdf),
        [".png"] = ("image/png", FileFormats.Png),
        [".jpg"] = ("image/jpeg", FileFormats.Jpeg),
        [".jpeg"] = ("image/jpeg", FileFormats.Jpeg),
        [".docx"] = (ContentTypes.Docx, OfficePackages.Word),
        [".xlsx"] = (ContentTypes.Xlsx, OfficePackages.Excel),
        [".pptx"] = (ContentTypes.Pptx, OfficePackages.PowerPoint),
        [".ofd"] = ("application/ofd", OfficePackages.Ofd),
        [".doc"] = ("application/msword", FileFormats.OleCompound),
        [".xls"] = ("application/vnd.ms-excel", FileFormats.OleCompound),
    };

    public static string AllowedList => "PDF、Word（doc/docx）、Excel（xls/xlsx）、PowerPoint（pptx）、JPG、PNG、OFD";

    /// <summary>The extensions a file picker offers.</summary>
    public const string Accept = ".pdf,.doc,.docx,.xls,.xlsx,.pptx,.jpg,.jpeg,.png,.ofd";

    private string Root => Path.Combine(settings.DataDirectory, "files");

    public async Task<StoredFile> SaveAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        var name = Check.Text(NameOnly(fileName), "文件名", EvidenceFile.FileNameMaxLength);
        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            throw LedgerErrors.FileTypeNotAccepted(Path.GetExtension(name), AllowedList);
        }
        var limit = options.Value.MaxEvidenceBytes;
        Directory.CreateDirectory(Path.Combine(Root, "incoming"));
        var temporary = Path.Combine(Root, "incoming", Guid.NewGuid().ToString("N"));
        try
        {
            var (hash, size) = await CopyAsync(content, temporary, limit, cancellationToken);
            if (size == 0)
            {
                throw LedgerErrors.FileEmpty();
            }
            string? problem;
            await using (var file = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024))
            {
                problem = kind.Problem(file);
            }
            if (problem is not null)
            {
                throw LedgerErrors.FileNotItsType(problem, name, AllowedList);
            }
            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // Same hash, same bytes: a file already there (or arriving at this moment) is simply replaced.
            File.Move(temporary, target, overwrite: true);
            return new StoredFile(hash, size, kind.ContentType, name);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    // Browsers send a bare name, but some old ones sent the whole Windows path.
    private static string NameOnly(string? fileName) =>
        fileName is null ? string.Empty : fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..];

    private static async Task<(string Hash, long Size)> CopyAsync(Stream content, string path, long limit,
        CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        var buffer = new byte[81920];
        await using (var output = File.Create(path))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > limit)
                {
                    throw LedgerErrors.FileTooLarge(limit);
                }
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }
}
