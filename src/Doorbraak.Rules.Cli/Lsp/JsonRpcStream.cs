using System.Text;
using System.Text.Json.Nodes;

namespace Doorbraak.Rules.Cli.Lsp;

/// <summary>
/// JSON-RPC 2.0 messages in the Language Server Protocol's base framing: a <c>Content-Length</c> header (and an
/// optional <c>Content-Type</c>), an empty line, then exactly that many bytes of UTF-8 JSON.
/// </summary>
internal sealed class JsonRpcStream(Stream input, Stream output)
{
    /// <summary>The largest message accepted; a larger announced length is a protocol error.</summary>
    public const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly Lock _writeLock = new();

    /// <summary>Reads the next message, or null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">The framing is broken (no or a bad Content-Length).</exception>
    public JsonNode? Read()
    {
        int? length = null;
        while (true)
        {
            var line = ReadHeaderLine();
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (length is null) continue; // stray empty line between messages
                break;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new InvalidDataException($"Bad LSP header line '{line}'.");
            var name = line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), out var n) || n < 0 || n > MaxMessageBytes)
                    throw new InvalidDataException($"Bad Content-Length in '{line}'.");
                length = n;
            }
        }
        var body = new byte[length.Value];
        var read = 0;
        while (read < body.Length)
        {
            var r = input.Read(body, read, body.Length - read);
            if (r == 0) return null;
            read += r;
        }
        return JsonNode.Parse(body);
    }

    private string? ReadHeaderLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0) return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            if (b == '\n') break;
            if (b != '\r') bytes.Add((byte)b);
            if (bytes.Count > 8192) throw new InvalidDataException("An LSP header line is longer than 8192 bytes.");
        }
        return Encoding.ASCII.GetString(bytes.ToArray());
    }

    /// <summary>Writes one message with its header; safe to call from several threads.</summary>
    public void Write(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (_writeLock)
        {
            output.Write(header);
            output.Write(body);
            output.Flush();
        }
    }
}
