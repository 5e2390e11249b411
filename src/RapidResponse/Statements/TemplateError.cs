namespace RapidResponse.Statements;

/// <summary>Why a template was refused: the file, the 1-based line (0 when the file as a whole is wrong) and the parser's words.</summary>
public sealed record TemplateError(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}
