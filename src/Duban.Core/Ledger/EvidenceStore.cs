using System.IO.Compression;
using System.Security.Cryptography;
using Duban.Core.Common;
using Duban.Core.Data;
using Microsoft.Extensions.Options;

namespace Duban.Core.Ledger;

/// <summary>A file accepted into the store: where it is (its hash), how big and what it is.</summary>
public sealed record StoredFile(string Sha256, long Size, string ContentType, string FileName);

/// <summary>
/// Evidence files on disk under the data folder (files/ab/abcdef…), named by SHA-256 so a file uploaded twice is
/// kept once. A file is accepted only when its content matches its extension: a renamed program is refused.
/// </summary>
public sealed class EvidenceStore(DatabaseSettings settings, IOptions<LedgerOptions> options)
{
    private static readonly Dictionary<string, (string ContentType, Func<byte[], string, bool> Matches)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", (head, _) => StartsWith(head, "%PDF-"u8)),
        [".png"] = ("image/png", (head, _) => StartsWith(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        [".jpg"] = ("image/jpeg", (head, _) => StartsWith(head, [0xFF, 0xD8, 0xFF])),
        [".jpeg"] = ("image/jpeg", (head, _) => StartsWith(head, [0xFF, 0xD8, 0xFF])),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (head, path) => IsZipWith(head, path, "[Content_Types].xml")),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (head, path) => IsZipWith(head, path, "[Content_Types].xml")),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", (head, path) => IsZipWith(head, path, "[Content_Types].xml")),
        [".ofd"] = ("application/ofd", (head, path) => IsZipWith(head, path, "OFD.xml")),
        [".doc"] = ("application/msword", (head, _) => StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])),
        [".xls"] = ("application/vnd.ms-excel", (head, _) => StartsWith(head, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])),
    };

    public static string AllowedList => "PDF、Word（doc/docx）、Excel（xls/xlsx）、PowerPoint（pptx）、JPG、PNG、OFD";

    private string Root => Path.Combine(settings.DataDirectory, "files");

    public async Task<StoredFile> SaveAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        var name = Check.Text(Path.GetFileName(fileName ?? string.Empty), "文件名", EvidenceFile.FileNameMaxLength);
        if (!Kinds.TryGetValue(Path.GetExtension(name), out var kind))
        {
            throw new DubanException(ErrorKind.Validation, $"不支持的文件类型“{Path.GetExtension(name)}”：只接受 {AllowedList} 文件。", "file");
        }
        var limit = options.Value.MaxEvidenceBytes;
        Directory.CreateDirectory(Path.Combine(Root, "incoming"));
        var temporary = Path.Combine(Root, "incoming", Guid.NewGuid().ToString("N"));
        try
        {
            var (hash, size, head) = await CopyAsync(content, temporary, limit, cancellationToken);
            if (size == 0)
            {
                throw new DubanException(ErrorKind.Validation, "文件是空的。", "file");
            }
            if (!kind.Matches(head, temporary))
            {
                throw new DubanException(ErrorKind.Validation,
                    $"文件“{name}”的内容与其扩展名不符，已拒绝。只接受真实的 {AllowedList} 文件。", "file");
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

    private static async Task<(string Hash, long Size, byte[] Head)> CopyAsync(Stream content, string path, long limit,
        CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[16];
        var headLength = 0;
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
                    throw new DubanException(ErrorKind.Validation, $"文件超过 {limit / 1024 / 1024} MB 的上限。", "file");
                }
                var take = Math.Min(read, head.Length - headLength);
                Array.Copy(buffer, 0, head, headLength, take);
                headLength += take;
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return (Convert.ToHexStringLower(sha.GetHashAndReset()), size, head[..headLength]);
    }

    private static bool StartsWith(byte[] head, ReadOnlySpan<byte> signature) => head.AsSpan().StartsWith(signature);

    // Office and OFD files are zip packages; the package must open and hold its manifest.
    private static bool IsZipWith(byte[] head, string path, string manifest)
    {
        if (!StartsWith(head, "PK\u0003\u0004"u8))
        {
            return false;
        }
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Any(e => e.FullName.Equals(manifest, StringComparison.OrdinalIgnoreCase)
                                        || e.FullName.EndsWith("/" + manifest, StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
