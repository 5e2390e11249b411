namespace RapidResponse.Statements;

/// <summary>
/// Why a template was refused: the file, the 1-based line (0 when the file as a whole is wrong), the 1-based column
/// (0 when the parser names none) and the parser's words. Written <c>file:line:column: message</c>, as compilers do.
/// </summary>
public sealed record TemplateError(string File, int Line, string Message, int Column = 0)
{
    public override string ToString() =>
        Line <= 0 ? $"{File}: {Message}"
        : Column <= 0 ? $"{File}:{Line}: {Message}"
        : $"{File}:{Line}:{Column}: {Message}";
}
