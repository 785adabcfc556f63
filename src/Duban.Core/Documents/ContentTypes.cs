namespace Duban.Core.Documents;

/// <summary>The media types of the Office formats, as downloads and stored files declare them.</summary>
public static class ContentTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
}
