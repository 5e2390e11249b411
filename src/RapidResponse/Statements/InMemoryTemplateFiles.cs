using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace RapidResponse.Statements;

/// <summary>Serves template sources to Fluid's <c>{% include %}</c> from memory: templates live in the assembly, not on disk.</summary>
internal sealed class InMemoryTemplateFiles(IReadOnlyDictionary<string, string> sources) : IFileProvider
{
    public IFileInfo GetFileInfo(string subpath) =>
        sources.TryGetValue(subpath.TrimStart('/'), out var source)
            ? new TemplateFile(subpath.TrimStart('/'), source)
            : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class TemplateFile(string name, string source) : IFileInfo
    {
        private readonly byte[] bytes = Encoding.UTF8.GetBytes(source);

        public bool Exists => true;

        public long Length => bytes.Length;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => new MemoryStream(bytes, writable: false);
    }
}
